/**
 * The xAPI statements of a submitted attempt as outbox rows, built before the submit's
 * transaction from a lazily loaded module (src/app/attemptOutbox.ts: the builders and grading
 * stay out of the start and assessment chunks). None when no LRS is configured. A failure here
 * is a bug, not the learner's problem: the attempt is submitted without them and the console says why.
 */
import { lrsWanted } from '../app/lrsFile.ts'
import type { ReadingRows } from '../app/lessonOutbox.ts'
import type { OutboxRecord } from '../db/records.ts'
import type { Attempt, SavedResponse } from '../domain/types.ts'
import { useLearnerStore } from './learner.ts'

async function withCmi5Rows(attempt: Attempt, responses: readonly SavedResponse[]): Promise<OutboxRecord[]> {
  return [...(await cmi5Rows(attempt, responses)), ...(await lrsRows(attempt, responses))]
}

async function cmi5Rows(attempt: Attempt, responses: readonly SavedResponse[]): Promise<OutboxRecord[]> {
  try {
    return (await import('../app/lms/cmi5/submitRows.ts')).cmi5SubmitRows(attempt, responses)
  } catch (e) {
    console.error('The attempt\'s cmi5 statements could not be built; they are queued after the submit.', e)
    return []
  }
}

async function lrsRows(attempt: Attempt, responses: readonly SavedResponse[]): Promise<OutboxRecord[]> {
  try {
    if (!(await lrsWanted())) return []
    const { attemptOutboxRows } = await import('../app/attemptOutbox.ts')
    const learner = useLearnerStore().learners.find((l) => l.id === attempt.learnerId)
    const rows = await attemptOutboxRows({ id: attempt.learnerId, displayName: learner?.name }, attempt, responses)
    // After the submit's transaction commits, the sender takes them (a no-op when it is not running).
    if (rows.length > 0) setTimeout(() => void import('../app/outboxSender.ts').then((m) => m.sendSoon()), 0)
    return rows
  } catch (e) {
    console.error('The attempt\'s xAPI statements could not be built; it is submitted without them.', e)
    return []
  }
}

/**
 * The rows written with a submit. Inside a cmi5 package the launch's statements go in the same
 * transaction too (src/app/lms/cmi5/); the web build has the LRS's alone (the choice is folded at
 * build time, so it carries none of this).
 */
export const statementRows: (attempt: Attempt, responses: readonly SavedResponse[]) => Promise<OutboxRecord[]> = __DEBRIEF_LMS__?.kind === 'cmi5' ? withCmi5Rows : lrsRows

/**
 * The xAPI row maker for a profile's reading-progress writes (src/app/lessonOutbox.ts, loaded
 * only when an LRS is wanted); undefined when none. Lives in this small lazy chunk so the
 * progress store, on the start page, carries only the import.
 */
export async function readingRows(learnerId: string): Promise<ReadingRows | undefined> {
  return (await lrsWanted()) ? (await import('../app/lessonOutbox.ts')).readingRowsFor(learnerId) : undefined
}
