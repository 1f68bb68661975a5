/**
 * An open attempt rebuilt from suspend_data (suspendData.ts) on a device whose IndexedDB does not
 * have it. Each slot is rebuilt from the course's current item with the attempt's seed
 * (`buildSlot`: the same option order the first device showed, as long as the item did not
 * change). An item the course no longer has, or an answer that does not fit its item's type, is a
 * problem in words: nothing is rebuilt then.
 */
import { buildSlot } from '../assembly.ts'
import type { Attempt, Bank, Blueprint, SavedResponse, VersionedItem } from '../types.ts'
import { answerFromValue, type SuspendedAttempt } from './suspendData.ts'

export interface ResumeContext {
  courseId: string
  learnerId: string
  blueprint: Pick<Blueprint, 'id' | 'shuffleOptions'>
  banks: readonly Bank[]
}

export type Rebuilt = { ok: true; attempt: Attempt; responses: SavedResponse[] } | { ok: false; problem: string }

/** The attempt and responses suspend_data describes (rules at the top of the file). */
export function rebuildAttempt(suspended: SuspendedAttempt, context: ResumeContext): Rebuilt {
  if (suspended.blueprintId !== context.blueprint.id) return { ok: false, problem: `The saved attempt is for assessment "${suspended.blueprintId}", which this package does not hold.` }
  const items = new Map<string, VersionedItem>()
  for (const bank of context.banks) for (const item of bank.items) items.set(item.id, item)
  const slots = []
  const snapshots: Record<string, VersionedItem> = {}
  for (const id of suspended.itemIds) {
    const item = items.get(id)
    if (item === undefined) return { ok: false, problem: `The saved attempt asks question "${id}", which this version of the course no longer has.` }
    slots.push(buildSlot(item, context.blueprint.shuffleOptions, suspended.seed))
    snapshots[item.version] = item
  }
  const attempt: Attempt = {
    id: suspended.attemptId,
    courseId: context.courseId,
    learnerId: context.learnerId,
    mode: 'assessment',
    sourceId: suspended.blueprintId,
    seed: suspended.seed,
    startedAt: suspended.startedAt,
    deadline: suspended.deadline,
    submittedAt: null,
    submitReason: null,
    slots,
    snapshots,
  }
  const responses: SavedResponse[] = []
  for (const r of suspended.responses) {
    const itemId = suspended.itemIds[r.slot]!
    const answer = answerFromValue(items.get(itemId)!.type, r.value)
    if (answer === undefined) return { ok: false, problem: `The saved answer to question "${itemId}" does not fit that question.` }
    responses.push({ attemptId: attempt.id, itemId, answer, flagged: r.flagged, savedAt: r.savedAt, seq: r.seq, ...(r.certainty !== undefined ? { certainty: r.certainty } : {}) })
  }
  return { ok: true, attempt, responses }
}
