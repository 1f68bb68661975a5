/**
 * Display order of an item's parts. An assessment may store a shuffled order of ids per slot;
 * these helpers apply it without ever dropping a part the order forgot (an old attempt may
 * predate an edit), so every part is always shown exactly once.
 */

/** `items` arranged by `order`; unknown ids are skipped, items missing from `order` follow in authored order. */
export function inDisplayOrder<T extends { id: string }>(items: readonly T[], order?: readonly string[]): T[] {
  if (order === undefined) return items.slice()
  const byId = new Map(items.map((item) => [item.id, item]))
  const out: T[] = []
  for (const id of order) {
    const item = byId.get(id)
    if (item !== undefined) {
      out.push(item)
      byId.delete(id)
    }
  }
  return [...out, ...byId.values()]
}

/**
 * The order an ordering item's steps start in. The authored order is the answer, so without a
 * stored order the steps are rotated by one: deterministic, and never already solved.
 */
export function initialStepOrder(stepIds: readonly string[], order?: readonly string[]): string[] {
  if (order !== undefined) return inDisplayOrder(stepIds.map((id) => ({ id })), order).map((s) => s.id)
  return stepIds.length > 1 ? [...stepIds.slice(1), ...stepIds.slice(0, 1)] : stepIds.slice()
}

/** A copy of `ids` with the element at `from` moved to `to` (both clamped into range). */
export function moveId(ids: readonly string[], from: number, to: number): string[] {
  const out = ids.slice()
  const [moved] = out.splice(from, 1)
  if (moved === undefined) return out
  out.splice(Math.max(0, Math.min(to, out.length)), 0, moved)
  return out
}
