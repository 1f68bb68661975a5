/**
 * Grading of ordering items, by one of Moodle's qtype_ordering grading types, named as there.
 *
 * Rules (n = number of steps; unknown and repeated ids in the answer are ignored first, so a
 * missing step simply cannot score):
 * - `longest-ordered-subset` (the default): L is the length of the longest subsequence of the
 *   learner's order whose steps are in the right relative order (a longest increasing subsequence
 *   of their correct positions); the score is L/n of the points, counting only L ≥ 2 (one step on
 *   its own says nothing about order, so a reversed order scores 0). Moodle's
 *   GRADING_LONGEST_ORDERED_SUBSET: count(subset)/count(response), single-item subsets ignored.
 * - `relative-to-next`: Moodle's "relative to the next item (excluding last)": every step except
 *   the last of the right order scores when the step the learner put right after it is the one
 *   that should come next; the score is right pairs/(n − 1).
 * - `all-or-nothing`: full points for exactly the right order, otherwise 0.
 * An item of a single step is all or nothing under every mode (the step is given or not).
 * The default was (L − 1)/(n − 1) until issue 11, which matches no Moodle mode; L/n is the
 * closest and never lower (L/n ≥ (L − 1)/(n − 1) for L ≤ n), so an old near miss regrades a
 * little higher (n = 5, L = 4: 0.75 becomes 0.8); full and zero scores are unchanged. A snapshot
 * saved with the retired `scoring: partial` (or any unknown value) grades by the default.
 * Step feedback: a step is shown right when it is in the scoring subset (longest ordered subset)
 * or in a right pair, either side (relative to next), or when the whole order is exact.
 */
import type { Answer, OrderingItem } from '../types.ts'
import { partsGrade, wrongType, type Grade, type GradePart } from './grade.ts'

/** Indices (into `values`) of one longest strictly increasing subsequence, O(n log n). */
export function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = []
  const previous: number[] = new Array<number>(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((values[tails[mid] ?? 0] ?? 0) < v) lo = mid + 1
      else hi = mid
    }
    previous[i] = lo > 0 ? (tails[lo - 1] ?? -1) : -1
    tails[lo] = i
  }
  const run: number[] = []
  let k = tails.length > 0 ? (tails[tails.length - 1] ?? -1) : -1
  while (k >= 0) {
    run.push(k)
    k = previous[k] ?? -1
  }
  return run.reverse()
}

/** The default grading type, when an item sets no `scoring`. */
export const DEFAULT_ORDERING_SCORING = 'longest-ordered-subset'

/** Grade an ordering answer by the item's grading type (rules at the top of the file). */
export function gradeOrdering(item: OrderingItem, answer: Answer, max: number): Grade {
  if (answer.type !== 'ordering' || !Array.isArray(answer.order)) return wrongType(max)
  const position = new Map(item.steps.map((s, i) => [s.id, i]))
  const seen = new Set<string>()
  const order = answer.order.filter((id) => {
    if (typeof id !== 'string' || !position.has(id) || seen.has(id)) return false
    seen.add(id)
    return true
  })
  const positions = order.map((id) => position.get(id) ?? 0)
  const n = item.steps.length
  const exact = order.length === n && positions.every((p, i) => p === i)
  const scored = new Set<string>()
  let fraction: number
  const mode = item.scoring ?? DEFAULT_ORDERING_SCORING
  if (mode === 'all-or-nothing' || n <= 1) {
    fraction = exact ? 1 : 0
  } else if (mode === 'relative-to-next') {
    let pairs = 0
    for (let i = 0; i + 1 < order.length; i++) {
      if ((positions[i + 1] ?? -1) !== (positions[i] ?? -1) + 1) continue
      pairs++
      scored.add(order[i] ?? '').add(order[i + 1] ?? '')
    }
    fraction = pairs / (n - 1)
  } else {
    const run = longestIncreasingRun(positions).map((i) => order[i] ?? '')
    if (run.length >= 2) run.forEach((id) => scored.add(id))
    fraction = scored.size / n
  }
  const parts: GradePart[] = item.steps.map((step, i) => ({
    id: step.id,
    correct: exact || scored.has(step.id),
    expected: String(i + 1),
    given: order.includes(step.id) ? String(order.indexOf(step.id) + 1) : null,
  }))
  const feedback = !exact && item.wrongFeedback !== undefined ? [item.wrongFeedback] : []
  return partsGrade(fraction * max, max, parts, feedback, 'steps')
}
