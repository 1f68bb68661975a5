/**
 * An open attempt brought back from the LMS's suspend_data (src/domain/lms/scormResume.ts) onto a
 * device that does not have it. IndexedDB wins: when the attempt is already here nothing is
 * written. The attempt and its responses go in one transaction: all of them or none.
 */
import type { Attempt, SavedResponse } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

/** Writes the attempt and its responses unless the attempt is already stored; says which happened. */
export function restoreAttempt(db: DebriefDb, attempt: Attempt, responses: readonly SavedResponse[]): Promise<'restored' | 'present'> {
  return guarded(() =>
    db.transaction('rw', db.attempts, db.responses, async () => {
      if ((await db.attempts.get(attempt.id)) !== undefined) return 'present' as const
      await db.attempts.add(attempt)
      if (responses.length > 0) await db.responses.bulkAdd([...responses])
      return 'restored' as const
    }),
  )
}
