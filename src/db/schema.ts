/**
 * The database's version chain. Each entry is released forever: never edit a
 * released version's stores or upgrade — add a new entry instead, with a
 * fixture test in tests/unit/db/upgrade.test.ts.
 */
import type { Transaction } from 'dexie'
import { authoredBlankOrders } from '../domain/clozeOrder.ts'
import type { Attempt } from '../domain/types.ts'

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

export const DB_NAME = 'debrief'

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      learners: 'id, name',
      lessonProgress: '[learnerId+courseId+lessonId], [learnerId+courseId]',
      attempts: 'id, [learnerId+courseId], [learnerId+sourceId], submittedAt',
      responses: '[attemptId+itemId], attemptId',
      reviewCards: '[learnerId+courseId+itemId], [learnerId+courseId], due',
      settings: 'key',
    },
  },
  {
    // Instructor review: grades by hand and their history, attempts by assessment, and
    // learners whose results were imported from another device.
    version: 2,
    stores: {
      learners: 'id, name, origin',
      attempts: 'id, [learnerId+courseId], [learnerId+sourceId], [courseId+sourceId], submittedAt',
      manualGrades: '[attemptId+itemId], attemptId',
      gradeHistory: '++id, attemptId, at',
    },
    upgrade: async (tx) => {
      await tx
        .table('learners')
        .toCollection()
        .modify((learner: { origin?: string }) => {
          learner.origin ??= 'local'
        })
    },
  },
  {
    // Cloze drop-downs are shuffled per attempt from now on, and a slot records the order it
    // showed (`blankOrders`). Attempts started before showed their drop-downs in authored order:
    // write that order down, so every stored cloze slot says what it showed. No index changes.
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('attempts')
        .toCollection()
        .modify((attempt: Partial<Attempt>) => {
          const snapshots = attempt.snapshots ?? {}
          for (const slot of attempt.slots ?? []) {
            const item = Object.hasOwn(snapshots, slot.version) ? snapshots[slot.version] : undefined
            const orders = slot.blankOrders === undefined && item !== undefined ? authoredBlankOrders(item) : undefined
            if (orders !== undefined) slot.blankOrders = orders
          }
        })
    },
  },
  {
    // Imported attempts checked against the instructor's course (issue 12): one row per imported
    // attempt with its flags (none when it fits), when it was checked, and the grades the learner's
    // device carried (kept apart: they count only once the instructor accepts them). Attempts
    // imported before this version have no row and stay as they were. No other table changes.
    version: 4,
    stores: { importFlags: 'attemptId' },
  },
  {
    // Who is who on import (issue 12 §3): a file whose learner id is on this device under another
    // name (or is a profile of this device), or whose attempt id is here with other content, is not
    // written; it waits here, with what the device holds, until the instructor resolves it. No
    // other table changes.
    version: 5,
    stores: { importConflicts: '++id, courseId' },
  },
  {
    // Sealed assessments (issue 12 §6): the full items of a course's sealed blueprints, once this
    // device has opened the course's key file (an instructor with the unlock code, a learner with
    // the release code). One row per course. Never in a backup (src/domain/backupRows.ts lists the
    // tables a backup carries): a restore neither brings nor removes it. No other table changes.
    version: 6,
    stores: { sealedItems: 'courseId' },
  },
  {
    // Device keys (issue 12 §3). On a learner's device, `deviceKeys`: each profile's ECDSA P-256
    // key pair (the private key a non-extractable CryptoKey, kept by structured clone) that signs
    // its result files; profiles made before get theirs at their first export. On an instructor's
    // device, `pinnedKeys`: the key of the first signed file of each learner (trust on first use).
    // No other table changes.
    version: 7,
    stores: { deviceKeys: 'learnerId', pinnedKeys: 'learnerId' },
  },
  {
    // The xAPI outbox (issue 13): one row per statement waiting for the LRS, its text serialized
    // once when the event was written (replayed byte for byte, never rebuilt), its state (queued,
    // sending, review, quarantined), attempts, last error and when to try next. Found by state
    // and by age. Never in a backup (src/domain/backupRows.ts). No other table changes.
    version: 8,
    stores: { outbox: 'id, state, queuedAt' },
  },
  {
    // Certainty-based marking (issue 14): a response may carry the learner's `certainty` (1 not
    // sure, 2 fairly sure, 3 very sure), saved in the same write as its answer. Not indexed: it is
    // read with its response. Responses saved before have none, and none is invented (they count
    // as given without certainty, src/domain/cbm.ts), so there is nothing to upgrade: no `upgrade`
    // step (the first-load budget has no room for a no-op one). No other table changes.
    version: 9,
    stores: {},
  },
]
