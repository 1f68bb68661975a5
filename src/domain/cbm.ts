/**
 * Certainty-based marking (CBM), Gardner-Medwin's scheme as Moodle's deferred-CBM behaviour
 * runs it (docs/cbm.md has a worked example).
 *
 * Rules:
 * - With a blueprint's `certainty: true`, each answer carries a certainty: 1 "not sure",
 *   2 "fairly sure", 3 "very sure". An answer saved without one counts as level 1, as in Moodle
 *   (question_cbm::default_certainty() is LOW); the summary counts how many were defaulted.
 * - Marks per item, in units of the item's maximum: right at 1/2/3 earns 1/2/3, wrong earns
 *   0/−2/−6 (Moodle's question_cbm $rightscore / $wrongscore).
 * - Partial credit: a fraction f (score / max, 0..1) at certainty c earns
 *   f·right(c) + (1 − f)·wrong(c), times the item's maximum. This is the linear rule the issue
 *   asks for; it is what Moodle's first question_cbm did (an offset plus a factor per level).
 *   Moodle 4.x's question_cbm::adjust_fraction instead gives right(c)·f for any f > 0 and
 *   wrong(c) for f ≤ 0 (so f = 0.5 at level 3 earns +1.5 there and −1.5 here): CBM_PARTIAL_RULE
 *   names the choice, and the tests pin it.
 * - Unanswered items earn 0 whatever certainty was picked (Moodle counts them as "not answered":
 *   weight, no mark) and are never penalised.
 * - Negative marking and CBM together: the item's fraction is taken after negative marking, which
 *   our graders clamp at 0; a fraction of 0 earns wrong(c). Moodle does the same with its negative
 *   option grades (any fraction ≤ 0 earns the wrong mark), so the combination is allowed.
 * - Items waiting for an instructor (free text) are left out of every CBM figure (weight and
 *   marks) until graded, and counted in `pending`; the figures are final when `pending` is 0.
 *   Once graded, the instructor's fraction is marked at the learner's certainty like any other.
 * - Summary figures, Moodle's definitions (question/behaviour/deferredcbm/behaviour.php,
 *   summarise_usage and calculate_bonus), over the decided items:
 *   accuracy = Σ score / Σ max (certainty ignored, weighted by each item's maximum);
 *   average CBM mark = Σ CBM marks / Σ max (−6..3);
 *   CBM bonus = 0.1 × (average CBM mark − the best average a learner of that accuracy could
 *   expect using one certainty level for everything: max over c of acc·right(c) + (1−acc)·wrong(c));
 *   accuracy + bonus: Moodle's "Accuracy + Bonus". The 0.1 is Moodle's empirical constant.
 * - Pass: on `percent` as always, unless `passOn: 'cbm'`: then accuracy + bonus must reach the
 *   pass mark (both are fractions), and the result is null while items are pending.
 */

import { CERTAINTIES, DEFAULT_CERTAINTY, type Certainty } from './certainty.ts'

export { CERTAINTIES, DEFAULT_CERTAINTY, isCertainty, type Certainty } from './certainty.ts'
export type PassOn = 'accuracy' | 'cbm'

export const CBM_PARTIAL_RULE = 'linear' as const
/** Moodle's empirical weight of the bonus (calculate_bonus). */
export const CBM_BONUS_FACTOR = 0.1

const RIGHT: Record<Certainty, number> = { 1: 1, 2: 2, 3: 3 }
const WRONG: Record<Certainty, number> = { 1: 0, 2: -2, 3: -6 }

/** The CBM mark of one answer, in units of the item's maximum (rules at the top of the file). */
export function cbmFraction(fraction: number, certainty: Certainty): number {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0
  return f * RIGHT[certainty] + (1 - f) * WRONG[certainty]
}

/** The best average CBM mark a learner of this accuracy could expect at a single level. */
export function expectedForAccuracy(accuracy: number): number {
  return Math.max(...CERTAINTIES.map((c) => accuracy * RIGHT[c] + (1 - accuracy) * WRONG[c]))
}

/** Moodle's CBM bonus for an average CBM mark at an accuracy (both over the same items). */
export function cbmBonus(averageCbm: number, accuracy: number): number {
  return CBM_BONUS_FACTOR * (averageCbm - expectedForAccuracy(accuracy))
}

/** One item as CBM sees it. */
export interface CbmItemInput {
  score: number
  max: number
  /** Null when the learner picked none (counted as level 1). */
  certainty: Certainty | null
  answered: boolean
  pending: boolean
}

export interface CbmItemMark {
  /** The level used (the learner's, or 1 when none was given). */
  certainty: Certainty
  /** True when no certainty was given and level 1 was assumed. */
  defaulted: boolean
  /** CBM marks earned (item maximum × cbmFraction), 0 when unanswered; null while pending. */
  mark: number | null
}

export interface CbmSummary {
  /** Decided items (graded automatically or by an instructor). */
  items: number
  /** Σ max over the decided items. */
  weight: number
  /** Σ CBM marks. */
  score: number
  /** Σ score / Σ max, 0..1 (0 when nothing is decided). */
  accuracy: number
  /** Σ CBM marks / Σ max, −6..3. */
  averageCbm: number
  bonus: number
  accuracyAndBonus: number
  /** Answered, decided items with no certainty (counted as level 1). */
  defaulted: number
  /** Items waiting for an instructor, left out of every figure. */
  pending: number
  passOn: PassOn
}

const round = (value: number): number => Math.round(value * 1e9) / 1e9

/** The mark of one item (rules at the top of the file). */
export function cbmItemMark(input: CbmItemInput): CbmItemMark {
  const certainty = input.certainty ?? DEFAULT_CERTAINTY
  const defaulted = input.certainty === null
  if (input.pending) return { certainty, defaulted, mark: null }
  if (!input.answered || input.max <= 0) return { certainty, defaulted, mark: 0 }
  return { certainty, defaulted, mark: round(input.max * cbmFraction(input.score / input.max, certainty)) }
}

/** Accuracy, CBM marks and bonus over an attempt's items (rules at the top of the file). */
export function cbmSummary(items: readonly CbmItemInput[], passOn: PassOn = 'accuracy'): CbmSummary {
  let weight = 0
  let raw = 0
  let score = 0
  let decided = 0
  let defaulted = 0
  let pending = 0
  for (const item of items) {
    if (item.pending) {
      pending++
      continue
    }
    const marked = cbmItemMark(item)
    decided++
    weight += item.max
    raw += item.answered ? item.score : 0
    score += marked.mark ?? 0
    if (marked.defaulted && item.answered) defaulted++
  }
  const accuracy = weight > 0 ? raw / weight : 0
  const averageCbm = weight > 0 ? score / weight : 0
  const bonus = weight > 0 ? cbmBonus(averageCbm, accuracy) : 0
  return {
    items: decided,
    weight: round(weight),
    score: round(score),
    accuracy: round(accuracy),
    averageCbm: round(averageCbm),
    bonus: round(bonus),
    accuracyAndBonus: round(accuracy + bonus),
    defaulted,
    pending,
    passOn,
  }
}
