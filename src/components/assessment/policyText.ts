/**
 * How an assessment's rules read to a learner (grading method, review policy, attempts, time
 * limit), in one place so the course home, the progress page and the assessment pages agree.
 * Numbers, dates and plurals come from src/domain/format.ts.
 */
import { itemCount, passed } from '../../domain/blueprints.ts'
import type { AssessmentStanding } from '../../domain/courseProgress.ts'
import { minutes, percent, plural } from '../../domain/format.ts'
import type { Blueprint, GradingMethod, ReviewPart } from '../../domain/types.ts'

export const GRADING_METHOD: Record<GradingMethod, string> = {
  highest: 'Your highest grade counts.',
  first: 'Your first attempt’s grade counts.',
  last: 'Your last attempt’s grade counts.',
  average: 'The average of your grades counts.',
}

/** The same rule inside a sentence: "your highest grade counts". */
export function gradingMethodPhrase(method: GradingMethod): string {
  const sentence = GRADING_METHOD[method]
  return sentence.charAt(0).toLowerCase() + sentence.slice(1, -1)
}

/**
 * A part in words. `shown` is everything visible at that stage: feedback shown without the
 * right answers covers only what the learner got right (src/domain/reviewFeedback.ts), and the
 * explanations and evidence arrive with the right answers.
 */
function partWords(part: ReviewPart, listed: readonly ReviewPart[], shown: readonly ReviewPart[]): string {
  switch (part) {
    case 'score':
      return 'your score'
    case 'responses':
      return 'your answers'
    case 'feedback':
      return shown.includes('correct') ? 'feedback with the evidence from the brief' : 'feedback on what you got right'
    case 'correct':
      return shown.includes('feedback') && !listed.includes('feedback')
        ? 'the right answers, with the explanations and the evidence from the brief'
        : 'the right answers'
  }
}

/** "your score, your answers and the right answers"; `shown` (defaults to `parts`) as in partWords. */
export function reviewParts(parts: readonly ReviewPart[], shown: readonly ReviewPart[] = parts): string {
  const words = parts.map((p) => partWords(p, parts, shown))
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/** "third", "12th", "21st". */
export function ordinal(n: number): string {
  const word = ORDINALS[n - 1]
  if (word !== undefined) return word
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/**
 * When the afterLastAttempt review opens, as a phrase to start a sentence with: "once you pass
 * or after your third attempt", "once you have used all your attempts"; null when it never opens
 * (unlimited attempts and no fullReviewWhen).
 */
export function fullReviewWhenWords(blueprint: Pick<Blueprint, 'maxAttempts' | 'review'>): string | null {
  const when = blueprint.review.fullReviewWhen
  const max = blueprint.maxAttempts
  const pass = when?.passed === true
  // An attempt count the limit reaches first says nothing "no attempts left" does not.
  const count = when?.attempts !== undefined && (max === undefined || when.attempts < max) ? when.attempts : undefined
  const noneLeft = max !== undefined && count === undefined
  if (count !== undefined) return pass ? `once you pass or after your ${ordinal(count)} attempt` : `after your ${ordinal(count)} attempt`
  if (noneLeft) return pass ? 'once you pass or have used all your attempts' : 'once you have used all your attempts'
  return pass ? 'once you pass' : null
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** What the learner will see after submitting, and what joins it later and when (the start page). */
export function reviewPolicyText(blueprint: Pick<Blueprint, 'maxAttempts' | 'review'>): string {
  const { afterSubmit, afterLastAttempt } = blueprint.review
  const now = afterSubmit.length > 0 ? `After you submit, you see ${reviewParts(afterSubmit)}.` : 'Results are not shown right after you submit.'
  const later = afterLastAttempt.filter((p) => !afterSubmit.includes(p))
  const when = fullReviewWhenWords(blueprint)
  if (when === null || later.length === 0) return now
  return `${now} ${capitalised(when)}, you also see ${reviewParts(later, [...afterSubmit, ...later])}.`
}

/**
 * What is still hidden and when it will show, for a result page; '' when nothing more will.
 * `shown` is what the review shows now (reviewVisibility).
 */
export function reviewLaterText(blueprint: Pick<Blueprint, 'maxAttempts' | 'review'>, shown: readonly ReviewPart[], submitted: number): string {
  const later = blueprint.review.afterLastAttempt.filter((p) => !shown.includes(p))
  const when = fullReviewWhenWords(blueprint)
  if (when === null || later.length === 0) return ''
  const sentence = `${capitalised(when)}, you can also see ${reviewParts(later, [...shown, ...later])}.`
  return blueprint.review.fullReviewWhen?.attempts === undefined ? sentence : `${sentence} You have submitted ${plural(submitted, 'attempt')} so far.`
}

/** "1 of 2 attempts used", "3 attempts used" (no limit). */
export function attemptsUsed(blueprint: Blueprint, used: number): string {
  const limit = blueprint.maxAttempts
  return limit === undefined ? `${plural(used, 'attempt')} used` : `${used} of ${plural(limit, 'attempt')} used`
}

/** "Quiz · 4 questions · 10 minutes": what an assessment asks, in one line. */
export function assessmentSize(blueprint: Blueprint): string {
  return `${blueprint.kind === 'final' ? 'Final assessment' : 'Quiz'} · ${itemCount(blueprint)} questions · ${timeWords(blueprint)}`
}

/** "10 minutes" or "No time limit". */
export function timeWords(blueprint: Blueprint): string {
  return blueprint.timeLimit === undefined ? 'No time limit' : minutes(blueprint.timeLimit)
}

/** A sealed assessment's submitted attempt before its instructor releases the results (no score, no verdict). */
export const NOT_RELEASED = 'Submitted — results not released yet'

/** The verdict on a graded attempt: "passed", "not passed", or waiting while free text is ungraded. */
export function verdict(outcome: boolean | null): string {
  return outcome === true ? 'passed' : outcome === false ? 'not passed' : 'waiting for your instructor'
}

/**
 * An assessment's standing in two lines: on the course home, what it asks and the grade that
 * counts; on the progress page, the grade against the pass mark and the rules behind it.
 * `awaitingRelease`: a sealed assessment has submitted attempts whose results are not released yet.
 */
export function standingLines(blueprint: Blueprint, standing: AssessmentStanding, view: 'course' | 'progress', awaitingRelease = false): { meta: string; grade: string } {
  const grade = standing.countingGrade
  const rule = gradingMethodPhrase(blueprint.gradingMethod)
  const used = attemptsUsed(blueprint, standing.used)
  if (view === 'course') {
    return { meta: `${assessmentSize(blueprint)} · ${used}`, grade: grade === null ? (awaitingRelease ? `${NOT_RELEASED}.` : 'No grade yet.') : `Your grade: ${percent(grade)} (${rule}).` }
  }
  return {
    meta: `Pass mark ${percent(blueprint.passMark * 100)}; ${rule}. ${used}.`,
    grade: grade === null ? (awaitingRelease ? NOT_RELEASED : 'No grade yet') : `${percent(grade)} — ${verdict(passed(grade, blueprint.passMark))}`,
  }
}
