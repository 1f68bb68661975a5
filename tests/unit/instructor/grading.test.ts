import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAttempt } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { applyRegrades, listManualGradesFor, saveManualGrade } from '../../../src/db/grading.ts'
import { listGradeHistory, loadCourseRecords } from '../../../src/db/instructorData.ts'
import { regradePreview } from '../../../src/domain/regrade.ts'
import type { VersionedItem } from '../../../src/domain/types.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { freetext, makeAttempt, manual, respond, single, T0, WRONG_SINGLE } from './fixtures.ts'

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
  await addAttempt(db, makeAttempt({ id: 'a1', items: [single, freetext] }))
  await addAttempt(db, makeAttempt({ id: 'a2', items: [single] }))
})
afterEach(() => db.close())

describe('instructor grades', () => {
  it('saves a grade with its history row', async () => {
    await saveManualGrade(db, manual('a1', freetext.id, 3), 2.5)
    expect(await listGradeHistory(db, 'a1')).toMatchObject([{ attemptId: 'a1', itemId: freetext.id, kind: 'manual-grade', before: 2.5, after: 3, note: 'Good.' }])
  })

  it('lists grades by attempt, with an empty list for attempts without any', async () => {
    await saveManualGrade(db, manual('a1', freetext.id, 3), null)
    expect(await listManualGradesFor(db, ['a1', 'a2'])).toEqual(new Map([['a1', [manual('a1', freetext.id, 3)]], ['a2', []]]))
  })

  it('refuses to grade an attempt that is still open, and writes nothing', async () => {
    await addAttempt(db, makeAttempt({ id: 'open', submitted: false, items: [freetext] }))
    await expect(saveManualGrade(db, manual('open', freetext.id, 3), null)).rejects.toMatchObject({ name: 'StorageError' })
    expect([await db.manualGrades.count(), await db.gradeHistory.count()]).toEqual([0, 0])
  })
})

describe('applying a regrade', () => {
  const rekeyed: VersionedItem = { ...single, answer: 'b', version: 'v-single-2' }
  const current = new Map([[single.id, rekeyed]])

  async function preview() {
    await db.responses.put(respond('a1', single.id, WRONG_SINGLE))
    const records = await loadCourseRecords(db, 'c1')
    return regradePreview({ ...records, current, optionsFor: () => ({ passMark: 0.5 }) })
  }

  it('moves every stale slot to the new version', async () => {
    await applyRegrades(db, await preview(), current, T0)
    expect((await db.attempts.toArray()).map((a) => a.slots[0]?.version)).toEqual(['v-single-2', 'v-single-2'])
  })

  it('keeps the old snapshot and writes a regrade history row', async () => {
    await applyRegrades(db, await preview(), current, T0)
    const attempt = await db.attempts.get('a1')
    expect([single.version in attempt!.snapshots, await listGradeHistory(db, 'a1')]).toEqual([
      true,
      [expect.objectContaining({ kind: 'regrade', itemId: single.id, before: 0, after: 1, note: expect.stringContaining(single.version) })],
    ])
  })

  it('skips a change that was applied already', async () => {
    const changes = await preview()
    await applyRegrades(db, changes, current, T0)
    expect(await applyRegrades(db, changes, current, T0 + 1)).toBe(0)
  })
})
