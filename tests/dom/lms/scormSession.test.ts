/**
 * The SCORM session against scorm-again's API objects (the same runtime the browser tests use),
 * with the fixture course and a fake IndexedDB: what each event sets, in both versions.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again'
import { courses, loadCourseItems } from 'virtual:debrief/catalog'
import { afterEach, describe, expect, it } from 'vitest'
import { connectScorm } from '../../../src/app/lms/scorm/connect.ts'
import { REFUSED_MESSAGE } from '../../../src/app/lms/scorm/cmiWriter.ts'
import type { LmsSession } from '../../../src/app/lms/session.ts'
import { addAttempt, commitResponse, getAttempt, listResponses } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { submitAttempt } from '../../../src/domain/attempt.ts'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import type { LmsTarget } from '../../../src/domain/lms/target.ts'
import type { Answer, Attempt, SavedResponse } from '../../../src/domain/types.ts'

const COURSE = 'river-brief'
const LEARNER = 'profile-1'
const T0 = Date.UTC(2027, 2, 1, 9, 0, 0)
let dbCount = 0
type Win = Window & { API?: unknown; API_1484_11?: unknown }

afterEach(() => {
  delete (window as Win).API
  delete (window as Win).API_1484_11
})

async function freshDb(): Promise<DebriefDb> {
  const db = new DebriefDb(`scorm-session-${++dbCount}`)
  await db.open()
  return db
}

function api12(cmi: Record<string, string> = {}): Scorm12API {
  const api = new Scorm12API({ logLevel: 5 })
  api.loadFromFlattenedJSON({ 'cmi.core.student_id': 'u-7', 'cmi.core.student_name': 'Okafor, Ada', ...cmi })
  ;(window as Win).API = api
  return api
}

function api2004(cmi: Record<string, string> = {}): Scorm2004API {
  const api = new Scorm2004API({ logLevel: 5 })
  api.loadFromFlattenedJSON({ 'cmi.learner_id': 'u-7', 'cmi.learner_name': 'Ada Okafor', ...cmi })
  ;(window as Win).API_1484_11 = api
  return api
}

async function start(blueprintId: string, db: DebriefDb, seed = 7, at = T0): Promise<Attempt> {
  const blueprint = courses.find((c) => c.id === COURSE)!.blueprints.find((b) => b.id === blueprintId)!
  const items = await loadCourseItems(COURSE)
  const attempt = startAttempt({ blueprint, banks: items!.banks, learnerId: LEARNER, courseId: COURSE, attemptId: `att-${blueprintId}-${seed}`, seed, now: at, previousAttempts: [] })
  await addAttempt(db, attempt)
  return attempt
}

/** The right answer to an item, or a wrong one. */
function answerTo(attempt: Attempt, itemId: string, right: boolean): Answer {
  const slot = attempt.slots.find((s) => s.itemId === itemId)!
  const item = attempt.snapshots[slot.version]!
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: right ? item.answer : item.options.find((o) => o.id !== item.answer)!.id }
    case 'truefalse':
      return { type: 'truefalse', value: right ? item.answer : !item.answer }
    case 'numeric':
      return { type: 'numeric', text: right ? String(item.answer) : '999' }
    case 'short':
      return { type: 'short', text: right ? item.accept[0]! : 'nothing like it' }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, right ? b.accept[0]! : 'no'])) }
    default:
      return { type: 'freetext', text: 'The river rose after the rain.' }
  }
}

/** Answers every slot (committed to IndexedDB first), telling the session after each. */
async function answerAll(session: LmsSession, db: DebriefDb, attempt: Attempt, right: boolean): Promise<SavedResponse[]> {
  const out: SavedResponse[] = []
  for (const [i, slot] of attempt.slots.entries()) {
    const response: SavedResponse = { attemptId: attempt.id, itemId: slot.itemId, answer: answerTo(attempt, slot.itemId, right), flagged: false, savedAt: attempt.startedAt + 1000 * (i + 1), seq: 1 }
    await commitResponse(db, response)
    expect(await session.report({ type: 'answer', attempt, response })).toBeUndefined()
    out.push(response)
  }
  return out
}

