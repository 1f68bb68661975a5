/**
 * Calibration: whether a learner is right as often as their certainty says (issue 14). Pure; the
 * result and progress pages, the instructor's pages and the CSVs read it.
 *
 * Rules:
 * - An answer counts when it was given and is decided (graded automatically or by an instructor):
 *   blanks and free text waiting for an instructor say nothing about calibration. An answer with
 *   no certainty counts at level 1, as CBM marks it (cbm.ts). Partial credit counts its fraction:
 *   "right" at a level is the sum of the fractions (an answer half right adds 0.5) and the rate is
 *   right / answers.
 * - Target bands, Gardner-Medwin's optimal ranges as Moodle states them (question_cbm $lowlimit,
 *   $highlimit): level 1 up to 2/3, level 2 from 2/3 to 0.8, level 3 from 0.8. Bounds belong to
 *   the band (within 5e-7, as in Moodle). Below the band: over-confident at that level; above it:
 *   under-confident (a level-1 rate cannot be below, a level-3 rate cannot be above).
 * - MIN_ANSWERS (5) answers at a level are needed before it is judged; with fewer the level is
 *   "too-few" and its sentence says so (with none, that the level was never chosen). Five is the
 *   fewest at which one answer more or less moves the rate by 20 points at most, and at which a
 *   learner right 3 times in 5 at level 3 (60 %) is judged over-confident.
 * - Per objective: the same per level, over that objective's answers only.
 * - Brier score and confidence index: each level stands for a probability of being right, LEVEL_P:
 *   level 2 and 3 the middle of their bands (0.7333…, 0.9); level 1 0.5, not the middle of its band
 *   (1/3), because "not sure" on the two-way and four-way choices of a course is a guess between
 *   a few options, and 1/3 would call a learner who is right half the time when unsure
 *   under-confident. Brier = mean over answers of (p − fraction)², 0 best, 1 worst. Confidence
 *   index = mean p − mean fraction: positive over-confident, negative under-confident, 0 calibrated.
 *   For a cohort, both over all the cohort's answers pooled, and the learners counted.
 * - Confident wrong (per item, for the item statistics): the answers given at level 3 that earned
 *   nothing (fraction 0). The item is flagged as a possible misconception when at least
 *   CONFIDENT_WRONG_MIN (3) answers were confident and wrong and they are at least
 *   CONFIDENT_WRONG_SHARE (a fifth) of the item's counted answers.
 */
import type { AttemptGrade } from './attemptGrading.ts'
import { CERTAINTIES, DEFAULT_CERTAINTY, type Certainty } from './cbm.ts'

export const MIN_ANSWERS = 5
export const CONFIDENT_WRONG_MIN = 3
export const CONFIDENT_WRONG_SHARE = 0.2
export const BANDS: Readonly<Record<Certainty, { low: number; high: number }>> = { 1: { low: 0, high: 2 / 3 }, 2: { low: 2 / 3, high: 0.8 }, 3: { low: 0.8, high: 1 } }
export const LEVEL_P: Readonly<Record<Certainty, number>> = { 1: 0.5, 2: (2 / 3 + 0.8) / 2, 3: 0.9 }
export const LEVEL_NAMES: Readonly<Record<Certainty, string>> = { 1: 'not sure', 2: 'fairly sure', 3: 'very sure' }
const EPSILON = 5e-7

/** One counted answer. */
export interface CalibrationAnswer {
  itemId: string
  objective: string
  certainty: Certainty
  /** Score / max, 0..1. */
  fraction: number
}

export type BandPosition = 'below' | 'within' | 'above' | 'too-few'

export interface LevelCalibration {
  certainty: Certainty
  answers: number
  right: number
  /** right / answers; null with no answers. */
  rate: number | null
  band: { low: number; high: number }
  position: BandPosition
  /** The plain sentence for the learner. */
  sentence: string
}

export interface ConfidenceFigures {
  answers: number
  /** Null with no answers. */
  brier: number | null
  /** Mean stated probability − mean fraction; null with no answers. */
  confidenceIndex: number | null
}

export interface Calibration extends ConfidenceFigures {
  levels: LevelCalibration[]
  perObjective: { objective: string; levels: LevelCalibration[] }[]
}

const round = (value: number): number => Math.round(value * 1e9) / 1e9

/** The answers of a graded attempt that calibration counts (rules at the top of the file). */
export function calibrationAnswers(grade: Pick<AttemptGrade, 'perItem'>): CalibrationAnswer[] {
  const out: CalibrationAnswer[] = []
  for (const item of grade.perItem) {
    if (!('certainty' in item) || item.pending || item.grade.state === 'unanswered' || item.grade.max <= 0) continue
    out.push({ itemId: item.itemId, objective: item.objective, certainty: item.certainty ?? DEFAULT_CERTAINTY, fraction: Math.min(1, Math.max(0, item.grade.score / item.grade.max)) })
  }
  return out
}

