/** A result file and an imported attempt with learner-device grades, for the import's store wiring tests. */
import { webSha256 } from '../../../src/db/importResults.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { COURSE } from './storeHarness.ts'

export const ITEM = { id: 'q-free', version: 'v-free', type: 'freetext', stem: 'Explain.', rubric: [{ id: 'r1', text: 'Cause', points: 2, concepts: [['rain']] }], modelAnswer: 'Rain.', explanation: '', passages: [], objective: 'o1', difficulty: 1, bloom: 'remember', lesson: 'l1-flood' }
const T = Date.UTC(2026, 0, 5, 9)
export const ATTEMPT_ID = '7c9f1d2b-8e3a-4f4b-8c5d-7e6f8a9b0c1d'
const attempt = { id: ATTEMPT_ID, courseId: COURSE, learnerId: 'bea', mode: 'assessment', sourceId: 'final', seed: 1, startedAt: T, deadline: null, submittedAt: T + 200_000, submitReason: 'learner', slots: [{ itemId: ITEM.id, version: ITEM.version }], snapshots: { [ITEM.version]: ITEM } }
const response = { attemptId: ATTEMPT_ID, itemId: ITEM.id, answer: { type: 'freetext', text: 'Rain.' }, flagged: false, savedAt: T + 100_000, seq: 1 }

/** Bea's file with the attempt. */
export async function beasFile(): Promise<{ name: string; text: string }> {
  const file = await createResultFile({ courseId: COURSE, exportedAt: T + 300_000, learner: { id: 'bea', name: 'Bea' }, attempts: [{ attempt: attempt as never, responses: [response as never] }] }, webSha256)
  return { name: 'bea.json', text: serializeResultFile(file) }
}

/** The attempt as an import stored it, with a grade its file carried from the learner's device kept apart. */
export async function importedWithLearnerGrade(db: DebriefDb): Promise<void> {
  await db.learners.put({ id: 'bea', name: 'Bea', createdAt: 1, origin: 'imported' })
  await db.attempts.put(attempt as never)
  await db.responses.put(response as never)
  await db.importFlags.put({ attemptId: ATTEMPT_ID, flags: [], checkedAt: T + 400_000, learnerGrades: [{ attemptId: ATTEMPT_ID, itemId: ITEM.id, criteria: { r1: 2 }, score: 2, comment: '', gradedAt: T + 150_000 }] })
}
