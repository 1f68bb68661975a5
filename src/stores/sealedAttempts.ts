/**
 * A learner's attempt at a sealed assessment holds stubs (src/domain/sealed.ts): questions without
 * their keys. It is graded on this device only once the full items are here (opened with a release
 * code, or shipped again by a newer deployment): then each stub is replaced by its full item and
 * the answers and display orders given in the stub's tokens are read in the full item's ids.
 * Until then the attempt is "awaiting release": never graded, never evidence of mastery.
 * Loaded only on a device holding such an attempt (stores/attempts.ts): it stays off the page taking one.
 */
import { loadCourseItems } from 'virtual:debrief/catalog'
import type { DebriefDb } from '../db/database.ts'
import { sealedItemsByVersion } from '../db/sealedItems.ts'
import { fullAnswer, fullOrder, isStub } from '../domain/sealed.ts'
import type { Attempt, SavedResponse, VersionedItem } from '../domain/types.ts'
import type { useAttemptsStore } from './attempts.ts'
import { showedStubs, stubVersions, type Gradable } from './sealedStubs.ts'

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

/**
 * The full items of the `wanted` stub versions of a course: those opened on this device, then the
 * catalog's when a newer deployment ships them unsealed (full items at the same versions).
 */
export async function fullItemsFor(db: DebriefDb, course: string, wanted: ReadonlySet<string>): Promise<Map<string, VersionedItem>> {
  const full = await sealedItemsByVersion(db, course)
  if ([...wanted].every((v) => full.has(v))) return full
  try {
    for (const bank of (await loadCourseItems(course))?.banks ?? []) {
      for (const item of bank.items) if (wanted.has(item.version) && !full.has(item.version) && !isStub(item)) full.set(item.version, item)
    }
  } catch {
    // Without the course's items the attempts simply keep awaiting release.
  }
  return full
}

/** The full items known for each course on this device this session (what `attach` and `adopt` found). */
const known = new Map<string, Map<string, VersionedItem>>()

/** Grades the attempts store's sealed attempts from `full` (their stubs' full items). */
function useFull(attempts: ReturnType<typeof useAttemptsStore>, full: ReadonlyMap<string, VersionedItem>): void {
  attempts.unseal = (attempt, responses) => gradable(attempt, responses, full)
}

/** For a learner's submitted sealed attempts: finds their full items (rules of `fullItemsFor`) and grades from them. */
export async function attach(attempts: ReturnType<typeof useAttemptsStore>, db: DebriefDb, course: string, list: readonly Attempt[]): Promise<void> {
  const full = await fullItemsFor(db, course, new Set(list.filter((a) => a.submittedAt !== null).flatMap(stubVersions)))
  known.set(course, full)
  useFull(attempts, full)
}

/** Full items just opened on this device (stores/sealed.ts): the course's attempts are graded from them at once. */
export function adopt(attempts: ReturnType<typeof useAttemptsStore>, course: string, items: readonly VersionedItem[]): void {
  const full = new Map([...(known.get(course) ?? []), ...items.map((item) => [item.version, item] as const)])
  known.set(course, full)
  if (attempts.courseId === course) useFull(attempts, full)
}
