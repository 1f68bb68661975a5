import { describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { PROGRESS_EXTENSION, VERBS, itemVersionExtension } from '../../../src/domain/xapi/iris.ts'
import type { InteractionDefinition } from '../../../src/domain/xapi/interactions.ts'
import {
  answered,
  attemptCompleted,
  initialized,
  lessonCompleted,
  lessonProgressed,
  passedOrFailed,
  regradeStatements,
  reissue,
  submittedAttemptStatements,
  terminated,
  voiding,
  type XapiStatement,
} from '../../../src/domain/xapi/statements.ts'
import { ATTEMPT_ID, ITEMS, SETTINGS, SOURCE, T0, env, expectValid, graded, submittedAttempt, xapiProblems } from './xapiFixtures.ts'
import { publicItem } from '../../../src/domain/sealed.ts'

const BASE = 'https://lms.example.org/debrief/courses/river-brief'
const LESSON = { courseId: 'river-brief', courseTitle: 'The river brief', lessonId: 'l1-flood', lessonTitle: 'The flood' }

function definition(s: XapiStatement): InteractionDefinition {
  if (s.object.objectType !== 'Activity') throw new Error('not an activity')
  return s.object.definition as InteractionDefinition
}

describe('xAPI statements of a submitted attempt', () => {
  const { attempt, grade } = graded()
  const all = submittedAttemptStatements(env(), attempt, SOURCE, grade)

  it('are one answered per item, then completed, passed or failed, terminated; all valid, ids unique', () => {
    expect(all.map((s) => s.verb.id.split('/').pop())).toEqual([...ITEMS.map(() => 'answered'), 'completed', 'passed', 'terminated'])
    for (const s of all) expectValid(s)
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length)
  })

  it('name the learner by account, with no display name unless allowed', () => {
    expect(all[0]!.actor).toEqual({ objectType: 'Agent', account: { homePage: SETTINGS.homePage, name: 'ana-01' } })
    const hidden = initialized(env({}, 'Ana Silva'), attempt, SOURCE)
    expect(hidden.actor.name).toBeUndefined()
    const shown = initialized(env({ sendDisplayName: true }, 'Ana Silva'), attempt, SOURCE)
    expectValid(shown)
    expect(shown.actor).toEqual({ objectType: 'Agent', name: 'Ana Silva', account: { homePage: SETTINGS.homePage, name: 'ana-01' } })
  })

  it('carry registration, parent blueprint, grouping course and the item version', () => {
    const first = all[0]!
    expect(first.context?.registration).toBe(ATTEMPT_ID)
    expect(first.context?.contextActivities?.parent?.[0]?.id).toBe(`${BASE}/assessments/final`)
    expect(first.context?.contextActivities?.parent?.[0]?.definition?.type).toBe('http://adlnet.gov/expapi/activities/assessment')
    expect(first.context?.contextActivities?.grouping?.[0]?.id).toBe(BASE)
    expect(first.context?.extensions?.[itemVersionExtension(SETTINGS)]).toBe('v-single')
    expect(first.timestamp).toBe('2027-01-15T08:00:01.000Z')
  })

  it('initialized at the start, terminated and completed with the duration, failed below the pass mark', () => {
    const start = initialized(env(), attempt, SOURCE)
    expectValid(start)
    expect(start.verb.id).toBe(VERBS.initialized)
    expect(start.object).toMatchObject({ id: `${BASE}/assessments/final`, definition: { type: 'http://adlnet.gov/expapi/activities/assessment', name: { 'en-US': 'Final check' } } })
    expect(start.timestamp).toBe('2027-01-15T08:00:00.000Z')
    const end = terminated(env(), attempt, SOURCE)
    expect(end.result).toEqual({ duration: 'PT1M35.5S' })
    expect(end.timestamp).toBe('2027-01-15T08:01:35.500Z')
    const done = attemptCompleted(env(), attempt, SOURCE, grade)
    expect(done.result).toMatchObject({ score: { raw: grade.score, min: 0, max: grade.max }, completion: true, duration: 'PT1M35.5S' })
    expect(done.result?.score?.scaled).toBeCloseTo(grade.score / grade.max, 8)
    const hard = graded(ITEMS.filter((i) => i.type !== 'freetext'), 0.95)
    expect(hard.grade.passed).toBe(false)
    const failed = passedOrFailed(env(), hard.attempt, SOURCE, hard.grade)!
    expectValid(failed)
    expect(failed.verb.id).toBe(VERBS.failed)
    expect(failed.result).toMatchObject({ success: false, completion: true, score: { raw: hard.grade.score, max: hard.grade.max }, duration: 'PT1M35.5S' })
  })

  it('passed when the attempt reaches the pass mark; nothing while pending items could decide it', () => {
    const easy = graded(ITEMS.filter((i) => i.type !== 'freetext'), 0.1)
    const pass = passedOrFailed(env(), easy.attempt, SOURCE, easy.grade)!
    expectValid(pass)
    expect(pass.verb.id).toBe(VERBS.passed)
    expect(pass.result).toMatchObject({ success: true, completion: true })
    const pending = graded(ITEMS.filter((i) => i.type === 'freetext'))
    expect(pending.grade.passed).toBeNull()
    expect(passedOrFailed(env(), pending.attempt, SOURCE, pending.grade)).toBeNull()
    const answeredPending = submittedAttemptStatements(env(), pending.attempt, SOURCE, pending.grade)[0]!
    expect(answeredPending.result?.success).toBeUndefined()
    expect(answeredPending.result?.completion).toBe(false)
  })

  it('refuse to build end statements for an attempt still open', () => {
    const open = { ...attempt, submittedAt: null }
    expect(() => terminated(env(), open, SOURCE)).toThrow(/not submitted yet/)
  })
})