async function submitAll(session: LmsSession, db: DebriefDb, attempt: Attempt, right: boolean): Promise<Attempt> {
  const responses = await answerAll(session, db, attempt, right)
  const submitted = submitAttempt(attempt, attempt.startedAt + 60_000, 'learner')
  await db.attempts.put(submitted)
  expect(await session.report({ type: 'submitted', attempt: submitted, responses })).toBeUndefined()
  return submitted
}

/** The CMI as the runtime's commit renders it (write-only elements included). */
function committedCmi(api: Scorm12API | Scorm2004API): Record<string, unknown> {
  return JSON.parse(JSON.stringify(api.cmi)) as Record<string, unknown>
}

const target = (kind: LmsTarget['kind'], blueprintId?: string): LmsTarget => (blueprintId ? { kind, courseId: COURSE, blueprintId } : { kind, courseId: COURSE })

describe('opening a SCORM session', () => {
  it('names the 1.2 learner "First Last" and marks a first launch incomplete', async () => {
    const api = api12()
    const session = await connectScorm(target('scorm12', 'quiz-l1'), window, await freshDb())
    expect(session.learner).toEqual({ id: 'u-7', name: 'Ada Okafor' })
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete')
  })

  it('marks a 2004 first launch incomplete and keeps the learner name as it is', async () => {
    const api = api2004()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, await freshDb())
    expect(session.learner).toEqual({ id: 'u-7', name: 'Ada Okafor' })
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete')
  })

  it('says plainly that no API was found', async () => {
    await expect(connectScorm(target('scorm12'), window, await freshDb())).rejects.toThrow('No SCORM API was found: no window above this one (parents, then the opener) has API (SCORM 1.2).')
  })

  it('gives the LMS\'s own error when Initialize fails', async () => {
    const api = api2004()
    api.Initialize('')
    // A second Initialize is refused by the runtime (103: already initialized).
    await expect(connectScorm(target('scorm2004'), window, await freshDb())).rejects.toThrow(/^The LMS refused Initialize: error 103: /)
  })
})

