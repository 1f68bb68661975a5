/**
 * Guessing resistance (issue 11 §2): how much a learner scores without reading the brief.
 * Pure functions, no browser; `scripts/bench.ts` prints their figures as budget rows (test-wise minus blind ≤ 3 points, the test-wise guesser never passes, no pasted stem scores).
 *
 * Every figure uses the real assembly (`startAttempt`, so the blueprint's draws and the slot's
 * option order) and the real grading (`gradeAttempt` with the blueprint's negative marking and
 * pass mark). A guesser's own randomness comes from `src/domain/random.ts`, seeded from the
 * attempt seed, so every figure is deterministic.
 *
 * Free text is pending in `gradeAttempt`: it counts 0 in `score` and its suggestion goes into
 * `provisionalScore`. The guessers' percent is taken from `provisionalScore` (as if the instructor
 * accepted every suggestion), so a pasted stem that earns provisional points shows in the figure.
 * A guesser passes when the domain's `passed` says that percent reaches the blueprint's pass mark.
 *
 * Blind guesser (uniform random answers; answers every item):
 * - single: a random option; multiple: each option ticked with probability ½ (a random subset);
 *   true/false: true or false with probability ½;
 * - matching: a random one-to-one assignment of the matches offered (pairs' matches and
 *   distractors) to the prompts; categorize: a random category per statement;
 *   ordering: a random permutation of the steps;
 * - cloze: a random option for a drop-down blank; a typed blank is left empty (a random word
 *   practically never matches an accepted answer, and empty can never draw a negative mark);
 * - short text and numeric: empty, for the same reason; free text: empty (a random sentence of
 *   course words would measure the rubric's synonyms rather than guessing; the test-wise guesser
 *   pastes the stem, which is the sharper test).
 *
 * Test-wise guesser (uses only cues visible in the item as shown):
 * - single: the longest option (ties: the first shown, in the slot's order);
 * - true/false: "false";
 * - multiple: every option at least as long as the median option length;
 * - cloze: the first drop-down option in the order shown (the slot's `blankOrders`, else the
 *   authored order: `clozeOrder.ts`); a typed blank is left empty;
 * - short text and free text: the stem pasted as the answer;
 * - numeric: the first number written in the stem, else empty;
 * - matching, categorize, ordering: as the blind guesser (no length or position cue survives
 *   the shuffle of prompts and matches; the ordering slot is never shown solved).
 */
import { gradeAttempt } from '../src/domain/attemptGrading.ts'
import { startAttempt } from '../src/domain/attemptStart.ts'
import { passed } from '../src/domain/blueprints.ts'
import { shownBlankOptions } from '../src/domain/clozeOrder.ts'
import { createRng, deriveSeed, randomInt, shuffle, type Rng } from '../src/domain/random.ts'
import { gradeResponse } from '../src/domain/grading/index.ts'
import type { Answer, AttemptSlot, Bank, Blueprint, Choice, ItemType, SavedResponse, VersionedItem } from '../src/domain/types.ts'
import { snapshotOf } from '../src/domain/own.ts'

/** A guesser: the answer it gives to one item as shown in its slot, or null to leave it blank. */
export type Guesser = (item: VersionedItem, slot: AttemptSlot, rng: Rng) => Answer | null

export interface GuesserFigures {
  blueprintId: string
  seeds: number
  /** Mean percent over the seeds (provisional free-text points included). */
  meanPercent: number
  /** Share of seeds (0..1) on which the guesser's percent reaches the pass mark. */
  passShare: number
  /** Points earned and available per item type, summed over the seeds (where the gap comes from). */
  byType: Partial<Record<ItemType, { score: number; max: number }>>
}

/** Options in the order the learner sees them: the slot's order when it has one, else authored. */
export function shownOptions<T extends { id: string }>(options: readonly T[], slot: AttemptSlot): T[] {
  const order = slot.order
  if (order === undefined) return [...options]
  const rank = new Map(order.map((id, i) => [id, i]))
  return [...options].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity))
}

/** The longest option's id; ties go to the first shown. */
export function longestOption(options: readonly Choice[]): string | undefined {
  let best: Choice | undefined
  for (const option of options) if (best === undefined || option.text.length > best.text.length) best = option
  return best?.id
}

