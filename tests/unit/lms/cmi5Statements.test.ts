import { describe, expect, it } from 'vitest'
import type { Cmi5Launch } from '../../../src/domain/lms/cmi5Launch.ts'
import { SESSION_ID_EXTENSION, type LaunchData } from '../../../src/domain/lms/cmi5LaunchData.ts'
import { EMPTY_HISTORY, record, type Cmi5History } from '../../../src/domain/lms/cmi5Rules.ts'
import {
  CMI5_CATEGORY,
  MASTERY_SCORE_EXTENSION,
  MOVEON_CATEGORY,
  attemptExtension,
  attemptPlan,
  cmi5Completed,
  cmi5Initialized,
  cmi5Judged,
  cmi5Score,
  cmi5Terminated,
  judge,
  type Cmi5Env,
  type Cmi5Statement,
} from '../../../src/domain/lms/cmi5Statements.ts'
import { ATTEMPT_ID, ITEMS, SETTINGS, SOURCE, T0, counterIds, expectValid, graded, xapiProblems } from '../xapi/xapiFixtures.ts'

const ACTIVITY = 'https://lms.example.org/au/42'
const PUBLISHER = { objectType: 'Activity' as const, id: 'https://debrief.example.org/au/quiz-l1' }
const LAUNCH: Cmi5Launch = {
  endpoint: 'https://lms.example.org/lrs',
  fetch: 'https://lms.example.org/fetch?k=1',
  actor: { objectType: 'Agent', name: 'Ana Silva', account: { homePage: 'https://lms.example.org', name: 'ana-01' } },
  registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
  activityId: ACTIVITY,
}
const LMS_EXTENSION = 'https://lms.example.org/extensions/cohort'
const TEMPLATE = { contextActivities: { grouping: [PUBLISHER] }, extensions: { [SESSION_ID_EXTENSION]: 'session-7', [LMS_EXTENSION]: 'spring' } }

function launchData(over: Partial<LaunchData> = {}): LaunchData {
  return { contextTemplate: structuredClone(TEMPLATE), sessionId: 'session-7', launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.6, ...over }
}

function env(over: Partial<LaunchData> = {}): Cmi5Env {
  return { launch: LAUNCH, launchData: launchData(over), settings: SETTINGS, newId: counterIds() }
}

function categories(s: Cmi5Statement): string[] {
  return (s.context.contextActivities.category ?? []).map((a) => a.id)
}

function verb(s: Cmi5Statement): string {
  return s.verb.id.split('/').pop()!
}

const started: Cmi5History = record(EMPTY_HISTORY, 'initialized')

