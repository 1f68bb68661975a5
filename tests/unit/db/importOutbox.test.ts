/**
 * The instructor's device: an attempt at a sealed assessment imported after unlock queues its
 * scored statements (revision 0, the ids the learner's device would have used could it grade) in
 * the import's transaction; accepting its learner-device grades voids and reissues in theirs;
 * a refused file, a re-import, no LRS and "Load from the LRS" queue nothing.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attemptStatements } from '../../../src/app/attemptOutbox.ts'
import { importedStatements, importRows } from '../../../src/app/importOutbox.ts'
import { instructorGradeRows } from '../../../src/app/instructorOutbox.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { resolveConflict } from '../../../src/db/importConflicts.ts'
import { acceptFlaggedAttempt, acceptLearnerGrades } from '../../../src/db/importFlags.ts'
import { importResultFiles, importResultText, webSha256 } from '../../../src/db/importResults.ts'
import type { ImportStatements } from '../../../src/db/importWrite.ts'
import { importLrsStatements } from '../../../src/db/lrsImport.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { VERBS } from '../../../src/domain/xapi/iris.ts'
import { scoredStatementId } from '../../../src/domain/xapi/statementIds.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { freetext, ordering, single } from '../../fixtures/items.ts'
import { counterIds, expectValid } from '../xapi/xapiFixtures.ts'
import { BEA_1, COURSE_ID, CY_1, T0, instructorCourse, sealedFile } from './importOutboxFixtures.ts'
import { uniqueName } from './upgradeHarness.ts'

const CONFIG: LrsConfig = { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/debrief', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: true, sendFreeText: false }
const NOW = T0 + 3_600_000
const SCORED = ['answered', 'answered', 'answered', 'completed'] // the free text waits for a grade: no decision yet

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
  resetLrsSetup({ config: CONFIG, problem: null, source: 'file', fileProblem: null })
})
afterEach(() => {
  resetLrsSetup()
  db.close()
})

async function rows(): Promise<ImportStatements> {
  return (await importRows(counterIds()))!
}

async function importFile(text: string, options: { unlocked?: boolean; statements?: ImportStatements | null } = {}) {
  const statements = options.statements === null ? undefined : options.statements ?? (await rows())
  return importResultText(db, 'bea.json', text, { courseId: COURSE_ID, now: NOW, course: instructorCourse(options.unlocked ?? true), sha256: webSha256, ...(statements !== undefined ? { statements } : {}) })
}

async function queued(): Promise<XapiStatement[]> {
  return (await db.outbox.orderBy('queuedAt').toArray()).map((r) => JSON.parse(r.body) as XapiStatement)
}

const verbs = (list: readonly XapiStatement[]) => list.map((s) => s.verb.display['en-US']!)

/** Makes every outbox write fail (as a full disk would). */
function failOutboxWrites(): void {
  db.outbox.hook('creating', () => {
    throw new Error('The disk is full.')
  })
}

async function counts(): Promise<number[]> {
  return [await db.learners.count(), await db.attempts.count(), await db.responses.count(), await db.importFlags.count(), await db.outbox.count()]
}

