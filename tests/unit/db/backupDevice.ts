/**
 * A shared classroom device for the backup tests: two profiles (Ana, Bob) with an attempt,
 * reading progress and a review card each, a learner an instructor imported (Cy) with a graded
 * attempt and its grade history, and an instructor passphrase.
 */
import { createHash } from 'node:crypto'
import { addAttempt, commitResponse } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { saveManualGrade } from '../../../src/db/grading.ts'
import { setPassphrase } from '../../../src/db/instructorAuth.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { putReviewCards } from '../../../src/db/review.ts'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import type { ReviewCard } from '../../../src/domain/schedule.ts'
import { mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'
import { uniqueName } from './upgradeHarness.ts'

export const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
export const T0 = Date.UTC(2026, 10, 20, 9)
export const PASSPHRASE = 'correct horse battery'
/** PBKDF2 at the floor of accepted iterations keeps the tests quick. */
export const ITERATIONS = 210_000

const card = (due: number): ReviewCard => ({
  due, stability: 2.5, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: due - 86_400_000,
})

export function attemptFor(learnerId: string, attemptId: string, at = T0) {
  return startAttempt({ blueprint: mixedBlueprint, banks: mixedBanks, learnerId, courseId: 'c1', attemptId, seed: 7, now: at, previousAttempts: [] })
}

async function seedLearner(db: DebriefDb, id: string, name: string, at: number): Promise<void> {
  await createLearner(db, { id, name, createdAt: at })
  await recordReading(db, { learnerId: id, courseId: 'c1', lessonId: 'l1', readFraction: 0.5, secondsDelta: 60, now: at + 1000 })
  const attempt = attemptFor(id, `${id}-1`, at)
  await addAttempt(db, attempt)
  await commitResponse(db, { attemptId: attempt.id, itemId: attempt.slots[0]!.itemId, answer: null, flagged: true, savedAt: at + 2000, seq: 1 })
  await putReviewCards(db, id, 'c1', { [attempt.slots[0]!.itemId]: card(at + 86_400_000) })
}

/** The device described at the top of the file; Ana is the active profile. */
export async function classroomDevice(options: { passphrase?: boolean } = {}): Promise<DebriefDb> {
  const db = new DebriefDb(uniqueName())
  await db.open()
  await seedLearner(db, 'bob', 'Bob', T0)
  await seedLearner(db, 'ana', 'Ana', T0 + 60_000)
  await db.learners.add({ id: 'cy', name: 'Cy', createdAt: T0, origin: 'imported' })
  const graded = { ...attemptFor('cy', 'cy-1'), submittedAt: T0 + 600_000, submitReason: 'learner' as const }
  await addAttempt(db, graded)
  await saveManualGrade(db, { attemptId: 'cy-1', itemId: graded.slots[0]!.itemId, criteria: {}, score: 1, comment: 'Good', gradedAt: T0 + 700_000 }, 0)
  if (options.passphrase ?? true) await setPassphrase(db, PASSPHRASE, ITERATIONS)
  return db
}

/** An empty device (as after clearing the browser), opened. */
export async function emptyDevice(): Promise<DebriefDb> {
  const db = new DebriefDb(uniqueName())
  await db.open()
  return db
}
