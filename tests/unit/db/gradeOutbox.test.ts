/**
 * The instructor's device: a free-text grade and a regrade write their statements (voids of what
 * the attempt reported, then the new scored ones) in the grade's own transaction; the void
 * targets are exactly the ids the learner's device gave its statements.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attemptStatements } from '../../../src/app/attemptOutbox.ts'
import { instructorGradeRows, unlockRows } from '../../../src/app/instructorOutbox.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { applyRegrades, saveManualGrade, type GradeStatements } from '../../../src/db/grading.ts'
import { queuedRow } from '../../../src/db/outbox.ts'
import { saveSealedItems } from '../../../src/db/sealedItems.ts'
import { publicItem } from '../../../src/domain/sealed.ts'
import type { Attempt, ManualGrade, SavedResponse, VersionedItem } from '../../../src/domain/types.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { VERBS } from '../../../src/domain/xapi/iris.ts'
import { scoredStatementId } from '../../../src/domain/xapi/statementIds.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { ATTEMPT_ID, ITEMS, T0, counterIds, expectValid, submittedAttempt } from '../xapi/xapiFixtures.ts'
import { uniqueName } from './upgradeHarness.ts'

const CONFIG: LrsConfig = { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/debrief', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: false, sendFreeText: false }
const FREE: ManualGrade = { attemptId: ATTEMPT_ID, itemId: 'q-free', criteria: { r1: 2 }, score: 2, comment: 'Good.', gradedAt: T0 + 500_000 }

let db: DebriefDb
beforeEach(() => {
  db = new DebriefDb(uniqueName())
  resetLrsSetup({ config: CONFIG, problem: null, source: 'file', fileProblem: null })
})
afterEach(() => resetLrsSetup())

/** An attempt as an import writes it on the instructor's device. */
async function imported(attempt: Attempt, responses: readonly SavedResponse[]): Promise<void> {
  await db.learners.put({ id: attempt.learnerId, name: 'Ana', createdAt: 1, origin: 'imported' })
  await db.attempts.put(attempt)
  await db.responses.bulkPut([...responses])
}

async function rows(): Promise<GradeStatements> {
  return (await instructorGradeRows(db, 'river-brief', counterIds()))!
}

async function queued(): Promise<XapiStatement[]> {
  return (await db.outbox.orderBy('queuedAt').toArray()).map((r) => JSON.parse(r.body) as XapiStatement)
}

function verbs(list: readonly XapiStatement[]): string[] {
  return list.map((s) => s.verb.display['en-US']!)
}

describe('a free-text grade on the instructor\'s device', () => {
  const { attempt, responses } = submittedAttempt()
  const learnerSent = attemptStatements(CONFIG, { id: attempt.learnerId }, attempt, responses, counterIds())
  const sentId = (verb: string, item?: string) => learnerSent.find((s) => s.verb.display['en-US'] === verb && (item === undefined || s.object.id.endsWith(`/items/${item}`)))!.id

  it('voids the learner\'s provisional answered, completed and passed, and sends them anew with the grade', async () => {
    await imported(attempt, responses)
    await saveManualGrade(db, FREE, 0, await rows())
    const sent = await queued()
    expect(verbs(sent)).toEqual(['voided', 'voided', 'voided', 'answered', 'completed', 'passed'])
    expect(sent.slice(0, 3).map((s) => s.object.id)).toEqual([sentId('answered', 'q-free'), sentId('completed'), sentId('passed')])
    expect(sent[3]).toMatchObject({ actor: { account: { name: 'ana-01' } }, result: { success: true, completion: true, score: { raw: 2, max: 2 } } })
    expect(new Set(sent.map((s) => s.id)).size).toBe(6)
    for (const s of sent) expectValid(s)
  })

  it('voids its own statements at the next change, never the learner\'s twice', async () => {
    await imported(attempt, responses)
    await saveManualGrade(db, FREE, 0, await rows())
    const first = await queued()
    await db.outbox.clear()
    await saveManualGrade(db, { ...FREE, score: 1, criteria: { r1: 1 }, gradedAt: FREE.gradedAt + 1 }, 2, await rows())
    const second = await queued()
    const firstScored = first.filter((s) => s.verb.id !== VERBS.voided).map((s) => s.id)
    expect(second.filter((s) => s.verb.id === VERBS.voided).map((s) => s.object.id)).toEqual(firstScored)
    expect(verbs(second).slice(3)).toEqual(['answered', 'completed', 'passed'])
  })

  it('saves neither the grade nor its statements when the statements cannot be written', async () => {
    await imported(attempt, responses)
    await db.outbox.add(queuedRow('00000000-0000-4000-8000-000000000002', '{}', 1))
    await expect(saveManualGrade(db, FREE, 0, await rows())).rejects.toThrow()
    expect([await db.manualGrades.count(), await db.gradeHistory.count(), await db.outbox.count()]).toEqual([0, 0, 1])
  })

  it('makes no rows when no LRS is configured', async () => {
    resetLrsSetup({ config: null, problem: null, source: null, fileProblem: null })
    expect(await instructorGradeRows(db, 'river-brief', counterIds())).toBeUndefined()
  })
})

