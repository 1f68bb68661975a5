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

const PART: Record<ReviewPart, string> = {
  score: 'your score',
  responses: 'your answers',
  feedback: 'feedback with the evidence from the brief',
  correct: 'the right answers',
}

/** "your score, your answers and the right answers" */
export function reviewParts(parts: readonly ReviewPart[]): string {
  const words = parts.map((p) => PART[p])
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/** What the learner will see after submitting, and what joins it once no attempts are left. */
export function reviewPolicyText(afterSubmit: readonly ReviewPart[], afterLast: readonly ReviewPart[], limited: boolean): string {
  const now = afterSubmit.length > 0 ? `After you submit, you see ${reviewParts(afterSubmit)}.` : 'Results are not shown right after you submit.'
  const later = afterLast.filter((p) => !afterSubmit.includes(p))
  if (!limited || later.length === 0) return now
  return `${now} Once you have no attempts left, you also see ${reviewParts(later)}.`
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

/** The verdict on a graded attempt: "passed", "not passed", or waiting while free text is ungraded. */
export function verdict(outcome: boolean | null): string {
  return outcome === true ? 'passed' : outcome === false ? 'not passed' : 'waiting for your instructor'
}

/**
 * An assessment's standing in two lines: on the course home, what it asks and the grade that
 * counts; on the progress page, the grade against the pass mark and the rules behind it.
 */
export function standingLines(blueprint: Blueprint, standing: AssessmentStanding, view: 'course' | 'progress'): { meta: string; grade: string } {
  const grade = standing.countingGrade
  const rule = gradingMethodPhrase(blueprint.gradingMethod)
  const used = attemptsUsed(blueprint, standing.used)
  if (view === 'course') {
    return { meta: `${assessmentSize(blueprint)} · ${used}`, grade: grade === null ? 'No grade yet.' : `Your grade: ${percent(grade)} (${rule}).` }
  }
  return {
    meta: `Pass mark ${percent(blueprint.passMark * 100)}; ${rule}. ${used}.`,
    grade: grade === null ? 'No grade yet' : `${percent(grade)} — ${verdict(passed(grade, blueprint.passMark))}`,
  }
}
