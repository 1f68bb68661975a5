/**
 * Reading a backup file: the checks before any row, every row checked with the result file's own
 * rules (attack: a hand-edited backup with a recomputed checksum), and a profile backup that holds
 * only its learner's rows.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import { BACKUP_FORMAT, createBackupFile, parseBackupFile, type BackupScope, type BackupTables } from '../../../src/domain/backupFile.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
const DB_VERSION = 3
const T0 = Date.UTC(2026, 10, 20, 9)
const parse = (text: string) => parseBackupFile(text, { sha256, databaseVersion: DB_VERSION })
const message = async (text: string) => {
  const result = await parse(text)
  return result.ok ? 'accepted' : result.message
}

type Rows = Record<string, Record<string, unknown>[]>
function tables(): Rows {
  const attempt = startAttempt({ blueprint: mixedBlueprint, banks: mixedBanks, learnerId: 'ana', courseId: 'c1', attemptId: 'a1', seed: 7, now: T0, previousAttempts: [] })
  const card = { due: T0, stability: 2, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: null }
  return {
    learners: [{ id: 'ana', name: 'Ana', createdAt: T0, origin: 'local', allowance: { multiplier: 1.25 } }],
    lessonProgress: [{ learnerId: 'ana', courseId: 'c1', lessonId: 'l1', state: 'in-progress', readFraction: 0.5, secondsSpent: 60, updatedAt: T0 }],
    attempts: [attempt as unknown as Record<string, unknown>],
    responses: [{ attemptId: 'a1', itemId: attempt.slots[0]!.itemId, answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: T0 + 1000, seq: 1 }],
    reviewCards: [{ learnerId: 'ana', courseId: 'c1', itemId: 'q-single', due: T0, card }],
    settings: [{ key: 'activeLearner', value: 'ana' }],
  }
}
const device: BackupScope = { kind: 'device' }
const ana: BackupScope = { kind: 'learner', learnerId: 'ana' }
const text = async (rows: Rows, scope: BackupScope = device) => JSON.stringify(await createBackupFile(rows as BackupTables, scope, DB_VERSION, '2026-11-26T10:00:00.000Z', sha256))
const edited = (change: (t: Rows) => void) => {
  const rows = structuredClone(tables())
  change(rows)
  return rows
}
const firstAttempt = (t: Rows) => t.attempts![0] as { slots: { version: string }[]; startedAt: number; snapshots: Record<string, unknown> }

/** A file kept back on import (src/domain/importConflicts.ts ImportConflict), as the database stores it. */
function conflictRow(): Record<string, unknown> {
  return {
    id: 1, courseId: 'c1', fileName: 'ana.json', receivedAt: T0, message: 'This file names learner "ana" …', learner: 'other-name', conflictingAttemptIds: [], newLearnerId: 'ana~2',
    file: { format: 'debrief-result', version: 3, courseId: 'c1', exportedAt: '2026-11-01T10:00:00.000Z', learner: { id: 'ana', name: 'Ana L' }, attempts: [], checksum: 'sha256:0' },
    device: { learner: { id: 'ana', name: 'Ana', origin: 'imported' }, attempts: [{ id: 'a1', sourceId: 'final', startedAt: T0, submittedAt: T0 + 1, score: { points: 1, max: 2 } }] },
    fileAttempts: [],
  }
}