describe('cmi5 defined statements', () => {
  const e = env()
  const all = [cmi5Initialized(e, T0), cmi5Completed(e, T0 + 5_000, 4_000), cmi5Judged(e, 'passed', T0 + 5_000, cmi5Score(5, 7), 4_000), cmi5Judged(e, 'failed', T0 + 5_000, cmi5Score(2, 7), 4_000), cmi5Terminated(e, T0 + 9_000, 9_000)]

  it.each(all.map((s) => [verb(s), s] as const))('%s is valid xAPI (Learning Locker\'s validator)', (_, s) => {
    expectValid(s)
  })

  it.each(all.map((s) => [verb(s), s] as const))('%s is about the launch activityId, by the launch actor, in its registration, with the whole context template', (_, s) => {
    expect(s.object).toEqual({ objectType: 'Activity', id: ACTIVITY })
    expect(s.actor).toEqual(LAUNCH.actor)
    expect(s.context.registration).toBe(LAUNCH.registration)
    expect(s.context.contextActivities.grouping).toEqual([PUBLISHER])
    expect(s.context.extensions).toMatchObject(TEMPLATE.extensions)
    expect(categories(s)[0]).toBe(CMI5_CATEGORY)
  })

  it('puts the moveon category on passed, failed and completed only (they carry success or completion)', () => {
    expect(all.map((s) => [verb(s), categories(s).includes(MOVEON_CATEGORY)])).toEqual([['initialized', false], ['completed', true], ['passed', true], ['failed', true], ['terminated', false]])
  })

  it('gives passed and failed a score, success, duration and the masteryscore; completed no score and no success', () => {
    const [, completed, passed, failed, terminated] = all
    expect(passed!.result).toEqual({ score: { scaled: 0.714285714, raw: 5, min: 0, max: 7 }, success: true, duration: 'PT4S' })
    expect(failed!.result).toEqual({ score: { scaled: 0.285714286, raw: 2, min: 0, max: 7 }, success: false, duration: 'PT4S' })
    expect(passed!.context.extensions[MASTERY_SCORE_EXTENSION]).toBe(0.6)
    expect(completed!.result).toEqual({ completion: true, duration: 'PT4S' })
    expect(completed!.context.extensions[MASTERY_SCORE_EXTENSION]).toBeUndefined()
    expect(terminated!.result).toEqual({ duration: 'PT9S' })
  })

  it('sends no masteryscore when the LMS gave no masteryScore', () => {
    expect(cmi5Judged(env({ masteryScore: undefined }), 'passed', T0, cmi5Score(5, 7), 1).context.extensions).not.toHaveProperty(MASTERY_SCORE_EXTENSION)
  })

  it('never overwrites the template: its extensions win, its lists come first', () => {
    const template = { registration: LAUNCH.registration, contextActivities: { grouping: [PUBLISHER], category: [{ objectType: 'Activity' as const, id: 'https://lms.example.org/cat' }] }, extensions: { [SESSION_ID_EXTENSION]: 's', [MASTERY_SCORE_EXTENSION]: 0.8 } }
    const s = cmi5Judged(env({ contextTemplate: template }), 'passed', T0, cmi5Score(1, 1), 1)
    expect(s.context.extensions[MASTERY_SCORE_EXTENSION]).toBe(0.8)
    expect(categories(s)).toEqual(['https://lms.example.org/cat', CMI5_CATEGORY, MOVEON_CATEGORY])
    expect(template.contextActivities.category).toHaveLength(1)
  })

  it('the validator does catch a broken statement (so the checks above can fail)', () => {
    const s = cmi5Initialized(env(), T0)
    expect(xapiProblems({ ...s, context: { ...s.context, registration: 'not-a-uuid' } })).not.toEqual([])
  })
})

describe('cmi5Score and judge', () => {
  it.each([
    [5, 7, { scaled: 0.714285714, raw: 5, min: 0, max: 7 }],
    [0, 7, { scaled: 0, raw: 0, min: 0, max: 7 }],
    [4.5, 7, { scaled: 0.642857143, raw: 64, min: 0, max: 100 }],
    [2, 2.5, { scaled: 0.8, raw: 80, min: 0, max: 100 }],
    [9, 7, { scaled: 1, raw: 7, min: 0, max: 7 }],
  ])('%d of %d → %j (raw, min, max integers)', (score, max, expected) => {
    expect(cmi5Score(score, max)).toEqual(expected)
  })

  const closed = graded(ITEMS.filter((i) => i.type !== 'freetext')).grade
  const grade = (passed: boolean | null) => ({ ...closed, passed })
  it.each([
    ['masteryScore decides: 0.714 ≥ 0.6', grade(false), 0.6, true],
    ['masteryScore decides: 0.714 < 0.8', grade(true), 0.8, false],
    ['masteryScore equal to the score passes', grade(false), 0.714285714, true],
    ['no masteryScore: the blueprint decides', grade(false), undefined, false],
    ['no masteryScore and no pass decision', grade(null), undefined, null],
  ])('%s', (_, g, mastery, expected) => {
    expect(judge(g, cmi5Score(5, 7), mastery)).toBe(expected)
  })

  describe('with an item waiting for an instructor (counted 0 until graded)', () => {
    const waiting = graded().grade
    const free = waiting.perItem.find((r) => r.pending)!.grade.max
    const lower = cmi5Score(waiting.score, waiting.max).scaled
    const upper = (waiting.score + free) / waiting.max
    it.each([
      ['passed when the rest already reaches the mark', lower, true],
      ['failed when full marks on it would not reach the mark', upper + 0.01, false],
      ['undecided in between', (lower + upper) / 2, null],
    ])('%s', (_, mastery, expected) => {
      expect(waiting.pending).toBe(1)
      expect(judge(waiting, cmi5Score(waiting.score, waiting.max), mastery)).toBe(expected)
    })
  })
})

