/**
 * What the instructor's statistics page shows beyond the engine's Moodle statistics
 * (statistics.ts): the attempts it feeds them, flags on weak items, the score distribution and
 * mastery per objective.
 *
 * Attempts counted, as Moodle's quiz statistics choose them (quiz_statistics_attempts_sql):
 * - only submitted assessment attempts at the chosen assessment (practice, open attempts and
 *   other assessments never count), each graded with the assessment's pass mark and marking rule;
 * - per learner, the attempt the grading method takes its grade from (`chosenAttempts` in
 *   gradebook.ts: first or last by start, ties by attempt id; highest by counted percent, where a
 *   pending item counts 0, ties to the earlier), or every attempt ('all');
 * - by default the blueprint's own grading method: first, highest or last, and 'average' → all,
 *   since every attempt shapes an average grade;
 * - an attempt still waiting for an instructor's grade (a pending free text) is then left out,
 *   not replaced by another of the learner's attempts (Moodle: "sumgrades IS NOT NULL" after the
 *   grading-method filter), unless `includePending` asks for it.
 *
 * Flags (Moodle's usual reading of its own figures; thresholds in ITEM_FLAG_THRESHOLDS):
 * - too easy: facility above 90 %;   too hard: facility below 20 %;
 * - negative discrimination: index below 0 (stronger learners did worse on it: check the key);
 * - weak discrimination: index from 0 up to (not including) 20.
 * A figure that is null (too few attempts, no variance) raises no flag.
 *
 * Distribution: attempt percents in ten bins of 10 points, [0, 10) … [90, 100]; 100 falls in the
 * last bin. Objective mastery: per objective, the share of attempts whose objective percent
 * reaches the pass mark, and the mean of those percents.
 */
import { passed, type AssessmentInfo } from './blueprints.ts'
import { chosenAttempts, gradeFor, type GradebookInput, type GradedAttempt } from './gradebook.ts'
import type { ItemStatistics, StatisticsAttempt } from './statistics.ts'
import type { GradingMethod, Item } from './types.ts'
import { snapshotOf } from './own.ts'

export const ITEM_FLAG_THRESHOLDS = {
  tooEasyAbove: 90,
  tooHardBelow: 20,
  weakDiscriminationBelow: 20,
  negativeDiscriminationBelow: 0,
} as const

export type ItemFlag = 'too-easy' | 'too-hard' | 'weak-discrimination' | 'negative-discrimination'

export const ITEM_FLAG_LABELS: Record<ItemFlag, string> = {
  'too-easy': 'Too easy',
  'too-hard': 'Too hard',
  'weak-discrimination': 'Weak discrimination',
  'negative-discrimination': 'Negative discrimination',
}

/** The flags one item's statistics raise (rules at the top of the file). */
export function itemFlags(stats: Pick<ItemStatistics, 'facility' | 'discriminationIndex'>, t = ITEM_FLAG_THRESHOLDS): ItemFlag[] {
  const flags: ItemFlag[] = []
  if (stats.facility !== null && stats.facility > t.tooEasyAbove) flags.push('too-easy')
  if (stats.facility !== null && stats.facility < t.tooHardBelow) flags.push('too-hard')
  const d = stats.discriminationIndex
  if (d !== null && d < t.negativeDiscriminationBelow) flags.push('negative-discrimination')
  else if (d !== null && d < t.weakDiscriminationBelow) flags.push('weak-discrimination')
  return flags
}

export type AttemptsCounted = 'first' | 'highest' | 'last' | 'all'

export const ATTEMPTS_COUNTED_LABELS: Record<AttemptsCounted, string> = {
  first: 'Each learner’s first attempt',
  highest: 'Each learner’s highest-graded attempt',
  last: 'Each learner’s last attempt',
  all: 'All attempts',
}

/** The attempts a grading method's statistics count by default (rule at the top of the file). */
export function defaultAttemptsCounted(method: GradingMethod): AttemptsCounted {
  return method === 'average' ? 'all' : method
}

export interface CountedAttemptsOptions {
  /** Which of a learner's attempts count; the assessment's grading method by default. */
  which?: AttemptsCounted
  /** Count attempts still waiting for an instructor's grade too (off by default, as in Moodle). */
  includePending?: boolean
}

