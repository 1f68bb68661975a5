import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAttempt, commitResponse, commitSubmission, getAttempt, listOpenAttempts, listResponses } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import type { Attempt, SavedResponse } from '../../../src/domain/types.ts'
import { uniqueName } from './upgradeHarness.ts'

const attempt: Attempt = {
  id: 'a1',
  courseId: 'c',
  learnerId: 'ana',
  mode: 'assessment',
  sourceId: 'final',
  seed: 7,
  startedAt: 1000,
  deadline: 61_000,
  submittedAt: null,
  submitReason: null,
  slots: [{ itemId: 'q1', version: 'v1' }],
  snapshots: {},
}

const response = (seq: number, optionId = 'a'): SavedResponse => ({
  attemptId: 'a1',
  itemId: 'q1',
  answer: { type: 'single', optionId },
  flagged: false,
  savedAt: 2000 + seq,
  seq,
})

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
  await addAttempt(db, attempt)
})
afterEach(() => db.close())

describe('saving responses', () => {
  it('commits answers in sequence', async () => {
    await commitResponse(db, response(1, 'a'))
    await commitResponse(db, response(2, 'b'))
    expect(await listResponses(db, 'a1')).toEqual([response(2, 'b')])
  })

  it('refuses a write from a tab that did not see the latest answer, and keeps the latest', async () => {
    await commitResponse(db, response(1, 'a'))
    await commitResponse(db, response(2, 'b'))
    await expect(commitResponse(db, response(2, 'c'))).rejects.toMatchObject({ kind: 'conflict' })
    expect((await listResponses(db, 'a1'))[0]!.answer).toEqual({ type: 'single', optionId: 'b' })
  })

  it('refuses answers once the attempt is submitted', async () => {
    await commitSubmission(db, { ...attempt, submittedAt: 3000, submitReason: 'learner' })
    await expect(commitResponse(db, response(1))).rejects.toMatchObject({ kind: 'conflict' })
    expect(await listResponses(db, 'a1')).toEqual([])
  })
})

describe('submitting', () => {
  it('keeps the first submission when another tab submits again', async () => {
    await commitSubmission(db, { ...attempt, submittedAt: 3000, submitReason: 'learner' })
    const second = await commitSubmission(db, { ...attempt, submittedAt: 9000, submitReason: 'deadline' })
    expect(second.submittedAt).toBe(3000)
    expect((await getAttempt(db, 'a1'))?.submitReason).toBe('learner')
  })

  it('lists only open assessment attempts', async () => {
    await addAttempt(db, { ...attempt, id: 'a2', startedAt: 5000 })
    await addAttempt(db, { ...attempt, id: 'p1', mode: 'practice', sourceId: 'l1' })
    await commitSubmission(db, { ...attempt, submittedAt: 3000, submitReason: 'learner' })
    expect((await listOpenAttempts(db, 'ana')).map((a) => a.id)).toEqual(['a2'])
  })
})