describe('reporting to SCORM 2004', () => {
  it('writes every slot as an interaction, each answer after its commit, and the score on submit', async () => {
    const api = api2004()
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, db)
    const attempt = await start('quiz-l1', db)
    await submitAll(session, db, attempt, true)
    expect(Number(api.GetValue('cmi.interactions._count'))).toBe(attempt.slots.length)
    for (const [n, slot] of attempt.slots.entries()) {
      expect(api.GetValue(`cmi.interactions.${n}.id`)).toBe(slot.itemId)
      expect(api.GetValue(`cmi.interactions.${n}.learner_response`)).not.toBe('')
    }
    expect(api.GetValue('cmi.score.raw')).not.toBe('')
    expect([api.GetValue('cmi.score.min'), api.GetValue('cmi.score.max'), api.GetValue('cmi.completion_status')]).toEqual(['0', '100', 'completed'])
    expect(api.GetValue('cmi.suspend_data')).toBe('{"v":1}')
    // One pass of quiz-l1 opens the full review (fullReviewWhen passed): the right answers go with it.
    expect(api.GetValue('cmi.success_status')).toBe('passed')
    expect(api.GetValue('cmi.interactions.0.correct_responses._count')).toBe('1')
  })

  it('keeps the right answers back after a fail, while the review policy does', async () => {
    const api = api2004()
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, db)
    await submitAll(session, db, await start('quiz-l1', db), false)
    expect(api.GetValue('cmi.success_status')).toBe('failed')
    expect(api.GetValue('cmi.interactions.0.correct_responses._count')).toBe('0')
    expect(api.GetValue('cmi.interactions.0.result')).toBe('incorrect')
  })

  it('numbers a second attempt\'s interactions after the first\'s and reports the highest grade', async () => {
    const api = api2004()
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, db)
    const first = await start('quiz-l1', db, 7, T0)
    await submitAll(session, db, first, true)
    const raw = api.GetValue('cmi.score.raw')
    const second = await start('quiz-l1', db, 8, T0 + 3_600_000)
    await submitAll(session, db, second, false)
    expect(Number(api.GetValue('cmi.interactions._count'))).toBe(first.slots.length + second.slots.length)
    expect(api.GetValue(`cmi.interactions.${first.slots.length}.id`)).toBe(second.slots[0]!.itemId)
    // Grading method "highest": the failed second attempt does not lower the grade.
    expect([api.GetValue('cmi.score.raw'), api.GetValue('cmi.success_status')]).toEqual([raw, 'passed'])
  })

  it('in a course package reports the final, not a quiz, and the lessons read as progress', async () => {
    const api = api2004()
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004'), window, db)
    expect(await session.resume?.(LEARNER)).toBeUndefined()
    await submitAll(session, db, await start('quiz-l1', db), true)
    expect(api.GetValue('cmi.score.raw')).toBe('')
    const lessons = courses.find((c) => c.id === COURSE)!.lessons
    await recordReading(db, { learnerId: LEARNER, courseId: COURSE, lessonId: lessons[0]!.id, readFraction: 1, secondsDelta: 60, now: T0, finished: true })
    expect(await session.report({ type: 'lesson', courseId: COURSE, lessonId: lessons[0]!.id, fraction: 1, completed: true })).toBeUndefined()
    expect(Number(api.GetValue('cmi.progress_measure'))).toBeCloseTo(1 / lessons.length, 4)
    await submitAll(session, db, await start('final', db, 9, T0 + 3_600_000), true)
    expect(api.GetValue('cmi.score.raw')).not.toBe('')
    expect(api.GetValue('cmi.completion_status')).toBe('completed')
  })

  it('finishes once: exit "suspend" while an attempt is open', async () => {
    const api = api2004()
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, db)
    const attempt = await start('quiz-l1', db)
    const response: SavedResponse = { attemptId: attempt.id, itemId: attempt.slots[0]!.itemId, answer: answerTo(attempt, attempt.slots[0]!.itemId, true), flagged: true, savedAt: T0 + 5, seq: 1 }
    await commitResponse(db, response)
    await session.report({ type: 'answer', attempt, response })
    expect(await session.finish()).toBeUndefined()
    expect(await session.finish()).toBeUndefined()
    // cmi.exit is write-only: read it as the commit sends it.
    expect(committedCmi(api).exit).toBe('suspend')
    expect(api.isTerminated()).toBe(true)
  })
})

describe('reporting to SCORM 1.2', () => {
  it('sets raw/min/max and passed or failed, exit "" after submit', async () => {
    const api = api12()
    const db = await freshDb()
    const session = await connectScorm(target('scorm12', 'quiz-l1'), window, db)
    await submitAll(session, db, await start('quiz-l1', db), true)
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed')
    expect(Number(api.LMSGetValue('cmi.core.score.raw'))).toBeGreaterThanOrEqual(70)
    expect([api.LMSGetValue('cmi.core.score.min'), api.LMSGetValue('cmi.core.score.max')]).toEqual(['0', '100'])
    await session.finish()
    expect((committedCmi(api).core as Record<string, string>).exit).toBe('')
  })

  it('tells the learner when the LMS refuses the score, and sends it again at the next commit', async () => {
    const api = api12()
    const set = api.LMSSetValue.bind(api)
    let refuse = true
    api.LMSSetValue = (name: string, value: string) => (refuse && name === 'cmi.core.score.raw' ? 'false' : set(name, value))
    const db = await freshDb()
    const session = await connectScorm(target('scorm12', 'quiz-l1'), window, db)
    const attempt = await start('quiz-l1', db)
    const responses = await answerAll(session, db, attempt, true)
    const submitted = submitAttempt(attempt, T0 + 60_000, 'learner')
    await db.attempts.put(submitted)
    const problem = await session.report({ type: 'submitted', attempt: submitted, responses })
    expect(problem).toEqual({ message: REFUSED_MESSAGE, detail: expect.stringContaining('cmi.core.score.raw was refused') })
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('')
    // Nothing saved is lost, and finishing tries the score again.
    expect(await listResponses(db, attempt.id)).toHaveLength(attempt.slots.length)
    refuse = false
    expect(await session.finish()).toBeUndefined()
    expect(Number(api.LMSGetValue('cmi.core.score.raw'))).toBeGreaterThanOrEqual(70)
  })
})