/** The graded attempts the statistics count at one assessment (rule at the top of the file). */
export function countedAttempts(
  input: Pick<GradebookInput, 'attempts' | 'responses' | 'manualGrades'>,
  assessment: AssessmentInfo,
  options: CountedAttemptsOptions = {},
): GradedAttempt[] {
  const which = options.which ?? defaultAttemptsCounted(assessment.gradingMethod)
  const all = input.attempts
    .filter((a) => a.mode === 'assessment' && a.submittedAt !== null && a.sourceId === assessment.id)
    .map((attempt) => ({ attempt, grade: gradeFor(attempt, input, assessment) }))
  let chosen = all
  if (which !== 'all') {
    const byLearner = new Map<string, GradedAttempt[]>()
    for (const g of all) byLearner.set(g.attempt.learnerId, [...(byLearner.get(g.attempt.learnerId) ?? []), g])
    chosen = [...byLearner.values()].flatMap((own) => chosenAttempts(own, which))
  }
  return options.includePending === true ? chosen : chosen.filter((g) => g.grade.pending === 0)
}

/**
 * The engine's statistics input from graded submitted attempts: each slot's score (a pending free
 * text counts with its provisional score, as in the report command) and the answer given.
 */
export function statisticsAttempts(graded: readonly GradedAttempt[]): StatisticsAttempt[] {
  return graded
    .filter((g) => g.attempt.submittedAt !== null)
    .map(({ attempt, grade }) => {
      const items: StatisticsAttempt['items'] = {}
      for (const r of grade.perItem) items[r.itemId] = { score: r.grade.score, max: r.grade.max, answer: r.response?.answer ?? null }
      return { learnerId: attempt.learnerId, attemptId: attempt.id, startedAt: attempt.startedAt, items }
    })
}

/** Each item as the most recently started attempt showed it (for labels and response analysis). */
export function latestSnapshots(graded: readonly GradedAttempt[]): Item[] {
  const latest = new Map<string, { at: number; item: Item }>()
  for (const { attempt } of graded) {
    for (const slot of attempt.slots) {
      const item = snapshotOf(attempt, slot.version)
      const current = latest.get(slot.itemId)
      if (item !== undefined && (current === undefined || attempt.startedAt >= current.at)) latest.set(slot.itemId, { at: attempt.startedAt, item })
    }
  }
  return [...latest.values()].map((entry) => entry.item)
}

export interface DistributionBin {
  /** Lower bound, inclusive. */
  from: number
  /** Upper bound: exclusive, except 100 for the last bin. */
  to: number
  count: number
}

/** Attempt percents in bins of `width` points over 0..100 (rule at the top of the file). */
export function scoreDistribution(percents: readonly number[], width = 10): DistributionBin[] {
  const count = Math.ceil(100 / width)
  const bins: DistributionBin[] = Array.from({ length: count }, (_, i) => ({ from: i * width, to: Math.min(100, (i + 1) * width), count: 0 }))
  for (const p of percents) {
    if (!Number.isFinite(p)) continue
    const index = Math.min(count - 1, Math.max(0, Math.floor(p / width)))
    const bin = bins[index]
    if (bin !== undefined) bin.count++
  }
  return bins
}

export interface ObjectiveMastery {
  objective: string
  attempts: number
  /** Mean objective percent over the attempts that tested it. */
  meanPercent: number
  /** Percent of those attempts at or above the pass mark for this objective. */
  masteredPercent: number
}

/** Mastery per objective over graded attempts, against a pass mark (0..1). */
export function objectiveMastery(graded: readonly GradedAttempt[], passMark: number): ObjectiveMastery[] {
  const sums = new Map<string, { attempts: number; percentSum: number; mastered: number }>()
  for (const { grade } of graded) {
    for (const o of grade.perObjective) {
      if (!(o.max > 0)) continue
      const percent = (100 * o.score) / o.max
      const sum = sums.get(o.objective) ?? { attempts: 0, percentSum: 0, mastered: 0 }
      sum.attempts++
      sum.percentSum += percent
      if (passed(percent, passMark)) sum.mastered++
      sums.set(o.objective, sum)
    }
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([objective, s]) => ({ objective, attempts: s.attempts, meanPercent: s.percentSum / s.attempts, masteredPercent: (100 * s.mastered) / s.attempts }))
}