describe('attemptPlan (a submitted attempt)', () => {
  const { attempt, grade } = graded(ITEMS, 0.5)
  // Without the free-text item nothing waits for an instructor, so there is a pass decision.
  const closed = ITEMS.filter((i) => i.type !== 'freetext')
  const decided = graded(closed, 0.5)
  const at = T0 + 100_000

  it('sends no passed or failed while an item waiting for an instructor could still decide it', () => {
    const undecided = graded(ITEMS, 0.99).grade
    expect(undecided.passed).toBeNull()
    expect(attemptPlan(env({ masteryScore: undefined }), attempt, SOURCE, undecided, started, at).statements.map(verb)).toEqual([...ITEMS.map(() => 'answered'), 'completed'])
  })

  it('sends one allowed answered per item, then completed and passed or failed, all valid', () => {
    const plan = attemptPlan(env({ masteryScore: 0.1 }), decided.attempt, SOURCE, decided.grade, started, at)
    expect(plan.statements.map(verb)).toEqual([...closed.map(() => 'answered'), 'completed', 'passed'])
    for (const s of plan.statements) expectValid(s)
    expect(plan.history.registration).toEqual({ passed: true, completed: true })
    expect(plan.statements.map((s) => s.timestamp)).toEqual(plan.statements.map((_, i) => new Date(at + i).toISOString()))
  })

  it('gives the answered statements the template, the AU as parent, the attempt id, and no cmi5 category', () => {
    const [first] = attemptPlan(env(), attempt, SOURCE, grade, started, at).statements
    expect(first!.object.id).toBe(`${SETTINGS.activityBase}/courses/river-brief/items/q-single`)
    expect(first!.actor).toEqual(LAUNCH.actor)
    expect(first!.context.registration).toBe(LAUNCH.registration)
    expect(first!.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: ACTIVITY }])
    expect(first!.context.contextActivities.grouping?.[0]).toEqual(PUBLISHER)
    expect(first!.context.extensions).toMatchObject({ ...TEMPLATE.extensions, [attemptExtension(SETTINGS)]: ATTEMPT_ID })
    expect(first!.context.contextActivities.category).toBeUndefined()
  })

  it('after an earlier pass, a failed attempt sends its answers and nothing defined', () => {
    const history: Cmi5History = { session: ['initialized'], registration: { passed: true, completed: true } }
    const plan = attemptPlan(env({ masteryScore: 0.99 }), decided.attempt, SOURCE, decided.grade, history, at)
    expect(plan.statements.map(verb)).toEqual(closed.map(() => 'answered'))
  })

  it.each(['Browse', 'Review'] as const)('a %s launch sends nothing for an attempt', (launchMode) => {
    expect(attemptPlan(env({ launchMode }), attempt, SOURCE, grade, started, at).statements).toEqual([])
  })

  it('an attempt not gradable here (sealed) sends completed only', () => {
    const plan = attemptPlan(env(), attempt, SOURCE, null, started, at)
    expect(plan.statements.map(verb)).toEqual(['completed'])
    expect(plan.statements[0]!.result).toEqual({ completion: true, duration: 'PT1M35.5S' })
  })
})
