/**
 * A lesson's reading and a practice check write their xAPI statements in their own transaction:
 * both or neither; none when no LRS is configured; every statement valid xAPI.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readingRows } from '../../../src/app/lessonOutbox.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { checkRows } from '../../../src/app/practiceOutbox.ts'
import { addAttempt, commitResponse, listResponses } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { queuedRow } from '../../../src/db/outbox.ts'
import { listLessonProgress, recordReading, type ReadingUpdate } from '../../../src/db/progress.ts'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import { startPractice } from '../../../src/domain/practice.ts'
import type { SavedResponse } from '../../../src/domain/types.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { PROGRESS_EXTENSION, VERBS, itemVersionExtension } from '../../../src/domain/xapi/iris.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { ANSWERS, ITEMS, T0, counterIds, expectValid } from '../xapi/xapiFixtures.ts'
import { uniqueName } from './upgradeHarness.ts'

const CONFIG: LrsConfig = { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/debrief', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: false, sendFreeText: false }
const LEARNER = { id: 'ana-01' }

let db: DebriefDb
beforeEach(() => {
  db = new DebriefDb(uniqueName())
  resetLrsSetup({ config: CONFIG, problem: null, source: 'file', fileProblem: null })
})
afterEach(() => resetLrsSetup())

async function queued(): Promise<XapiStatement[]> {
  return (await db.outbox.orderBy('queuedAt').toArray()).map((r) => JSON.parse(r.body) as XapiStatement)
}

function reading(readFraction: number, secondsDelta: number, finished = false): ReadingUpdate {
  return { learnerId: 'ana-01', courseId: 'c1', lessonId: 'l1', readFraction, secondsDelta, finished, now: T0 + readFraction * 100_000 }
}

describe('lesson statements, written with the progress write', () => {
  it('sends one progressed per threshold crossed, then completed once with the reading time', async () => {
    const rows = (await readingRows(LEARNER, counterIds()))!
    for (const [fraction, seconds] of [[0.1, 10], [0.3, 20], [0.4, 10], [0.8, 30], [0.9, 5]] as const) await recordReading(db, reading(fraction, seconds), rows)
    await recordReading(db, reading(1, 15, true), rows)
    await recordReading(db, reading(0.5, 40), rows)
    await recordReading(db, reading(1, 10, true), rows)
    const sent = await queued()
    expect(sent.map((s) => [s.verb.id, s.result?.extensions?.[PROGRESS_EXTENSION] ?? s.result?.duration])).toEqual([
      [VERBS.progressed, 30],
      [VERBS.progressed, 80],
      [VERBS.completed, 'PT1M30S'],
    ])
    expect(sent[2]!.object.id).toBe('https://example.org/debrief/courses/c1/lessons/l1')
    for (const s of sent) expectValid(s)
  })

  it('saves neither the progress nor the statement when the statement cannot be written', async () => {
    const rows = (await readingRows(LEARNER, counterIds()))!
    await db.outbox.add(queuedRow('00000000-0000-4000-8000-000000000001', '{}', 1))
    await expect(recordReading(db, reading(0.5, 10), rows)).rejects.toThrow()
    expect(await listLessonProgress(db, 'ana-01', 'c1')).toEqual([])
    expect(await db.outbox.count()).toBe(1)
  })

  it('makes no rows when no LRS is configured', async () => {
    resetLrsSetup({ config: null, problem: null, source: null, fileProblem: null })
    expect(await readingRows(LEARNER, counterIds())).toBeUndefined()
    await recordReading(db, reading(1, 10, true))
    expect([(await listLessonProgress(db, 'ana-01', 'c1'))[0]?.state, await db.outbox.count()]).toEqual(['done', 0])
  })
})

describe('a practice check\'s answered, written with the saved check', () => {
  const run = startPractice({ courseId: 'c1', lessonId: 'l1', learnerId: 'ana-01', items: ITEMS, attemptId: '3b1f6f0e-2c4d-4e5f-8a9b-0c1d2e3f4a5b', seed: 3, now: T0 })
  const item = ITEMS.find((i) => i.id === 'q-single')!
  const response: SavedResponse = { attemptId: run.id, itemId: item.id, answer: ANSWERS['q-single']!, flagged: false, savedAt: T0 + 5_000, seq: 1 }
  const grade = gradeResponse(item, response.answer)

  it('carries the lesson as parent, the session as registration, the item version, score and success', async () => {
    await addAttempt(db, run)
    await commitResponse(db, response, await checkRows(LEARNER, run, item, grade, response, counterIds()))
    const [s] = await queued()
    expectValid(s)
    expect(s).toMatchObject({
      verb: { id: VERBS.answered },
      object: { id: 'https://example.org/debrief/courses/c1/items/q-single' },
      result: { success: true, completion: true, score: { raw: grade.score, max: grade.max } },
      context: {
        registration: run.id,
        contextActivities: { parent: [{ id: 'https://example.org/debrief/courses/c1/lessons/l1' }] },
        extensions: { [itemVersionExtension(CONFIG)]: item.version, 'https://example.org/debrief/extensions/mode': 'practice' },
      },
      timestamp: new Date(response.savedAt).toISOString(),
    })
  })

  it('names the item\'s own lesson as parent in a review run', async () => {
    const review = { ...run, sourceId: 'review' }
    const [row] = await checkRows(LEARNER, review, item, grade, response, counterIds())
    expect((JSON.parse(row!.body) as XapiStatement).context?.contextActivities?.parent?.[0]?.id).toBe('https://example.org/debrief/courses/c1/lessons/l1')
  })

  it('saves neither the check nor the statement when the statement cannot be written', async () => {
    await addAttempt(db, run)
    await db.outbox.add(queuedRow('00000000-0000-4000-8000-000000000001', '{}', 1))
    await expect(commitResponse(db, response, await checkRows(LEARNER, run, item, grade, response, counterIds()))).rejects.toThrow()
    expect(await listResponses(db, run.id)).toEqual([])
  })

  it('makes no rows when no LRS is configured', async () => {
    resetLrsSetup({ config: null, problem: null, source: null, fileProblem: null })
    expect(await checkRows(LEARNER, run, item, grade, response, counterIds())).toEqual([])
  })
})
