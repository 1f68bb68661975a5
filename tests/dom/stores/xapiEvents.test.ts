/**
 * The stores wire each learner event to its statements: with an LRS configured (a served
 * debrief.config.json), reading, a practice check and an instructor's grade each leave their rows
 * in the outbox. The sender is not running in these tests, so the rows stay to be looked at.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { practiceSession } from '../../../src/app/checkRuns.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { useCheckSessionStore } from '../../../src/stores/checkSession.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { useProgressStore } from '../../../src/stores/progress.ts'
import { COURSE, LEARNER, manualClock, storeHarness } from './storeHarness.ts'
import type { DebriefDb } from '../../../src/db/database.ts'

const CONFIG = { lrs: { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: false } }

beforeAll(() => {
  const served = globalThis.fetch
  vi.stubGlobal('fetch', async (url: RequestInfo | URL, init?: RequestInit) =>
    String(url).endsWith('debrief.config.json') ? new Response(JSON.stringify(CONFIG), { status: 200 }) : served(url, init))
})

beforeEach(() => {
  manualClock()
})

async function verbs(db: DebriefDb): Promise<string[]> {
  return (await db.outbox.orderBy('queuedAt').toArray()).map((r) => (JSON.parse(r.body) as XapiStatement).verb.display['en-US']!)
}

describe('with an LRS configured', () => {
  it('queues progressed and completed with the reading progress', async () => {
    const { db } = await storeHarness()
    const progress = useProgressStore()
    const at = { learnerId: LEARNER, courseId: COURSE, lessonId: 'l1-flood' }
    expect(await progress.record({ ...at, readFraction: 0.3, secondsDelta: 30, now: 1_000 })).toBe(true)
    expect(await progress.record({ ...at, readFraction: 0.35, secondsDelta: 5, now: 2_000 })).toBe(true)
    expect(await progress.record({ ...at, readFraction: 1, secondsDelta: 25, finished: true, now: 3_000 })).toBe(true)
    expect(await verbs(db)).toEqual(['progressed', 'completed'])
  })

  it('queues answered with a practice check', async () => {
    const { db } = await storeHarness()
    const practice = useCheckSessionStore()
    await practice.start(practiceSession(COURSE, 'l1-flood'), LEARNER)
    while (practice.item?.type === 'freetext') await practice.next()
    const item = practice.item!
    practice.draft = item.type === 'single' ? { type: 'single', optionId: item.answer } : item.type === 'truefalse' ? { type: 'truefalse', value: item.answer } : { type: 'short', text: 'x' }
    await practice.check()
    expect(await db.responses.count()).toBe(1)
    expect(await verbs(db)).toEqual(['answered'])
  })

  it('queues the correction with an instructor\'s grade', async () => {
    const { db } = await storeHarness()
    const item = { id: 'q-free', version: 'v-free', type: 'freetext', stem: 'Explain.', rubric: [{ id: 'r1', text: 'Cause', points: 2, concepts: [['rain']] }], modelAnswer: 'Rain.', explanation: '', passages: [], objective: 'o1', difficulty: 1, bloom: 'remember', lesson: 'l1-flood' }
    const attempt = { id: '5b8e0c1a-7d2f-4e3a-9b4c-6d5e7f8a9b0c', courseId: COURSE, learnerId: LEARNER, mode: 'assessment', sourceId: 'final', seed: 1, startedAt: 10, deadline: null, submittedAt: 20, submitReason: 'learner', slots: [{ itemId: item.id, version: item.version }], snapshots: { [item.version]: item } }
    await db.attempts.put(attempt as never)
    await db.responses.put({ attemptId: attempt.id, itemId: item.id, answer: { type: 'freetext', text: 'Rain.' }, flagged: false, savedAt: 15, seq: 1 })
    const instructor = useInstructorStore()
    await instructor.load(COURSE)
    await instructor.grade({ attemptId: attempt.id, itemId: item.id, criteria: { r1: 2 }, score: 2, comment: '', gradedAt: 30 }, 0)
    expect(await verbs(db)).toEqual(['voided', 'voided', 'answered', 'completed', 'passed'])
  })
})
