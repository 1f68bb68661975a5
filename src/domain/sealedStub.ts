/**
 * Telling a sealed stub (src/domain/sealed.ts) from a full item, in a module of its own: the start
 * and assessment pages need only this, not the stub maker and canonical JSON that sealed.ts carries
 * (the 90 KB budget). sealed.ts's `isStub` is the same rule.
 */
import type { VersionedItem } from './types.ts'

/** A stub is a VersionedItem with fields left out; `sealed: true` says so. */
export type SealedStub = VersionedItem & { sealed: true }

/** True for a stub made by `publicItem` (or anything claiming to be one: it is never graded). */
export function isStub(item: unknown): item is SealedStub {
  return item !== null && typeof item === 'object' && (item as { sealed?: unknown }).sealed === true && !('explanation' in item)
}