describe('every item type as a cmi.interaction', () => {
  const { attempt, grade } = graded()
  const byItem = new Map(submittedAttemptStatements(env({ sendFreeText: true }), attempt, SOURCE, grade).filter((s) => s.verb.id === VERBS.answered).map((s) => [s.object.id.split('/').pop(), s]))
  const cases: [string, string, string[] | undefined, string | undefined, string][] = [
    ['q-single', 'choice', ['a'], 'a', 'choices'],
    ['q-multi', 'choice', ['a[,]c'], 'a[,]b', 'choices'],
    ['q-tf', 'true-false', ['false'], 'false', ''],
    ['q-match', 'matching', ['m1[.]m1[,]m2[.]m2'], 'm1[.]d1[,]m2[.]m2', 'source,target'],
    ['q-order', 'sequencing', ['s1[,]s2[,]s3'], 's1[,]s3[,]s2', 'choices'],
    ['q-cat', 'matching', ['st1[.]wet[,]st2[.]dry'], 'st1[.]wet[,]st2[.]dry', 'source,target'],
    ['q-cloze', 'fill-in', ['river[,]two metres'], 'river[,]three metres', ''],
    ['q-short', 'fill-in', ['{case_matters=true}levee', '{case_matters=true}dyke'], 'levee', ''],
    ['q-num', 'numeric', ['11[:]13'], '12.5', ''],
    ['q-free', 'long-fill-in', undefined, 'Heavy rain upstream.', ''],
  ]
  it.each(cases)('%s → %s, pattern %j, response %j, components %s', (id, type, pattern, response, lists) => {
    const s = byItem.get(id)!
    expectValid(s)
    const def = definition(s)
    expect(s.object.id).toBe(`${BASE}/items/${id}`)
    expect(def.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction')
    expect(def.interactionType).toBe(type)
    expect(def.correctResponsesPattern).toEqual(pattern)
    expect(s.result?.response).toBe(response)
    for (const list of ['choices', 'source', 'target', 'steps'] as const) expect(def[list] !== undefined).toBe(lists.split(',').includes(list))
  })

  it('matching lists distractors as targets; scores are raw/scaled within min..max', () => {
    expect(definition(byItem.get('q-match')!).target?.map((t) => t.id)).toEqual(['m1', 'm2', 'd1'])
    expect(byItem.get('q-single')!.result).toMatchObject({ score: { scaled: 1, raw: 1, min: 0, max: 1 }, success: true, completion: true })
    expect(byItem.get('q-order')!.result?.success).toBe(false)
  })

  it('sends no free-text answer unless allowed, and no numeric response that is not a plain number', () => {
    const hidden = submittedAttemptStatements(env(), attempt, SOURCE, grade).find((s) => s.object.id.endsWith('/q-free'))!
    expect(hidden.result?.response).toBeUndefined()
    const item = ITEMS.find((i) => i.id === 'q-num')!
    const result = { ...grade.perItem.find((r) => r.itemId === 'q-num')!, response: { attemptId: ATTEMPT_ID, itemId: 'q-num', answer: { type: 'numeric' as const, text: '1,2' }, flagged: false, savedAt: T0, seq: 2 } }
    expect(answered(env(), attempt, SOURCE, item, result).result?.response).toBeUndefined()
  })

  it('a sealed stub (no key) gets no correctResponsesPattern, and stays valid', () => {
    const stub = publicItem({ ...ITEMS[0]!, sealed: true })
    const s = answered(env(), attempt, SOURCE, stub, grade.perItem[0]!)
    expectValid(s)
    expect(definition(s).correctResponsesPattern).toBeUndefined()
    expect(definition(s).choices).toHaveLength(2)
  })

  it('a full sealed item (unlocked on the instructor\'s device) keeps its correctResponsesPattern', () => {
    const s = answered(env(), attempt, SOURCE, { ...ITEMS[0]!, sealed: true }, grade.perItem[0]!)
    expectValid(s)
    expect(definition(s).correctResponsesPattern).toEqual(definition(answered(env(), attempt, SOURCE, ITEMS[0]!, grade.perItem[0]!)).correctResponsesPattern)
    expect(definition(s).correctResponsesPattern).toBeDefined()
  })

  it.each(ITEMS.map((i) => [i.type, i] as const))('the real stub of a %s item (publicItem) still builds a valid statement, without a key', (_, item) => {
    const stub = publicItem({ ...item, sealed: true })
    const s = answered(env(), attempt, SOURCE, stub, grade.perItem.find((r) => r.itemId === item.id)!)
    expectValid(s)
    expect(definition(s).correctResponsesPattern).toBeUndefined()
  })
})

describe('practice, lessons, voiding and regrades', () => {
  it('a practice check is answered with the lesson as parent', () => {
    const { attempt, responses } = submittedAttempt([ITEMS[0]!])
    const practice = { ...attempt, mode: 'practice' as const, sourceId: 'l1-flood' }
    const grade = gradeAttempt(practice, responses)
    const s = answered(env(), practice, { courseTitle: 'The river brief', sourceTitle: 'The flood' }, ITEMS[0]!, grade.perItem[0]!)
    expectValid(s)
    expect(s.context?.contextActivities?.parent?.[0]).toMatchObject({ id: `${BASE}/lessons/l1-flood`, definition: { type: 'http://adlnet.gov/expapi/activities/lesson' } })
  })

  it('a lesson read to the end is completed; reading progress uses the cmi5 extension, not a score', () => {
    const done = lessonCompleted(env(), LESSON, T0, 125_000)
    expectValid(done)
    expect(done).toMatchObject({ verb: { id: VERBS.completed }, object: { id: `${BASE}/lessons/l1-flood` }, result: { completion: true, duration: 'PT2M5S' } })
    const progress = lessonProgressed(env(), LESSON, 42.4, T0)
    expectValid(progress)
    expect(progress.verb.id).toBe(VERBS.progressed)
    expect(progress.result).toEqual({ extensions: { [PROGRESS_EXTENSION]: 42 } })
    expect(lessonProgressed(env(), LESSON, 140, T0).result?.extensions?.[PROGRESS_EXTENSION]).toBe(100)
  })

  it('a voiding statement points at the old statement', () => {
    const v = voiding(env(), '00000000-0000-4000-8000-000000000099', T0)
    expectValid(v)
    expect(v).toMatchObject({ verb: { id: VERBS.voided }, object: { objectType: 'StatementRef', id: '00000000-0000-4000-8000-000000000099' } })
  })

  it('a regrade voids the old scored statements and issues new ones with new ids', () => {
    const { attempt, responses } = submittedAttempt(ITEMS.filter((i) => i.type === 'freetext'))
    const ids = env()
    const before = submittedAttemptStatements(ids, attempt, SOURCE, gradeAttempt(attempt, responses))
    const manual = [{ attemptId: ATTEMPT_ID, itemId: 'q-free', criteria: { r1: 2 }, score: 2, comment: 'Good.', gradedAt: T0 + 3_600_000 }]
    const after = regradeStatements(ids, attempt, SOURCE, before, gradeAttempt(attempt, responses, manual), T0 + 3_600_000)
    for (const s of after) expectValid(s)
    const scored = before.filter((s) => s.verb.id !== VERBS.terminated)
    expect(after.slice(0, scored.length).map((s) => (s.object.objectType === 'StatementRef' ? s.object.id : null))).toEqual(scored.map((s) => s.id))
    expect(after.slice(scored.length).map((s) => s.verb.id)).toEqual([VERBS.answered, VERBS.completed, VERBS.passed])
    expect(after[scored.length]!.result).toMatchObject({ score: { raw: 2, max: 2 }, success: true, completion: true })
    const oldIds = new Set(before.map((s) => s.id))
    expect(after.every((s) => !oldIds.has(s.id))).toBe(true)
    expect(() => reissue(ids, before, [before[0]!], T0)).toThrow(/reuses the id/)
  })
})

describe('the validator can fail', () => {
  it.each([
    ['no actor', (s: Record<string, unknown>) => delete s.actor, 'actor'],
    ['a verb that is not an IRI', (s: Record<string, unknown>) => (s.verb = { id: 'answered' }), 'verb'],
    ['a raw score above max', (s: Record<string, unknown>) => ((s.result as { score: { raw: number } }).score.raw = 5), 'result'],
    ['a registration that is not a UUID', (s: Record<string, unknown>) => ((s.context as { registration: string }).registration = 'attempt-1'), 'registration'],
  ])('rejects a statement with %s', (_, breakIt, where) => {
    const { attempt, grade } = graded()
    const s = structuredClone(submittedAttemptStatements(env(), attempt, SOURCE, grade)[0]!) as unknown as Record<string, unknown>
    breakIt(s)
    const problems = xapiProblems(s)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.join('\n')).toContain(where)
  })
})
