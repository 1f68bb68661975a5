/**
 * Attempts and their responses. Every write is one transaction; the promise
 * resolves only once IndexedDB has committed it, so the app may say "saved".
 */
import type { Table } from 'dexie'
import type { Attempt, ManualGrade, SavedResponse } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import type { OutboxRecord } from './records.ts'
import { guarded, StorageError } from './errors.ts'

/**
 * A plain copy of JSON-like data: IndexedDB's structured clone refuses Vue's reactive proxies
 * (DataCloneError), and an answer may still be one when it reaches here from the screen.
 */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export function addAttempt(db: DebriefDb, attempt: Attempt): Promise<void> {
  return guarded(async () => {
    await db.transaction('rw', db.attempts, () => db.attempts.add(plain(attempt)))
  })
}

export function getAttempt(db: DebriefDb, attemptId: string): Promise<Attempt | undefined> {
  return guarded(() => db.attempts.get(attemptId))
}

export function listAttempts(db: DebriefDb, learnerId: string, courseId: string): Promise<Attempt[]> {
  return guarded(async () => (await db.attempts.where('[learnerId+courseId]').equals([learnerId, courseId]).toArray()).sort((a, b) => a.startedAt - b.startedAt))
}

export function listResponses(db: DebriefDb, attemptId: string): Promise<SavedResponse[]> {
  return guarded(() => db.responses.where('attemptId').equals(attemptId).toArray())
}

/** Rows of many attempts from a table indexed by attemptId, grouped by attempt (every id gets a list). */
export function groupedByAttempt<T extends { attemptId: string }>(table: Table<T, [string, string]>, attemptIds: readonly string[]): Promise<Map<string, T[]>> {
  return guarded(async () => {
    const rows = await table.where('attemptId').anyOf([...attemptIds]).toArray()
    const byAttempt = new Map<string, T[]>(attemptIds.map((id) => [id, []]))
    for (const row of rows) byAttempt.get(row.attemptId)?.push(row)
    return byAttempt
  })
}

/** All responses of many attempts, grouped by attempt id. */
export function listResponsesFor(db: DebriefDb, attemptIds: readonly string[]): Promise<Map<string, SavedResponse[]>> {
  return groupedByAttempt(db.responses, attemptIds)
}

/** Instructors' grades of many attempts, grouped by attempt id. */
export function listManualGradesFor(db: DebriefDb, attemptIds: readonly string[]): Promise<Map<string, ManualGrade[]>> {
  return groupedByAttempt(db.manualGrades, attemptIds)
}

/**
 * Commits one response. Refused (with a 'conflict' StorageError, nothing written) when the
 * stored sequence number is not the one before this write — another tab saved in between —
 * or when the attempt was already submitted. `outbox`: a practice check's xAPI statement
 * (src/app/practiceOutbox.ts), written in the same transaction: both or neither.
 */
export function commitResponse(db: DebriefDb, response: SavedResponse, outbox: readonly OutboxRecord[] = []): Promise<void> {
  return guarded(() =>
    db.transaction('rw', db.attempts, db.responses, db.outbox, async () => {
      const attempt = await db.attempts.get(response.attemptId)
      if (!attempt) throw new StorageError('unknown')
      if (attempt.submittedAt !== null) throw new StorageError('conflict')
      const stored = await db.responses.get([response.attemptId, response.itemId])
      if ((stored?.seq ?? 0) !== response.seq - 1) throw new StorageError('conflict')
      await db.responses.put(plain(response))
      if (outbox.length > 0) await db.outbox.bulkAdd([...outbox])
    }),
  )
}

/**
 * Saves a submitted attempt; an attempt already submitted (by another tab) is left as it was.
 * `outbox`: the attempt's xAPI statements (already serialized, src/app/attemptOutbox.ts), written
 * in the same transaction: both or neither. Not written when another tab submitted first (its
 * own statements went with its submit).
 */
export function commitSubmission(db: DebriefDb, submitted: Attempt, outbox: readonly OutboxRecord[] = []): Promise<Attempt> {
  return guarded(() =>
    db.transaction('rw', db.attempts, db.outbox, async () => {
      const stored = await db.attempts.get(submitted.id)
      if (!stored) throw new StorageError('unknown')
      if (stored.submittedAt !== null) return stored
      await db.attempts.put(submitted)
      await db.outbox.bulkAdd([...outbox])
      return submitted
    }),
  )
}

/** Open (unsubmitted) assessment attempts of a learner, newest first. */
export function listOpenAttempts(db: DebriefDb, learnerId: string): Promise<Attempt[]> {
  return guarded(async () =>
    (await db.attempts.filter((a) => a.learnerId === learnerId && a.submittedAt === null && a.mode === 'assessment').toArray()).sort(
      (a, b) => b.startedAt - a.startedAt,
    ),
  )
}
