/**
 * An attempt at a sealed assessment, against a real LRS (tests/lrs, in memory, loopback): the
 * learner's device (stubs) sends initialized and terminated only; the instructor's device,
 * unlocked, imports the learner's file and sends its scored statements with the ids the learner's
 * device would have used could it grade; "Load from the LRS" on a third device then shows it
 * graded and queues nothing; accepting the learner-device grades voids and reissues once. Without
 * tests/lrs/node_modules this file is skipped with a message, unless CI=true: then it fails.
 */
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, expect, describe, it } from 'vitest'
import { attemptStatements, outboxRows } from '../../../src/app/attemptOutbox.ts'
import { importRows } from '../../../src/app/importOutbox.ts'
import { instructorGradeRows } from '../../../src/app/instructorOutbox.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { addAttempt, commitSubmission } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { acceptLearnerGrades } from '../../../src/db/importFlags.ts'
import { importResultText, webSha256 } from '../../../src/db/importResults.ts'
import { loadCourseRecords } from '../../../src/db/instructorData.ts'
import { fetchCourseStatements } from '../../../src/db/lrsFetch.ts'
import { importLrsStatements } from '../../../src/db/lrsImport.ts'
import { flushOutbox, type SenderOptions } from '../../../src/db/outbox.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { ResultFile } from '../../../src/domain/resultFile.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { courseIri, VERBS } from '../../../src/domain/xapi/iris.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { BEA_1, COURSE_ID, T0, instructorCourse, sealedFile } from '../db/importOutboxFixtures.ts'
import { LRS_INSTALLED, startLrs, type RunningLrs } from './lrsHarness.ts'

const inCi = process.env.CI === 'true'
if (!LRS_INSTALLED && !inCi) console.warn('Skipping the real-LRS tests: tests/lrs/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
const suite = LRS_INSTALLED || inCi ? describe : describe.skip

const AUTH = { key: 'debrief', secret: 'test-secret' }
const HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${AUTH.key}:${AUTH.secret}`).toString('base64')}` }
const NOW = T0 + 3_600_000
const SCORED = new Set<string>([VERBS.answered, VERBS.completed, VERBS.passed, VERBS.failed])

let lrs: RunningLrs
let config: LrsConfig

const sender = (): SenderOptions => ({ endpoint: lrs.endpoint, auth: AUTH, fetch: globalThis.fetch, now: () => NOW, rng: () => 0.5 })

/** Sends a device's outbox; returns what it sent. */
async function flush(db: DebriefDb): Promise<XapiStatement[]> {
  const sent = (await db.outbox.orderBy('queuedAt').toArray()).map((r) => JSON.parse(r.body) as XapiStatement)
  expect(await flushOutbox(db, sender())).toEqual({ sent: sent.length, paused: null, retrying: null })
  return sent
}

/** The course's statements standing on the LRS (voided ones left out). */
async function onLrs(): Promise<XapiStatement[]> {
  const fetched = await fetchCourseStatements({ endpoint: lrs.endpoint, auth: config.auth, fetch: globalThis.fetch, activity: courseIri(config, COURSE_ID) })
  return fetched.list as XapiStatement[]
}

/** The learner's device: the file's attempt (on stubs) submitted with its statements, and sent. */
async function learnerSends(text: string): Promise<XapiStatement[]> {
  const file = JSON.parse(text) as ResultFile
  const { attempt, responses } = file.attempts[0]!
  const device = new DebriefDb(uniqueName())
  await addAttempt(device, { ...attempt, submittedAt: null, submitReason: null })
  await commitSubmission(device, attempt, outboxRows(attemptStatements(config, { id: file.learner.id, displayName: file.learner.name }, attempt, responses, randomUUID), T0))
  return flush(device)
}

/** The instructor's device, unlocked: imports the file with its statements (the store's wiring), and sends them. */
async function instructorImports(db: DebriefDb, text: string): Promise<XapiStatement[]> {
  expect(await importResultText(db, 'bea.json', text, { courseId: COURSE_ID, now: NOW, course: instructorCourse(true), sha256: webSha256, statements: (await importRows(randomUUID))! })).toMatchObject({ ok: true, added: 1 })
  return flush(db)
}

