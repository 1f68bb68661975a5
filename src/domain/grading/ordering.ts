/**
 * Grading of ordering items.
 *
 * Partial credit (the default): take the longest subsequence of the learner's order whose steps
 * are in the right relative order (a longest increasing subsequence of their correct positions),
 * of length L, and award (L − 1)/(n − 1) of the points for n steps. A fully right order scores
 * max; a reversed order scores 0, since one step on its own says nothing about order. An item of
 * a single step is all or nothing (the step is present or not). Unknown and repeated ids in the
 * answer are ignored; a missing step simply cannot be part of the run.
 * With `scoring: all-or-nothing` only the exact order earns points.
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
  const run = new Set(longestIncreasingRun(positions).map((i) => order[i]))
  const n = item.steps.length
  const exact = order.length === n && positions.every((p, i) => p === i)
  let fraction: number
  if (item.scoring === 'all-or-nothing' || n <= 1) fraction = exact ? 1 : 0
  else fraction = Math.max(0, run.size - 1) / (n - 1)
  const parts: GradePart[] = item.steps.map((step, i) => ({
    id: step.id,
    correct: exact || (run.has(step.id) && run.size > 1),
    expected: String(i + 1),
    given: order.includes(step.id) ? String(order.indexOf(step.id) + 1) : null,
  }))
  const feedback = !exact && item.wrongFeedback !== undefined ? [item.wrongFeedback] : []
  return partsGrade(fraction * max, max, parts, feedback, 'steps')
}
