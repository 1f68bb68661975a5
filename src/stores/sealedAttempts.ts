/**
 * A learner's attempt at a sealed assessment holds stubs (src/domain/sealed.ts): questions without
 * their keys. It is graded on this device only once the full items are here (opened with a release
 * code, or shipped again by a newer deployment): then each stub is replaced by its full item and
 * the answers and display orders given in the stub's tokens are read in the full item's ids.
 * Until then the attempt is "awaiting release": never graded, never evidence of mastery.
 */
import { fullAnswer, fullOrder, isStub } from '../domain/sealed.ts'
import type { Attempt, SavedResponse, VersionedItem } from '../domain/types.ts'

export interface Gradable {
  attempt: Attempt
  responses: SavedResponse[]
}

/** Whether any item the attempt showed is a stub. */
export function showedStubs(attempt: Pick<Attempt, 'snapshots'>): boolean {
  return Object.values(attempt.snapshots).some(isStub)
}

/** The stubs' versions an attempt showed. */
export function stubVersions(attempt: Pick<Attempt, 'snapshots'>): string[] {
  return Object.entries(attempt.snapshots).flatMap(([version, item]) => (isStub(item) ? [version] : []))
}

/**
 * The attempt and its responses as they can be graded here (rules at the top of the file);
 * undefined while a stub it showed has no full item in `full`. An attempt without stubs comes back as it is.
 */
export function gradable(attempt: Attempt, responses: SavedResponse[], full: ReadonlyMap<string, VersionedItem>): Gradable | undefined {
  if (!showedStubs(attempt)) return { attempt, responses }
  const snapshots: Record<string, VersionedItem> = {}
  for (const [version, item] of Object.entries(attempt.snapshots)) {
    const replacement = isStub(item) ? full.get(version) : item
    if (replacement === undefined || isStub(replacement) || replacement.id !== item.id) return undefined
    snapshots[version] = replacement
  }
  const byItem = new Map(attempt.slots.map((s) => [s.itemId, Object.hasOwn(snapshots, s.version) ? snapshots[s.version] : undefined]))
  const slots = attempt.slots.map((slot) => {
    const item = byItem.get(slot.itemId)
    const order = item === undefined ? undefined : fullOrder(item, slot.order)
    return order === undefined ? slot : { ...slot, order }
  })
  const read = responses.map((r) => {
    const item = byItem.get(r.itemId)
    return item === undefined || r.answer === null ? r : { ...r, answer: fullAnswer(item, r.answer) }
  })
  return { attempt: { ...attempt, slots, snapshots }, responses: read }
}
