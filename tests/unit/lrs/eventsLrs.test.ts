/**
 * Every learner event against a real LRS (tests/lrs): a learner reads a lesson, practises and
 * submits a quiz with a free-text item on her device; the instructor's device grades the free
 * text, then regrades an item. Each device sends its own outbox through the real sender. At the
 * end the LRS holds exactly the expected statements, and each voided one is voided once.
 * Skipped without tests/lrs/node_modules, unless CI=true.
 */
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { attemptStatements, outboxRows } from '../../../src/app/attemptOutbox.ts'
import { instructorGradeRows } from '../../../src/app/instructorOutbox.ts'
import { readingRows } from '../../../src/app/lessonOutbox.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { checkRows } from '../../../src/app/practiceOutbox.ts'
import { addAttempt, commitResponse, commitSubmission } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { applyRegrades, saveManualGrade } from '../../../src/db/grading.ts'
import { flushOutbox, type SenderOptions } from '../../../src/db/outbox.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { startPractice } from '../../../src/domain/practice.ts'
import type { Attempt, SavedResponse, VersionedItem } from '../../../src/domain/types.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { VERBS } from '../../../src/domain/xapi/iris.ts'
import { voiding, type XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { ANSWERS, ITEMS, T0, submittedAttempt } from '../xapi/xapiFixtures.ts'
import { LRS_INSTALLED, startLrs, type RunningLrs } from './lrsHarness.ts'

const inCi = process.env.CI === 'true'
if (!LRS_INSTALLED && !inCi) console.warn('Skipping the real-LRS tests: tests/lrs/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
const suite = LRS_INSTALLED || inCi ? describe : describe.skip

const AUTH = { key: 'debrief', secret: 'test-secret' }
const HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${AUTH.key}:${AUTH.secret}`).toString('base64')}`, 'Content-Type': 'application/json' }
const HOME = 'https://lms.example.org/learners'

let lrs: RunningLrs
let config: LrsConfig

function sender(): SenderOptions {
  return { endpoint: lrs.endpoint, auth: AUTH, fetch: globalThis.fetch, now: () => T0 + 3_600_000, rng: () => 0.5 }
}

/**
 * Every statement the LRS returns for a learner (voided ones excluded, as GET /statements does).
 * The test LRS's `more` link spells the agent as "[object Object]", so each page is asked with
 * our own agent parameter and only its cursor.
 */
async function held(learnerId: string): Promise<XapiStatement[]> {
  const query = `${lrs.endpoint}/statements?agent=${encodeURIComponent(JSON.stringify({ objectType: 'Agent', account: { homePage: HOME, name: learnerId } }))}&limit=10`
  const out: XapiStatement[] = []
  let url: string | null = query
  while (url !== null) {
    const r: Response = await fetch(url, { headers: HEADERS })
    expect(r.status).toBe(200)
    const page = (await r.json()) as { statements: XapiStatement[]; more?: string }
    out.push(...page.statements)
    const cursor = page.more ? new URL(page.more, lrs.endpoint).searchParams.get('cursor') : null
    url = cursor !== null && cursor !== '' ? `${query}&cursor=${cursor}` : null
  }
  return out
}

async function statementStatus(query: string): Promise<number> {
  return (await fetch(`${lrs.endpoint}/statements?${query}`, { headers: HEADERS })).status
}

async function bodies(db: DebriefDb): Promise<XapiStatement[]> {
  return (await db.outbox.toArray()).map((r) => JSON.parse(r.body) as XapiStatement)
}

/** Sends a device's outbox; returns what it sent. */
async function flush(db: DebriefDb): Promise<XapiStatement[]> {
  const sent = await bodies(db)
  expect(await flushOutbox(db, sender())).toEqual({ sent: sent.length, paused: null, retrying: null })
  return sent
}

suite('every learner event against a real LRS', () => {
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    lrs = await startLrs()
    config = { endpoint: lrs.endpoint, homePage: HOME, activityBase: 'https://lms.example.org/debrief', auth: { type: 'basic', ...AUTH }, sendDisplayName: false, sendFreeText: false }
  })
  afterAll(async () => {
    await lrs?.stop()
  })
  beforeEach(() => resetLrsSetup({ config, problem: null, source: 'file', fileProblem: null }))
  afterEach(() => resetLrsSetup())

  it('holds exactly the learner\'s and the instructor\'s current statements after a grade and a regrade', async () => {
    const learnerId = `ana-${randomUUID()}`
    const learnerDb = new DebriefDb(uniqueName())
    const instructorDb = new DebriefDb(uniqueName())
    const me = { id: learnerId }

    // The learner's device: reading, practice, then a quiz with a free-text item.
    const reading = (await readingRows(me, randomUUID))!
    for (const [f, done] of [[0.3, false], [0.6, false], [1, true]] as const) {
      await recordReading(learnerDb, { learnerId, courseId: 'river-brief', lessonId: 'l1', readFraction: f, secondsDelta: 20, finished: done, now: T0 + f * 1000 }, reading)
    }
    const run = startPractice({ courseId: 'river-brief', lessonId: 'l1', learnerId, items: ITEMS.slice(0, 2), attemptId: randomUUID(), seed: 1, now: T0 })
    await addAttempt(learnerDb, run)
    for (const item of ITEMS.slice(0, 2)) {
      const response: SavedResponse = { attemptId: run.id, itemId: item.id, answer: ANSWERS[item.id]!, flagged: false, savedAt: T0 + 2_000, seq: 1 }
      await commitResponse(learnerDb, response, await checkRows(me, run, item, gradeResponse(item, response.answer), response, randomUUID))
    }
    const { attempt: base, responses: given } = submittedAttempt()
    const attempt: Attempt = { ...base, id: randomUUID(), learnerId }
    const responses = given.map((r) => ({ ...r, attemptId: attempt.id }))
    await addAttempt(learnerDb, { ...attempt, submittedAt: null, submitReason: null })
    await commitSubmission(learnerDb, attempt, outboxRows(attemptStatements(config, me, attempt, responses, randomUUID), T0 + 100_000))
    const fromLearner = await flush(learnerDb)
    expect(fromLearner.map((s) => s.verb.display['en-US'])).toEqual(expect.arrayContaining(['progressed', 'completed', 'answered', 'initialized', 'terminated']))

    // The instructor's device: the imported attempt, a free-text grade, then a regrade.
    await instructorDb.learners.put({ id: learnerId, name: 'Ana', createdAt: 1, origin: 'imported' })
    await instructorDb.attempts.put(attempt)
    await instructorDb.responses.bulkPut(responses)
    await saveManualGrade(instructorDb, { attemptId: attempt.id, itemId: 'q-free', criteria: { r1: 2 }, score: 2, comment: 'Good.', gradedAt: T0 + 500_000 }, 0, (await instructorGradeRows(instructorDb, 'river-brief', randomUUID))!)
    const graded = await flush(instructorDb)
    const single = ITEMS[0]!
    const fixed = { ...single, version: 'v-single-2', answer: 'b' } as VersionedItem
    const change = { attemptId: attempt.id, learnerId, assessmentId: 'final', itemId: single.id, fromVersion: single.version, toVersion: fixed.version, oldItemScore: 1, newItemScore: 0, oldPercent: 0, newPercent: 0, manual: false }
    await applyRegrades(instructorDb, [change], new Map([[single.id, fixed]]), T0 + 900_000, (await instructorGradeRows(instructorDb, 'river-brief', randomUUID))!)
    const regraded = await flush(instructorDb)

    const all = [...fromLearner, ...graded, ...regraded]
    const voids = all.filter((s) => s.verb.id === VERBS.voided)
    const targets = voids.map((s) => s.object.id)
    expect(voids.length).toBeGreaterThan(0)
    expect(new Set(targets).size).toBe(targets.length)
    expect(targets.every((id) => all.some((s) => s.id === id && s.verb.id !== VERBS.voided))).toBe(true)
    const expected = all.filter((s) => !targets.includes(s.id)).map((s) => s.id).sort()
    const onLrs = await held(learnerId)
    expect(onLrs.map((s) => s.id).sort()).toEqual(expected)
    // What stands for the attempt: one answered per item, one completed, one decision.
    const standing = onLrs.filter((s) => s.context?.registration === attempt.id && s.verb.id !== VERBS.initialized && s.verb.id !== VERBS.terminated)
    expect(standing.map((s) => s.verb.display['en-US']).sort()).toEqual([...ITEMS.map(() => 'answered'), 'completed', 'passed'].sort())
    for (const id of targets) expect(await statementStatus(`voidedStatementId=${id}`)).toBe(200)
  })

  it('keeps a statement voided when its void reached the LRS first (the instructor sent before the learner)', async () => {
    const learnerId = `ben-${randomUUID()}`
    const env = { settings: config, learner: { id: learnerId }, newId: randomUUID }
    const target = randomUUID()
    const early = voiding(env, target, T0 + 10)
    const post = (statements: unknown[]) => fetch(`${lrs.endpoint}/statements`, { method: 'POST', headers: HEADERS, body: JSON.stringify(statements) })
    expect((await post([early])).status).toBe(200)
    const late = { ...voiding(env, randomUUID(), T0), id: target, verb: { id: VERBS.answered, display: { 'en-US': 'answered' } }, object: { objectType: 'Activity', id: 'https://lms.example.org/debrief/courses/c/items/q' } }
    expect((await post([late])).status).toBe(200)
    expect(await statementStatus(`statementId=${target}`)).toBe(404)
    expect(await statementStatus(`voidedStatementId=${target}`)).toBe(200)
    expect((await held(learnerId)).map((s) => s.id)).toEqual([early.id])
  })
})