/** What the LRS view (a fresh device's "Load from the LRS") shows of the attempt, and what it queued. */
async function lrsView() {
  const db = new DebriefDb(uniqueName())
  const outcome = await importLrsStatements(db, { statements: await onLrs(), settings: config, course: instructorCourse(true), now: NOW + 10_000, sha256: webSha256 })
  const records = await loadCourseRecords(db, COURSE_ID)
  const attempt = records.attempts.find((a) => a.id === BEA_1)!
  const grade = gradeAttempt(attempt, records.responses.get(BEA_1) ?? [], records.manualGrades.get(BEA_1) ?? [], { passMark: 0.7 })
  return { outcome, grade, queued: await db.outbox.count() }
}

suite('a sealed attempt imported after unlock, against a real LRS', () => {
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    lrs = await startLrs()
    config = { endpoint: lrs.endpoint, homePage: 'https://lms.example.org/learners', activityBase: 'https://lms.example.org/debrief', auth: { type: 'basic', ...AUTH }, sendDisplayName: true, sendFreeText: true }
  }, 120_000)
  afterAll(async () => {
    await lrs?.stop()
  })
  beforeEach(() => resetLrsSetup({ config, problem: null, source: 'file', fileProblem: null }))
  afterEach(() => resetLrsSetup())

  it('reaches the LRS with the learner\'s ids, is shown graded by the LRS view, which queues nothing; accepting its grades voids and reissues once', async () => {
    const text = await sealedFile({ graded: true })
    const fromLearner = await learnerSends(text)
    expect(fromLearner.map((s) => s.verb.id)).toEqual([VERBS.initialized, VERBS.terminated])

    const instructorDb = new DebriefDb(uniqueName())
    const imported = await instructorImports(instructorDb, text)
    // The ids the learner's device would have given them could it grade: the same attempt, full items.
    const stored = (await instructorDb.attempts.get(BEA_1))!
    const storedResponses = await instructorDb.responses.where('attemptId').equals(BEA_1).toArray()
    const couldGrade = attemptStatements(config, { id: 'bea', displayName: 'Bea' }, stored, storedResponses, randomUUID).filter((s) => SCORED.has(s.verb.id))
    expect(imported.map((s) => s.id)).toEqual(couldGrade.map((s) => s.id))
    expect(imported).toEqual(couldGrade)
    expect((await onLrs()).map((s) => s.id).sort()).toEqual([...fromLearner, ...imported].map((s) => s.id).sort())

    const view = await lrsView()
    expect(view.outcome).toMatchObject({ attempts: 1, added: 1, notes: [] })
    expect(view.queued).toBe(0)
    // Graded as the learner's device would have: the two closed items right, the free text waiting for the instructor (its provisional score shown, not counted).
    expect(view.grade.perItem.map((r) => [r.itemId, r.grade.state, r.grade.score])).toEqual([['q-single', 'correct', 1], ['q-ordering', 'correct', 1], ['q-free', 'needs-grading', 4]])
    expect([view.grade.score, view.grade.max, view.grade.passed]).toEqual([2, 6, null])

    // The instructor accepts the grade the learner's device made of the free text.
    expect(await acceptLearnerGrades(instructorDb, BEA_1, NOW + 1_000, (await instructorGradeRows(instructorDb, COURSE_ID, randomUUID))!)).toBe(1)
    const corrected = await flush(instructorDb)
    const voids = corrected.filter((s) => s.verb.id === VERBS.voided)
    const targets = voids.map((s) => (s.object as { id: string }).id)
    expect(targets).toHaveLength(2)
    expect(new Set(targets).size).toBe(2)
    expect(targets.every((id) => imported.some((s) => s.id === id))).toBe(true)
    const all = [...fromLearner, ...imported, ...corrected]
    expect((await onLrs()).map((s) => s.id).sort()).toEqual(all.filter((s) => !targets.includes(s.id)).map((s) => s.id).sort())
    for (const id of targets) expect((await fetch(`${lrs.endpoint}/statements?voidedStatementId=${id}`, { headers: HEADERS })).status).toBe(200)
    // Accepting again sends nothing more.
    await acceptLearnerGrades(instructorDb, BEA_1, NOW + 2_000, (await instructorGradeRows(instructorDb, COURSE_ID, randomUUID))!)
    expect(await instructorDb.outbox.count()).toBe(0)
    // The LRS view now shows the accepted grade and the decision, and still queues nothing.
    const after = await lrsView()
    expect(after.queued).toBe(0)
    expect([after.grade.score, after.grade.max, after.grade.passed]).toEqual([6, 6, true])
  })
})
