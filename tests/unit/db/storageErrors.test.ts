/**
 * Every db function maps what IndexedDB throws to a StorageError (one `guarded()`), learners and
 * progress included: with the database closed under it, each one rejects with kind 'closed',
 * never a raw Dexie error.
 */
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { commitResponse, getAttempt, listAttempts, listManualGradesFor, listOpenAttempts, listResponses } from '../../../src/db/attempts.ts'
import { readDeviceTables, readLearnerTables } from '../../../src/db/backup.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { saveManualGrade } from '../../../src/db/grading.ts'
import { exportLearnerResults } from '../../../src/db/importResults.ts'
import { hasPassphrase } from '../../../src/db/instructorAuth.ts'
import { listAllLearners, listGradeHistory, loadCourseRecords } from '../../../src/db/instructorData.ts'
import { createLearner, getActiveLearnerId, listLearners, setActiveLearner } from '../../../src/db/learners.ts'
import { listLessonProgress, recordReading } from '../../../src/db/progress.ts'
import { listReviewCards, putReviewCards } from '../../../src/db/review.ts'
import { uniqueName } from './upgradeHarness.ts'

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
  db.close()
})

const calls: [string, () => Promise<unknown>][] = [
  ['listLearners', () => listLearners(db)],
  ['createLearner', () => createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })],
  ['getActiveLearnerId', () => getActiveLearnerId(db)],
  ['setActiveLearner', () => setActiveLearner(db, 'ana')],
  ['listLessonProgress', () => listLessonProgress(db, 'ana', 'c')],
  ['recordReading', () => recordReading(db, { learnerId: 'ana', courseId: 'c', lessonId: 'l1', readFraction: 0.5, secondsDelta: 1, now: 1 })],
  ['listAttempts', () => listAttempts(db, 'ana', 'c')],
  ['getAttempt', () => getAttempt(db, 'a1')],
  ['listResponses', () => listResponses(db, 'a1')],
  ['listManualGradesFor', () => listManualGradesFor(db, ['a1'])],
  ['listOpenAttempts', () => listOpenAttempts(db, 'ana')],
  ['commitResponse', () => commitResponse(db, { attemptId: 'a1', itemId: 'q1', answer: null, flagged: false, savedAt: 1, seq: 1 })],
  ['listReviewCards', () => listReviewCards(db, 'ana', 'c')],
  ['putReviewCards', () => putReviewCards(db, 'ana', 'c', {})],
  ['readLearnerTables', () => readLearnerTables(db, 'ana')],
  ['readDeviceTables', () => readDeviceTables(db, { instructorUnlocked: true })],
  ['hasPassphrase', () => hasPassphrase(db)],
  ['listAllLearners', () => listAllLearners(db)],
  ['loadCourseRecords', () => loadCourseRecords(db, 'c')],
  ['listGradeHistory', () => listGradeHistory(db, 'a1')],
  ['saveManualGrade', () => saveManualGrade(db, { attemptId: 'a1', itemId: 'q1', criteria: {}, score: 1, comment: '', gradedAt: 1 }, null)],
  ['exportLearnerResults', () => exportLearnerResults(db, { learnerId: 'ana', courseId: 'c', now: 1, assessments: new Map() })],
]

describe('storage errors from every db function', () => {
  it.each(calls)('%s rejects with a StorageError', async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ name: 'StorageError', kind: 'closed' })
  })
})