/** Ids of every option at least as long as the median option length. */
export function atLeastMedianLength(options: readonly Choice[]): string[] {
  const lengths = options.map((o) => o.text.length).sort((a, b) => a - b)
  const n = lengths.length
  if (n === 0) return []
  const median = n % 2 === 1 ? lengths[(n - 1) / 2]! : (lengths[n / 2 - 1]! + lengths[n / 2]!) / 2
  return options.filter((o) => o.text.length >= median).map((o) => o.id)
}

/** The first number written in a text (digits with an optional decimal part), or undefined. */
export function numberInText(text: string): string | undefined {
  return /\d+(?:[.,]\d+)?/.exec(text)?.[0]
}

function pick<T>(values: readonly T[], rng: Rng): T | undefined {
  return values.length === 0 ? undefined : values[randomInt(rng, values.length)]
}

/** Answers for the types both guessers treat alike (matching, categorize, ordering): uniform random. */
function randomStructured(item: VersionedItem, slot: AttemptSlot, rng: Rng): Answer | null {
  switch (item.type) {
    case 'matching': {
      const offered = [...item.pairs.map((p) => p.id), ...(item.distractors ?? []).map((d) => d.id)]
      const drawn = shuffle(offered, rng)
      return { type: 'matching', matches: Object.fromEntries(item.pairs.map((p, i) => [p.id, drawn[i]!])) }
    }
    case 'categorize': {
      const ids = item.categories.map((c) => c.id)
      return { type: 'categorize', assignments: Object.fromEntries(shownOptions(item.statements, slot).map((s) => [s.id, pick(ids, rng)!])) }
    }
    case 'ordering':
      return { type: 'ordering', order: shuffle(item.steps.map((s) => s.id), rng) }
    default:
      return null
  }
}

/** The blind guesser (rules at the top of the file). */
export const blindGuesser: Guesser = (item, slot, rng) => {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: pick(shownOptions(item.options, slot), rng)!.id }
    case 'multiple':
      return { type: 'multiple', optionIds: shownOptions(item.options, slot).filter(() => rng() < 0.5).map((o) => o.id) }
    case 'truefalse':
      return { type: 'truefalse', value: rng() < 0.5 }
    case 'cloze':
      return {
        type: 'cloze',
        blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.options === undefined ? '' : (pick(b.options, rng) ?? '')])),
      }
    case 'short':
    case 'numeric':
    case 'freetext':
      return { type: item.type, text: '' }
    default:
      return randomStructured(item, slot, rng)
  }
}

/** The test-wise guesser (rules at the top of the file). */
export const testWiseGuesser: Guesser = (item, slot, rng) => {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: longestOption(shownOptions(item.options, slot))! }
    case 'multiple':
      return { type: 'multiple', optionIds: atLeastMedianLength(shownOptions(item.options, slot)) }
    case 'truefalse':
      return { type: 'truefalse', value: false }
    case 'cloze':
      return {
        type: 'cloze',
        blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.options === undefined ? '' : (shownBlankOptions(b, slot.blankOrders)[0] ?? '')])),
      }
    case 'short':
    case 'freetext':
      return { type: item.type, text: item.stem }
    case 'numeric':
      return { type: 'numeric', text: numberInText(item.stem) ?? '' }
    default:
      return randomStructured(item, slot, rng)
  }
}

/** The attempt seeds the figures use: 1..n, so every run measures the same attempts. */
export function guesserSeeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1)
}

/** One attempt of a blueprint answered by a guesser: its percent and whether it passes. */
export function guessAttempt(
  blueprint: Blueprint,
  banks: readonly Bank[],
  guesser: Guesser,
  seed: number,
  label = 'guesser',
): { percent: number; passes: boolean; byType: Partial<Record<ItemType, { score: number; max: number }>> } {
  const attempt = startAttempt({
    blueprint,
    banks,
    learnerId: 'guesser',
    courseId: 'guesser',
    attemptId: `${blueprint.id}-${seed}`,
    seed,
    now: 0,
    previousAttempts: [],
  })
  const rng = createRng(deriveSeed(seed, label))
  const responses: SavedResponse[] = attempt.slots.map((slot) => ({
    attemptId: attempt.id,
    itemId: slot.itemId,
    answer: guesser(snapshotOf(attempt, slot.version)!, slot, rng),
    flagged: false,
    savedAt: 0,
    seq: 1,
  }))
  const grade = gradeAttempt(attempt, responses, [], { passMark: blueprint.passMark, negativeMarking: blueprint.negativeMarking ?? false })
  const percent = grade.max > 0 ? (100 * grade.provisionalScore) / grade.max : 0
  const byType: Partial<Record<ItemType, { score: number; max: number }>> = {}
  for (const result of grade.perItem) {
    const type = snapshotOf(attempt, result.version)!.type
    const sum = (byType[type] ??= { score: 0, max: 0 })
    sum.score += result.grade.score
    sum.max += result.grade.max
  }
  return { percent, passes: grade.max > 0 && passed(percent, blueprint.passMark), byType }
}