describe('reading a backup file', () => {
  it('accepts the backup it wrote, of either scope', async () => {
    expect(await message(await text(tables()))).toBe('accepted')
    expect(await message(await text(tables(), ana))).toBe('accepted')
  })

  it.each([
    ['text that is not JSON', async () => 'not json {', 'it is not valid JSON'],
    ['a result file', async () => JSON.stringify({ format: 'debrief-result', version: 1 }), 'not a Debrief backup'],
    ['an unknown format version', async () => (await text(tables())).replace('"version":2', '"version":9'), 'format version 9'],
    ['a backup from a newer Debrief', async () => (await text(tables())).replace(`"databaseVersion":${DB_VERSION}`, '"databaseVersion":99'), 'made by a newer version of Debrief'],
    ['an edited backup', async () => (await text(tables())).replace('"Ana"', '"Anna"'), 'checksum does not match'],
  ])('refuses %s', async (_name, make, expected) => {
    expect(await message(await make())).toContain(expected)
  })

  it('accepts a whole-device backup holding the import checks of imported attempts', async () => {
    const withFlags = edited((t) => (t.importFlags = [{ attemptId: 'a1', flags: [{ code: 'late-submit', message: 'Submitted 2 hours after the deadline.' }], checkedAt: T0, learnerGrades: [], acceptedAt: T0 + 1 }]))
    expect(await message(await text(withFlags))).toBe('accepted')
  })

  it('accepts an imported attempt whose unverified slot kept no snapshot, with its import check (the instructor\'s own backup)', async () => {
    const unverified = edited((t) => {
      const a = firstAttempt(t)
      delete a.snapshots[a.slots[0]!.version]
      t.importFlags = [{ attemptId: 'a1', flags: [{ code: 'unknown-version', message: 'Item q was shown at version toString, which this course never published.' }], checkedAt: T0, learnerGrades: [] }]
    })
    expect(await message(await text(unverified))).toBe('accepted')
    const { importFlags: _checks, ...withoutCheck } = unverified
    expect(await message(await text(withoutCheck))).toContain('row 1 of "attempts": slots[0].version names no snapshot in .snapshots, and the backup holds no import check for this attempt')
  })

  it('accepts responses with a certainty, and without one (database version 9)', async () => {
    const withCertainty = edited((t) => (t.responses![0]!.certainty = 3))
    expect(await message(await text(withCertainty))).toBe('accepted')
    expect(await message(await text(withCertainty, ana))).toBe('accepted')
  })

  it('accepts a whole-device backup holding a file kept back on import', async () => {
    expect(await message(await text(edited((t) => (t.importConflicts = [conflictRow()]))))).toBe('accepted')
  })

  it.each<[string, (row: Record<string, unknown>) => void, string]>([
    ['a kept file that is not a result file', (row) => ((row.file as Record<string, unknown>).attempts = 'none'), 'row 1 of "importConflicts": file.attempts should be a list'],
    ['a kept file naming someone with a right-to-left override', (row) => ((row.file as { learner: { name: string } }).learner.name = 'Ana\u202E'), 'row 1 of "importConflicts": file.learner.name'],
    ['a kept file of another course', (row) => ((row.file as Record<string, unknown>).courseId = 'other'), 'row 1 of "importConflicts": file.courseId'],
    ['a side-by-side attempt started at 1e20', (row) => ((row.device as { attempts: { startedAt: number }[] }).attempts[0]!.startedAt = 1e20), 'row 1 of "importConflicts": device.attempts[0].startedAt'],
  ])('refuses %s', async (_name, change, expected) => {
    const row = conflictRow()
    change(row)
    expect(await message(await text(edited((t) => (t.importConflicts = [row]))))).toContain(expected)
  })

  it('reads a version 1 backup (no scope) as a whole-device backup', async () => {
    const body = { format: BACKUP_FORMAT, version: 1, databaseVersion: DB_VERSION, exportedAt: '2026-11-01T10:00:00.000Z', tables: tables() }
    const result = await parse(JSON.stringify({ ...body, checksum: `sha256:${await sha256(canonicalJson(body))}` }))
    expect(result.ok && result.file.scope).toEqual({ kind: 'device' })
  })
})