function positionOf(rate: number, certainty: Certainty): Exclude<BandPosition, 'too-few'> {
  const band = BANDS[certainty]
  if (rate < band.low - EPSILON) return 'below'
  if (rate > band.high + EPSILON) return 'above'
  return 'within'
}

const ADVICE: Record<Certainty, Record<Exclude<BandPosition, 'too-few'>, string>> = {
  1: {
    below: '',
    within: "that is what 'not sure' is for",
    above: "you know more than you think: choose 'fairly sure' more often",
  },
  2: {
    below: "choose 'not sure' when you hesitate this much",
    within: "about right for 'fairly sure'",
    above: "you can choose 'very sure' more often",
  },
  3: {
    below: "be more careful before choosing 'very sure'",
    within: "'very sure' suits you",
    above: '',
  },
}

/** The learner's sentence for one level (rules at the top of the file). */
export function levelSentence(level: Pick<LevelCalibration, 'certainty' | 'answers' | 'rate' | 'position'>): string {
  const name = LEVEL_NAMES[level.certainty]
  if (level.answers === 0) return `You never chose '${name}'.`
  if (level.position === 'too-few' || level.rate === null) {
    const times = level.answers === 1 ? 'once' : `${level.answers} times`
    return `You chose '${name}' ${times}: too few answers to judge (at least ${MIN_ANSWERS} are needed).`
  }
  const tenths = Math.round(level.rate * 10)
  const times = tenths === 1 ? 'once' : `${tenths} times`
  return `When you were ${name} you were right ${times} out of 10: ${ADVICE[level.certainty][level.position]}.`
}

/** Calibration per level over some answers. */
export function levelCalibration(answers: readonly CalibrationAnswer[]): LevelCalibration[] {
  return CERTAINTIES.map((certainty) => {
    const at = answers.filter((a) => a.certainty === certainty)
    const right = round(at.reduce((sum, a) => sum + a.fraction, 0))
    const rate = at.length > 0 ? round(right / at.length) : null
    const position: BandPosition = rate === null || at.length < MIN_ANSWERS ? 'too-few' : positionOf(rate, certainty)
    const level = { certainty, answers: at.length, right, rate, band: BANDS[certainty], position }
    return { ...level, sentence: levelSentence(level) }
  })
}

/** Brier score and confidence index over some answers (rules at the top of the file). */
export function confidenceFigures(answers: readonly CalibrationAnswer[]): ConfidenceFigures {
  if (answers.length === 0) return { answers: 0, brier: null, confidenceIndex: null }
  let brier = 0
  let stated = 0
  let earned = 0
  for (const a of answers) {
    const p = LEVEL_P[a.certainty]
    brier += (p - a.fraction) ** 2
    stated += p
    earned += a.fraction
  }
  return { answers: answers.length, brier: round(brier / answers.length), confidenceIndex: round((stated - earned) / answers.length) }
}

/** A learner's calibration: per level, per objective, Brier and confidence index. */
export function calibration(answers: readonly CalibrationAnswer[]): Calibration {
  const objectives = [...new Set(answers.map((a) => a.objective))].sort()
  return {
    ...confidenceFigures(answers),
    levels: levelCalibration(answers),
    perObjective: objectives.map((objective) => ({ objective, levels: levelCalibration(answers.filter((a) => a.objective === objective)) })),
  }
}

export interface CohortCalibration extends Calibration {
  learners: number
}

/** A cohort's calibration: every learner's answers pooled (learner id → answers). */
export function cohortCalibration(byLearner: ReadonlyMap<string, readonly CalibrationAnswer[]>): CohortCalibration {
  const all = [...byLearner.values()].flat()
  return { ...calibration(all), learners: [...byLearner.values()].filter((a) => a.length > 0).length }
}

export interface ConfidentWrong {
  itemId: string
  answers: number
  confidentWrong: number
  flagged: boolean
}

/** Per item, how many answered very sure and wrong, and whether that flags it (rules at the top). */
export function confidentWrong(answers: readonly CalibrationAnswer[]): ConfidentWrong[] {
  const byItem = new Map<string, { answers: number; confidentWrong: number }>()
  for (const a of answers) {
    const row = byItem.get(a.itemId) ?? { answers: 0, confidentWrong: 0 }
    row.answers++
    if (a.certainty === 3 && a.fraction === 0) row.confidentWrong++
    byItem.set(a.itemId, row)
  }
  return [...byItem.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([itemId, row]) => ({
      itemId,
      ...row,
      flagged: row.confidentWrong >= CONFIDENT_WRONG_MIN && row.confidentWrong >= CONFIDENT_WRONG_SHARE * row.answers - EPSILON,
    }))
}