/** A guesser's mean percent and pass share on a blueprint over the given seeds. */
export function guesserFigures(blueprint: Blueprint, banks: readonly Bank[], guesser: Guesser, seeds: readonly number[], label = 'guesser'): GuesserFigures {
  let total = 0
  let passes = 0
  const byType: GuesserFigures['byType'] = {}
  for (const seed of seeds) {
    const result = guessAttempt(blueprint, banks, guesser, seed, label)
    total += result.percent
    if (result.passes) passes++
    for (const [type, part] of Object.entries(result.byType) as [ItemType, { score: number; max: number }][]) {
      const sum = (byType[type] ??= { score: 0, max: 0 })
      sum.score += part.score
      sum.max += part.max
    }
  }
  return {
    blueprintId: blueprint.id,
    seeds: seeds.length,
    meanPercent: seeds.length > 0 ? total / seeds.length : 0,
    passShare: seeds.length > 0 ? passes / seeds.length : 0,
    byType,
  }
}

export interface GuesserRow {
  blueprintId: string
  blind: GuesserFigures
  testWise: GuesserFigures
  /** The goal of issue 11: test-wise minus blind ≤ 3 points, and the test-wise guesser never passes. */
  withinGoal: boolean
}

/** Largest gap (percentage points) the goal allows between the test-wise and the blind guesser. */
export const GOAL_GAP = 3

/** Both guessers' figures for one blueprint. */
export function guesserRow(blueprint: Blueprint, banks: readonly Bank[], seeds: readonly number[]): GuesserRow {
  const blind = guesserFigures(blueprint, banks, blindGuesser, seeds, 'blind')
  const testWise = guesserFigures(blueprint, banks, testWiseGuesser, seeds, 'test-wise')
  return { blueprintId: blueprint.id, blind, testWise, withinGoal: testWise.meanPercent - blind.meanPercent <= GOAL_GAP && testWise.passShare === 0 }
}

/** The bench's text for a row: `Guessers, quiz-l0: blind 23.1 %, test-wise 41.0 %, test-wise passes 12 % of 200 seeds`. */
export function describeGuesserRow(row: GuesserRow): string {
  return (
    `Guessers, ${row.blueprintId}: blind ${row.blind.meanPercent.toFixed(1)} %, test-wise ${row.testWise.meanPercent.toFixed(1)} %, ` +
    `test-wise passes ${Math.round(100 * row.testWise.passShare)} % of ${row.testWise.seeds} seeds`
  )
}

/** Per item type, `type blind % → test-wise %` over the seeds: where a blueprint's gap comes from. */
export function describeByType(row: GuesserRow): string {
  const types = Object.keys(row.testWise.byType) as ItemType[]
  const pct = (part: { score: number; max: number } | undefined) => (part === undefined || part.max === 0 ? 0 : (100 * part.score) / part.max)
  return types.map((type) => `${type} ${pct(row.blind.byType[type]).toFixed(0)}→${pct(row.testWise.byType[type]).toFixed(0)} %`).join(', ')
}

/** Free-text items of the banks on which the pasted stem earns provisional points (the goal is none). */
export function pastedStemScorers(banks: readonly Bank[]): { itemId: string; score: number; max: number }[] {
  const out: { itemId: string; score: number; max: number }[] = []
  for (const bank of banks) {
    for (const item of bank.items) {
      if (item.type !== 'freetext') continue
      const grade = gradeResponse(item, { type: 'freetext', text: item.stem })
      if (grade.score > 0) out.push({ itemId: item.id, score: grade.score, max: grade.max })
    }
  }
  return out
}
