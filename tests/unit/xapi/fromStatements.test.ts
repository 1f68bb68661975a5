/**
 * fromStatements: the statements Debrief's own builders make for an attempt, read back into the
 * app's records — the same grade as the attempt itself — and each way an LRS's answer can differ
 * from that (a flag or a note, never a throw).
 */
import { describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { Blueprint, VersionedItem } from '../../../src/domain/types.ts'
import { fromStatements, type LrsCourse } from '../../../src/domain/xapi/fromStatements.ts'
import { VERBS } from '../../../src/domain/xapi/iris.ts'
import { lessonCompleted, submittedAttemptStatements, initialized, voiding, type XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { ATTEMPT_ID, ITEMS, SETTINGS, SOURCE, T0, env, submittedAttempt } from './xapiFixtures.ts'

const FINAL: Blueprint = { id: 'final', title: 'Final check', kind: 'final', draws: [{ count: ITEMS.length }], passMark: 0.5, gradingMethod: 'highest', shuffleOptions: false, review: {} as Blueprint['review'] }

function course(items: readonly VersionedItem[] = ITEMS): LrsCourse {
  return { id: 'river-brief', blueprints: [FINAL], items: new Map(items.map((i) => [i.version, i])) }
}

type Json = XapiStatement & { stored?: string }

/** The attempt's statements as the learner's device sends them, with `stored` as an LRS adds it. */
function sent(sendFreeText = true): Json[] {
  const { attempt, responses } = submittedAttempt()
  const e = env({ sendFreeText })
  const grade = gradeAttempt(attempt, responses, [], { passMark: 0.5 })
  return [initialized(e, attempt, SOURCE), ...submittedAttemptStatements(e, attempt, SOURCE, grade)].map((s, i) => ({ ...s, stored: new Date(T0 + 200_000 + i).toISOString() }))
}

function view(statements: readonly unknown[], items?: readonly VersionedItem[]) {
  return fromStatements({ statements, settings: SETTINGS, course: course(items) })
}

const codes = (statements: readonly unknown[], items?: readonly VersionedItem[]) => view(statements, items).attempts.flatMap((a) => a.flags.map((f) => `${f.code}${f.itemId !== undefined ? ` ${f.itemId}` : ''}`))
const answeredOf = (list: Json[], itemId: string) => list.find((s) => s.verb.id === VERBS.answered && s.object.id.endsWith(`/items/${itemId}`))!

describe('fromStatements', () => {
  it('rebuilds the attempt the statements came from, with the same grade and no flag', () => {
    const { attempt, responses } = submittedAttempt()
    const { attempts, notes } = view(sent())
    expect(notes).toEqual([])
    expect(attempts).toHaveLength(1)
    const [back] = attempts
    expect(back!.flags).toEqual([])
    expect(back!.learner).toEqual({ id: 'ana-01', name: 'ana-01' })
    expect(back!.entry.attempt).toMatchObject({ id: ATTEMPT_ID, learnerId: 'ana-01', sourceId: 'final', startedAt: attempt.startedAt, submittedAt: attempt.submittedAt, deadline: null, mode: 'assessment' })
    expect(back!.entry.attempt.slots.map((s) => s.version).sort()).toEqual(attempt.slots.map((s) => s.version).sort())
    expect(back!.entry.responses.map((r) => [r.itemId, r.savedAt])).toEqual(responses.map((r) => [r.itemId, r.savedAt]))
    const before = gradeAttempt(attempt, responses, [], { passMark: 0.5 })
    const after = gradeAttempt(back!.entry.attempt, back!.entry.responses, back!.grades, { passMark: 0.5 })
    expect([after.score, after.max, after.pending, after.passed]).toEqual([before.score, before.max, before.pending, before.passed])
    expect(back!.entry.assessment).toEqual({ id: 'final', title: 'Final check', passMark: 0.5, gradingMethod: 'highest', negativeMarking: false })
  })

  it('sets the deadline from the course\'s time limit and the learner\'s extra time here', () => {
    const timed = { ...course(), blueprints: [{ ...FINAL, timeLimit: 30 }] }
    const plain = fromStatements({ statements: sent(), settings: SETTINGS, course: timed })
    expect(plain.attempts[0]!.entry.attempt.deadline).toBe(T0 + 30 * 60_000)
    const extra = fromStatements({ statements: sent(), settings: SETTINGS, course: timed, allowances: new Map([['ana-01', { extraMinutes: 15 }]]) })
    expect(extra.attempts[0]!.entry.attempt.deadline).toBe(T0 + 45 * 60_000)
    expect(extra.attempts[0]!.entry.attempt.submitReason).toBe('learner')
    const short = fromStatements({ statements: sent(), settings: SETTINGS, course: { ...course(), blueprints: [{ ...FINAL, timeLimit: 1 }] } })
    // Ended 95.5 s after the start, past a one-minute limit: the deadline ended it (and the check will say it was late).
    expect(short.attempts[0]!.entry.attempt.submitReason).toBe('deadline')
  })

  it('flags an item whose LRS score differs from grading its answer here', () => {
    const list = sent()
    answeredOf(list, 'q-single').result!.score = { scaled: 0, raw: 0, min: 0, max: 1 }
    expect(codes(list)).toEqual(['lrs-score-mismatch q-single'])
    expect(view(list).attempts[0]!.flags[0]!.message).toBe('q-single: the LRS says 0 of 1 points, grading the answer here gives 1 of 1.')
  })

  it('flags an item version this device\'s course lacks, and leaves its slot out', () => {
    const { attempts } = view(sent(), ITEMS.filter((i) => i.id !== 'q-tf'))
    expect(attempts[0]!.flags.map((f) => f.code)).toEqual(['lrs-unknown-version'])
    expect(attempts[0]!.flags[0]!.message).toMatch(/^q-tf at version v-tf is not in this device's copy of the course/u)
    expect(attempts[0]!.entry.attempt.slots.map((s) => s.itemId)).not.toContain('q-tf')
  })

  it('flags a registration without "completed" and ends it at "terminated"', () => {
    const list = sent().filter((s) => s.verb.id !== VERBS.completed)
    expect(codes(list)).toEqual(['lrs-not-completed'])
    expect(view(list).attempts[0]!.entry.attempt.submittedAt).toBe(T0 + 95_500)
  })

  it('takes the latest stored of two answers to one slot, with a flag', () => {
    const list = sent()
    const first = answeredOf(list, 'q-tf')
    const again: Json = { ...first, id: '00000000-0000-4000-8000-00000000ffff', result: { ...first.result!, response: 'true', score: { scaled: 0, raw: 0, min: 0, max: 1 }, success: false }, stored: new Date(T0 + 900_000).toISOString() }
    const { attempts } = view([...list, again])
    expect(attempts[0]!.flags.map((f) => `${f.code} ${f.itemId}`)).toEqual(['lrs-duplicate-answer q-tf'])
    expect(attempts[0]!.entry.responses.find((r) => r.itemId === 'q-tf')!.answer).toEqual({ type: 'truefalse', value: true })
  })

  it('drops a voided statement still in the list: a regrade\'s replacement is the one answer', () => {
    const list = sent()
    const old = answeredOf(list, 'q-tf')
    const replacement: Json = { ...old, id: '00000000-0000-4000-8000-00000000eeee', stored: new Date(T0 + 900_000).toISOString() }
    expect(codes([...list, voiding(env(), old.id, T0 + 900_000), replacement])).toEqual([])
  })

  it('flags a free-text answer not sent (sendFreeText off), and reads an instructor\'s grade of it', () => {
    const list = sent(false)
    expect(codes(list)).toEqual(['lrs-free-text-missing q-free'])
    const graded = answeredOf(list, 'q-free')
    graded.result = { ...graded.result!, completion: true, success: true, score: { scaled: 0.5, raw: 1, min: 0, max: 2 } }
    const { attempts } = view(list)
    expect(attempts[0]!.flags).toEqual([])
    expect(attempts[0]!.grades).toEqual([{ attemptId: ATTEMPT_ID, itemId: 'q-free', criteria: {}, score: 1, comment: '', gradedAt: graded.timestamp ? Date.parse(graded.timestamp) : 0 }])
  })

  it('flags a response that cannot be read as the item\'s type, counted as unanswered', () => {
    const list = sent()
    answeredOf(list, 'q-tf').result!.response = 'yes'
    const { attempts } = view(list)
    expect(attempts[0]!.flags.map((f) => f.code)).toEqual(['lrs-unreadable-response', 'lrs-score-mismatch'])
    expect(attempts[0]!.entry.responses.some((r) => r.itemId === 'q-tf')).toBe(false)
  })

  it('leaves out, and counts, what is not the course\'s assessment statements', () => {
    const list = sent()
    const other = { ...list[1]!, id: 'x1', actor: { objectType: 'Agent', account: { homePage: 'https://elsewhere.example.org', name: 'ana-01' } } }
    const practice = { ...list[1]!, id: 'x2', context: { ...list[1]!.context, extensions: { [`${SETTINGS.activityBase}/extensions/mode`]: 'practice', [`${SETTINGS.activityBase}/extensions/item-version`]: 'v-single' } } }
    const lesson = lessonCompleted(env(), { courseId: 'river-brief', courseTitle: 'R', lessonId: 'l1', lessonTitle: 'L' }, T0)
    const otherCourse = { ...list[1]!, id: 'x3', object: { objectType: 'Activity', id: 'https://lms.example.org/debrief/courses/other/items/q-single' }, context: { ...list[1]!.context, contextActivities: {} } }
    const { attempts, notes } = view([...list, other, practice, lesson, otherCourse, 'not a statement', null, { verb: {}, object: {} }])
    expect(attempts).toHaveLength(1)
    expect(attempts[0]!.flags).toEqual([])
    expect(notes).toEqual([
      '1 statement(s) left out: for learners of another account system (homePage).',
      '1 statement(s) left out: from practice, not an assessment.',
      '2 statement(s) left out: not about this course\'s assessments.',
      '3 statement(s) left out: not in the form Debrief writes.',
    ])
  })

  it('leaves out, with a note, an attempt with no answers yet (a sealed attempt sends initialized and terminated only)', () => {
    const list = sent().filter((s) => s.verb.id === VERBS.initialized || s.verb.id === VERBS.terminated)
    expect(view(list)).toEqual({ attempts: [], notes: ['1 attempt(s) have no answers in the LRS yet (a sealed assessment\'s answers are sent once the instructor grades them): left out.'] })
  })

  it('takes the learner\'s name when the device sent it', () => {
    const list = sent().map((s) => ({ ...s, actor: { ...s.actor, name: 'Ana Lima' } }))
    expect(view(list).attempts[0]!.learner).toEqual({ id: 'ana-01', name: 'Ana Lima' })
  })
})