describe('every row is checked, even with a recomputed checksum (attack: a hand-edited backup)', () => {
  it.each<[string, (t: Rows) => void, string]>([
    ['an unknown table', (t) => (t.secrets = []), 'unknown table "secrets"'],
    ['a table that is not a list', (t) => ((t as Record<string, unknown>).learners = {}), '"learners" is not a list of rows'],
    ['a row that is not an object', (t) => t.learners!.push(7 as never), 'row 2 of "learners": should be an object'],
    ['a learner without an id', (t) => delete t.learners![0]!.id, 'row 1 of "learners": id should be text'],
    ['a name with a bidi override', (t) => (t.learners![0]!.name = 'Ana\u202E dessap'), 'row 1 of "learners": name holds invisible or control characters'],
    ['a name of 5,000 characters', (t) => (t.learners![0]!.name = 'A'.repeat(5000)), 'row 1 of "learners": name is 5000 characters long'],
    ['a created time in 1970', (t) => (t.learners![0]!.createdAt = 1), 'row 1 of "learners": createdAt is 1, not a time between 2000-01-01 and 2100-01-01'],
    ['an allowance of 10×', (t) => (t.learners![0]!.allowance = { multiplier: 10 }), 'row 1 of "learners": allowance.multiplier is 10: it should be between 1 and 4'],
    ['two rows with one key', (t) => t.learners!.push({ ...t.learners![0]! }), 'row 2 of "learners": id is the same as in row 1'],
    ['a read fraction of 7', (t) => (t.lessonProgress![0]!.readFraction = 7), 'row 1 of "lessonProgress": readFraction is 7: it should be between 0 and 1'],
    ['a slot naming no snapshot', (t) => (firstAttempt(t).slots[0]!.version = 'toString'), 'row 1 of "attempts": slots[0].version names no snapshot in .snapshots'],
    ['a start time of 1e20', (t) => (firstAttempt(t).startedAt = 1e20), 'row 1 of "attempts": startedAt is 100000000000000000000, not a time'],
    ['a snapshot that is not an item', (t) => (firstAttempt(t).snapshots[firstAttempt(t).slots[0]!.version] = { type: 'single' }), 'row 1 of "attempts": snapshots.'],
    ['an attempt of a learner not in the file', (t) => (t.attempts![0]!.learnerId = 'zed') && (t.lessonProgress = []), 'row 1 of "attempts": learnerId names "zed", which is not in the backup\'s "learners"'],
    ['a response with a broken answer', (t) => (t.responses![0]!.answer = { type: 'single', optionId: 7 }), 'row 1 of "responses": answer.optionId should be text'],
    ['a response to no attempt in the file', (t) => (t.responses![0]!.attemptId = 'nope'), 'row 1 of "responses": attemptId names "nope", which is not in the backup\'s "attempts"'],
    ['a response with a certainty of 4', (t) => (t.responses![0]!.certainty = 4), 'row 1 of "responses": certainty is 4: a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)'],
    ['a response with a certainty written as text', (t) => (t.responses![0]!.certainty = '3'), 'row 1 of "responses": certainty is the text "3": a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)'],
    ['a review card of another state', (t) => ((t.reviewCards![0]!.card as Record<string, unknown>).state = 9), 'row 1 of "reviewCards": card.state should be one of 0, 1, 2, 3'],
    ['an active-profile setting that is not an id', (t) => (t.settings![0]!.value = ''), 'row 1 of "settings": value is empty'],
    ['a manual grade of 1e9 points', (t) => (t.manualGrades = [{ attemptId: 'a1', itemId: 'q', criteria: {}, score: 1e9, comment: '', gradedAt: T0 }]), 'row 1 of "manualGrades": score is 1000000000: it should be between 0 and 1000'],
    ['a grade history row of another kind', (t) => (t.gradeHistory = [{ id: 1, attemptId: 'a1', at: T0, kind: 'bribe', itemId: 'q', before: null, after: 1, note: '' }]), 'row 1 of "gradeHistory": kind should be one of'],
    ['an import check whose flags are not a list', (t) => (t.importFlags = [{ attemptId: 'a1', flags: 'none', checkedAt: T0, learnerGrades: [] }]), 'row 1 of "importFlags": flags should be a list'],
    ['an import check holding a learner-device grade of 1e9 points', (t) => (t.importFlags = [{ attemptId: 'a1', flags: [], checkedAt: T0, learnerGrades: [{ attemptId: 'a1', itemId: 'q', criteria: {}, score: 1e9, comment: '', gradedAt: T0 }] }]), 'row 1 of "importFlags": learnerGrades[0].score is 1000000000'],
    ['an import check accepted in 1970', (t) => (t.importFlags = [{ attemptId: 'a1', flags: [], checkedAt: T0, learnerGrades: [], acceptedAt: 5 }]), 'row 1 of "importFlags": acceptedAt'],
  ])('refuses %s, naming the table, row and field', async (_name, change, expected) => {
    const result = await message(await text(edited(change)))
    expect(result).toContain(expected)
    expect(result).toContain('nothing was restored')
  })
})

describe('a profile backup holds only its learner’s own rows', () => {
  it.each<[string, (t: Rows) => void, string]>([
    ['a second learner', (t) => t.learners!.push({ id: 'bob', name: 'Bob', createdAt: T0 }), '"learners" should hold exactly one row, the profile "ana"'],
    ['an imported learner', (t) => (t.learners![0]!.origin = 'imported'), 'holds a learner imported by an instructor'],
    ['instructor grades', (t) => (t.manualGrades = []), '"manualGrades" is not part of a profile backup'],
    ['another learner’s progress', (t) => (t.lessonProgress![0]!.learnerId = 'bob'), '"lessonProgress" row 1 belongs to another learner ("bob")'],
    ['another setting', (t) => t.settings!.push({ key: 'instructorPassphrase', value: {} }), '"settings" row 2 is not this profile\'s own setting'],
  ])('refuses one with %s', async (_name, change, expected) => {
    expect(await message(await text(edited(change), ana))).toContain(expected)
  })
})