describe('a regrade on the instructor\'s device', () => {
  const { attempt, responses } = submittedAttempt()
  const single = ITEMS[0]!
  const fixed: VersionedItem = { ...single, version: 'v-single-2', answer: 'b' } as VersionedItem
  const change = { attemptId: ATTEMPT_ID, learnerId: 'ana-01', assessmentId: 'final', itemId: single.id, fromVersion: single.version, toVersion: fixed.version, oldItemScore: 1, newItemScore: 0, oldPercent: 0, newPercent: 0, manual: false }

  it('voids the regraded item\'s answered and the attempt\'s completed and decision, and reissues them', async () => {
    const learnerSent = attemptStatements(CONFIG, { id: attempt.learnerId }, attempt, responses, counterIds())
    await imported(attempt, responses)
    expect(await applyRegrades(db, [change], new Map([[single.id, fixed]]), T0 + 900_000, await rows())).toBe(1)
    const sent = await queued()
    expect(verbs(sent)).toEqual(['voided', 'voided', 'voided', 'answered', 'completed', 'passed'])
    expect(sent[0]!.object.id).toBe(learnerSent[1]!.id)
    expect(sent[3]).toMatchObject({ result: { success: false, score: { raw: 0 } }, context: { extensions: { 'https://example.org/debrief/extensions/item-version': 'v-single-2' } } })
    for (const s of sent) expectValid(s)
  })
})

describe('a sealed attempt made on this device (it holds stubs; the submit sent no scored statement)', () => {
  const stubs = ITEMS.map((i) => publicItem(i) as unknown as VersionedItem)
  const { attempt, responses } = submittedAttempt(stubs)
  const opened = { courseId: 'river-brief', items: ITEMS, via: 'secret' as const, releaseCode: 'ABCD-EFGH', openedAt: T0 + 400_000 }

  it('gets its scored statements with the unlock, in the unlock\'s transaction', async () => {
    await imported(attempt, responses)
    await saveSealedItems(db, opened, (await unlockRows(counterIds()))!)
    const sent = await queued()
    expect(verbs(sent)).toEqual([...ITEMS.map(() => 'answered'), 'completed', 'passed'])
    expect(sent[0]!.id).toBe(scoredStatementId(ATTEMPT_ID, 'answered', ITEMS[0]!.id, 0))
    for (const s of sent) expectValid(s)
  })

  it('sends nothing at a second unlock, nor at an opening with a release code', async () => {
    await imported(attempt, responses)
    await saveSealedItems(db, opened, (await unlockRows(counterIds()))!)
    await saveSealedItems(db, { ...opened, openedAt: opened.openedAt + 1 }, (await unlockRows(counterIds()))!)
    expect(await db.outbox.count()).toBe(ITEMS.length + 2)
    const other = new DebriefDb(uniqueName())
    await other.attempts.put(attempt)
    await saveSealedItems(other, { courseId: 'river-brief', items: ITEMS, via: 'release-code', openedAt: T0 }, (await unlockRows(counterIds()))!)
    expect(await other.outbox.count()).toBe(0)
  })

  it('saves neither the unlock nor its statements when the statements cannot be written', async () => {
    await imported(attempt, responses)
    await db.outbox.add(queuedRow(scoredStatementId(ATTEMPT_ID, 'completed', 'attempt', 0), '{}', 1))
    await expect(saveSealedItems(db, opened, (await unlockRows(counterIds()))!)).rejects.toThrow()
    expect(await db.sealedItems.count()).toBe(0)
  })

  it('then has the unlock\'s statements voided by a free-text grade', async () => {
    await imported(attempt, responses)
    await saveSealedItems(db, opened, (await unlockRows(counterIds()))!)
    const fromUnlock = await queued()
    await db.outbox.clear()
    await saveManualGrade(db, FREE, 0, await rows())
    const sent = await queued()
    expect(sent.filter((s) => s.verb.id === VERBS.voided).map((s) => s.object.id)).toEqual(fromUnlock.filter((s) => /q-free$|assessments/u.test(s.object.id)).map((s) => s.id))
  })

  it('sends nothing while this device cannot grade it (not unlocked)', async () => {
    await imported(attempt, responses)
    await saveManualGrade(db, FREE, 0, await rows())
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('a sealed attempt imported after unlock (stored with the full items)', () => {
  const { attempt: base, responses: given } = submittedAttempt()
  const attempt = { ...base, courseId: 'nk-troops-ukraine', sourceId: 'final' }

  it('has what the import sent (revision 0, src/app/importOutbox.ts) corrected at its first grade change', async () => {
    await imported(attempt, given)
    await saveManualGrade(db, FREE, 0, (await instructorGradeRows(db, 'nk-troops-ukraine', counterIds()))!)
    const sent = await queued()
    // The free text waited for this grade, so revision 0 had no decision to void.
    expect(verbs(sent)).toEqual(['voided', 'voided', 'answered', 'completed', 'passed'])
    expect(sent.slice(0, 2).map((s) => s.object.id)).toEqual([scoredStatementId(ATTEMPT_ID, 'answered', 'q-free', 0), scoredStatementId(ATTEMPT_ID, 'completed', 'attempt', 0)])
    expect(sent[2]!.id).toBe(scoredStatementId(ATTEMPT_ID, 'answered', 'q-free', 1))
  })
})