describe('a commit the LMS refuses', () => {
  it('is reported with the LMS\'s error, and the next answer commits again', async () => {
    const api = api2004()
    const commit = api.Commit.bind(api)
    let fail = true
    api.Commit = (arg?: string) => (fail ? 'false' : commit(arg))
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, db)
    const attempt = await start('quiz-l1', db)
    const [first, second] = attempt.slots.map((slot, i): SavedResponse => ({ attemptId: attempt.id, itemId: slot.itemId, answer: answerTo(attempt, slot.itemId, true), flagged: false, savedAt: T0 + i, seq: 1 }))
    await commitResponse(db, first!)
    expect(await session.report({ type: 'answer', attempt, response: first! })).toEqual({ message: REFUSED_MESSAGE, detail: expect.stringMatching(/^the commit was refused: error \d+/) })
    fail = false
    await commitResponse(db, second!)
    expect(await session.report({ type: 'answer', attempt, response: second! })).toBeUndefined()
    expect(JSON.parse(api.GetValue('cmi.suspend_data')).r).toHaveLength(2)
  })
})

describe('resuming from suspend_data', () => {
  async function suspendedOn(kind: 'scorm12' | 'scorm2004'): Promise<{ suspend: string; attempt: Attempt }> {
    if (kind === 'scorm12') api12()
    else api2004()
    const db = await freshDb()
    const session = await connectScorm(target(kind, 'quiz-l1'), window, db)
    const attempt = await start('quiz-l1', db)
    const response: SavedResponse = { attemptId: attempt.id, itemId: attempt.slots[1]!.itemId, answer: answerTo(attempt, attempt.slots[1]!.itemId, true), flagged: true, savedAt: T0 + 5, seq: 1 }
    await commitResponse(db, response)
    await session.report({ type: 'answer', attempt, response })
    const api = (window as Win)[kind === 'scorm12' ? 'API' : 'API_1484_11'] as Scorm12API & Scorm2004API
    return { suspend: kind === 'scorm12' ? api.LMSGetValue('cmi.suspend_data') : api.GetValue('cmi.suspend_data'), attempt }
  }

  it.each(['scorm12', 'scorm2004'] as const)('%s: rebuilds the attempt on a device without it, then IndexedDB wins', async (kind) => {
    const { suspend, attempt } = await suspendedOn(kind)
    const entry: Record<string, string> = { [kind === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry']: 'resume', 'cmi.suspend_data': suspend }
    const other = await freshDb()
    if (kind === 'scorm12') api12(entry)
    else api2004(entry)
    const session = await connectScorm(target(kind, 'quiz-l1'), window, other)
    expect(await session.resume?.(LEARNER)).toBeUndefined()
    expect(await getAttempt(other, attempt.id)).toEqual(attempt)
    const [restored] = await listResponses(other, attempt.id)
    expect(restored).toMatchObject({ itemId: attempt.slots[1]!.itemId, flagged: true, seq: 1 })
    // A second launch finds the attempt here and leaves it as IndexedDB has it.
    await commitResponse(other, { ...restored!, answer: answerTo(attempt, restored!.itemId, false), seq: 2 })
    if (kind === 'scorm12') api12(entry)
    else api2004(entry)
    const again = await connectScorm(target(kind, 'quiz-l1'), window, other)
    expect(await again.resume?.(LEARNER)).toBeUndefined()
    expect((await listResponses(other, attempt.id))[0]!.seq).toBe(2)
  })

  it('explains suspend_data it cannot read, and changes nothing', async () => {
    api2004({ 'cmi.entry': 'resume', 'cmi.suspend_data': 'page=3;score=5' })
    const db = await freshDb()
    const session = await connectScorm(target('scorm2004', 'quiz-l1'), window, db)
    expect(await session.resume?.(LEARNER)).toEqual({ message: expect.stringContaining('could not read the place'), detail: expect.stringContaining('is not data Debrief wrote') })
    expect(await db.attempts.count()).toBe(0)
  })
})