describe('a sealed attempt imported after unlock', () => {
  it('queues its scored set at revision 0 with the attempt, the very statements the learner\'s device would send could it grade', async () => {
    expect(await importFile(await sealedFile())).toMatchObject({ ok: true, added: 1 })
    const sent = await queued()
    expect(verbs(sent)).toEqual(SCORED)
    expect(sent.map((s) => s.id)).toEqual([
      ...[single.id, ordering.id, freetext.id].map((item) => scoredStatementId(BEA_1, 'answered', item, 0)),
      scoredStatementId(BEA_1, 'completed', 'attempt', 0),
    ])
    // The learner's device, could it grade: the stored attempt (full items, answers in their ids).
    const attempt = (await db.attempts.get(BEA_1))!
    const responses = await db.responses.where('attemptId').equals(BEA_1).toArray()
    const device = attemptStatements(CONFIG, { id: 'bea', displayName: 'Bea' }, attempt, responses, counterIds()).filter((s) => s.verb.id !== VERBS.initialized && s.verb.id !== VERBS.terminated)
    expect(sent).toEqual(device)
    expect(sent[0]).toMatchObject({ actor: { name: 'Bea', account: { name: 'bea' } }, result: { success: true } })
    for (const s of sent) expectValid(s)
  })

  it('queues nothing new when the same file comes again, and leaves a row being sent as it is', async () => {
    await importFile(await sealedFile())
    const first = await db.outbox.toArray()
    await db.outbox.update(first[0]!.id, { state: 'sending', sendingSince: NOW })
    await db.outbox.delete(first[1]!.id) // sent and confirmed
    expect(await importFile(await sealedFile())).toMatchObject({ ok: true, added: 0, alreadyImported: 1 })
    expect(await db.outbox.count()).toBe(first.length - 1)
    expect((await db.outbox.get(first[0]!.id))?.state).toBe('sending')
  })

  it('writes neither the attempt nor its statements when the statements cannot be written', async () => {
    failOutboxWrites()
    expect(await importFile(await sealedFile())).toMatchObject({ ok: false, code: 'storage' })
    expect(await counts()).toEqual([0, 0, 0, 0, 0])
  })

  it('in a batch: each file\'s statements, queued in order', async () => {
    const files = [await sealedFile(), await sealedFile({ learnerId: 'cy', learnerName: 'Cy', attemptId: CY_1 })]
    const outcomes = await importResultFiles(db, files.map((text, i) => ({ name: `f${i}.json`, text })), { courseId: COURSE_ID, now: NOW, course: instructorCourse(true), sha256: webSha256, statements: await rows() })
    expect(outcomes.map((o) => o.ok)).toEqual([true, true])
    const sent = await queued()
    expect(sent.map((s) => s.actor.account!.name)).toEqual([...SCORED.map(() => 'bea'), ...SCORED.map(() => 'cy')])
    expect(new Set((await db.outbox.toArray()).map((r) => r.queuedAt)).size).toBe(2 * SCORED.length)
  })

  it('queues nothing for a file refused (sealed assessments locked here)', async () => {
    expect(await importFile(await sealedFile(), { unlocked: false })).toMatchObject({ ok: false, code: 'sealed-locked' })
    expect(await counts()).toEqual([0, 0, 0, 0, 0])
  })

  it('queues nothing for a file kept back as a conflict, and the statements with the resolution', async () => {
    await db.learners.add({ id: 'bea', name: 'Beatrice Other', createdAt: 1, origin: 'imported' })
    const outcome = await importFile(await sealedFile())
    expect(outcome).toMatchObject({ ok: false, code: 'conflict' })
    expect(await db.outbox.count()).toBe(0)
    const conflictId = (outcome as { conflictId: number }).conflictId
    const { learnerId } = await resolveConflict(db, conflictId, 'new-learner', { now: NOW, sha256: webSha256, course: instructorCourse(true), statements: await rows() })
    const sent = await queued()
    expect(verbs(sent)).toEqual(SCORED)
    expect(sent.every((s) => s.actor.account!.name === learnerId && learnerId !== 'bea')).toBe(true)
    for (const s of sent) expectValid(s)
  })

  it('resolves a conflict to neither the attempt nor its statements when the statements cannot be written', async () => {
    await db.learners.add({ id: 'bea', name: 'Beatrice Other', createdAt: 1, origin: 'imported' })
    const { conflictId } = (await importFile(await sealedFile())) as { conflictId: number }
    failOutboxWrites()
    await expect(resolveConflict(db, conflictId, 'new-learner', { now: NOW, sha256: webSha256, course: instructorCourse(true), statements: await rows() })).rejects.toThrow()
    expect([await db.attempts.count(), await db.outbox.count(), await db.importConflicts.count()]).toEqual([0, 0, 1])
  })

  it('queues nothing when no LRS is configured (no row maker is made)', async () => {
    resetLrsSetup({ config: null, problem: null, source: null, fileProblem: null })
    expect(await importRows(counterIds())).toBeUndefined()
    expect(await importFile(await sealedFile(), { statements: null })).toMatchObject({ ok: true, added: 1 })
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('an attempt at an open assessment, imported', () => {
  it('makes no statements: the learner\'s device sent them with the submit', async () => {
    await importFile(await sealedFile())
    const attempt = (await db.attempts.get(BEA_1))!
    const responses = await db.responses.where('attemptId').equals(BEA_1).toArray()
    expect(importedStatements(CONFIG, { attempt: { ...attempt, sourceId: 'quiz-l1' }, responses, manualGrades: [], learnerName: 'Bea' })).toEqual([])
    expect(importedStatements(CONFIG, { attempt, responses, manualGrades: [], learnerName: 'Bea' })).toHaveLength(SCORED.length)
  })
})

describe('accepting an imported attempt\'s learner-device grades', () => {
  it('voids the free-text answered and the completed the import sent, and reissues them once, in the same transaction', async () => {
    await importFile(await sealedFile({ graded: true }))
    const atImport = await queued()
    await db.outbox.clear()
    expect(await acceptLearnerGrades(db, BEA_1, NOW + 1, (await instructorGradeRows(db, COURSE_ID, counterIds()))!)).toBe(1)
    const sent = await queued()
    expect(verbs(sent)).toEqual(['voided', 'voided', 'answered', 'completed', 'passed'])
    const voided = sent.slice(0, 2).map((s) => (s.object as { id: string }).id)
    // The free text's answered (its provisional score) and completed; no decision was sent while it waited.
    expect(voided).toEqual([scoredStatementId(BEA_1, 'answered', freetext.id, 0), scoredStatementId(BEA_1, 'completed', 'attempt', 0)])
    expect(atImport.map((s) => s.id)).toEqual(expect.arrayContaining(voided))
    expect(sent.slice(2).map((s) => s.id)).toEqual([
      scoredStatementId(BEA_1, 'answered', freetext.id, 1), scoredStatementId(BEA_1, 'completed', 'attempt', 1), scoredStatementId(BEA_1, 'passed', 'attempt', 1),
    ])
    expect(sent[2]!.result).toMatchObject({ score: { raw: 4, max: 4 } })
    for (const s of sent) expectValid(s)
    // Accepting again changes nothing and sends nothing.
    await acceptLearnerGrades(db, BEA_1, NOW + 2, (await instructorGradeRows(db, COURSE_ID, counterIds()))!)
    expect(await db.outbox.count()).toBe(5)
  })

  it('saves neither the grades nor their statements when the statements cannot be written', async () => {
    await importFile(await sealedFile({ graded: true }))
    failOutboxWrites()
    await expect(acceptLearnerGrades(db, BEA_1, NOW + 1, (await instructorGradeRows(db, COURSE_ID, counterIds()))!)).rejects.toThrow()
    expect([await db.manualGrades.count(), await db.gradeHistory.count(), (await db.importFlags.get(BEA_1))!.learnerGrades.length]).toEqual([0, 0, 1])
  })
})

describe('accepting a flagged imported attempt', () => {
  it('goes through the same correction, which finds its statements unchanged (flags are not in them): nothing sent', async () => {
    await importFile(await sealedFile())
    await db.importFlags.update(BEA_1, { flags: [{ code: 'clock', message: 'The clock looks wrong.' }] as never })
    const before = await db.outbox.count()
    await acceptFlaggedAttempt(db, BEA_1, NOW + 1, (await instructorGradeRows(db, COURSE_ID, counterIds()))!)
    expect((await db.importFlags.get(BEA_1))?.acceptedAt).toBe(NOW + 1)
    expect(await db.outbox.count()).toBe(before)
  })
})

describe('"Load from the LRS"', () => {
  it('writes the LRS\'s attempt and queues none of its statements again', async () => {
    await importFile(await sealedFile())
    const fromLrs = [...(await db.outbox.toArray()).map((r) => JSON.parse(r.body) as unknown)]
    const other = new DebriefDb(uniqueName())
    const attempt = (await db.attempts.get(BEA_1))!
    const responses = await db.responses.where('attemptId').equals(BEA_1).toArray()
    const bracket = attemptStatements(CONFIG, { id: 'bea', displayName: 'Bea' }, attempt, responses, counterIds()).filter((s) => s.verb.id === VERBS.initialized || s.verb.id === VERBS.terminated)
    const outcome = await importLrsStatements(other, { statements: [...bracket, ...fromLrs], settings: CONFIG, course: instructorCourse(true), now: NOW, sha256: webSha256 })
    expect(outcome).toMatchObject({ attempts: 1, added: 1 })
    expect(await other.outbox.count()).toBe(0)
    other.close()
  })
})
