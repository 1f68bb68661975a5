/** Items of every type, a graded attempt over them, and the validator, for the xAPI tests. */
import xapiValidation from '@learninglocker/xapi-validation'
import { expect } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { StatementEnv } from '../../../src/domain/xapi/statementTypes.ts'
import type { XapiSettings } from '../../../src/domain/xapi/iris.ts'
import type { Answer, Attempt, SavedResponse, VersionedItem } from '../../../src/domain/types.ts'

type Validate = (data: unknown) => { path: string[]; message: string }[]
const loaded = xapiValidation as unknown as Validate | { default: Validate }
const validate: Validate = typeof loaded === 'function' ? loaded : loaded.default

/** The validator's warnings, as `path: message` lines (empty when the statement is valid). */
export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.message}`)
}

export function expectValid(statement: unknown): void {
  expect(xapiProblems(statement)).toEqual([])
}

export const SETTINGS: XapiSettings = { activityBase: 'https://lms.example.org/debrief', homePage: 'https://lms.example.org/learners', sendDisplayName: false, sendFreeText: false }

/** Ids that look like device UUIDs, counted so tests are deterministic. */
export function counterIds(): () => string {
  let n = 0
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
}

export function env(settings: Partial<XapiSettings> = {}, displayName?: string): StatementEnv {
  return { settings: { ...SETTINGS, ...settings }, learner: { id: 'ana-01', ...(displayName !== undefined ? { displayName } : {}) }, newId: counterIds() }
}

const base = { explanation: 'Because.', passages: ['p1'], objective: 'o1', difficulty: 1 as const, bloom: 'remember' as const, lesson: 'l1' }

export const ITEMS: VersionedItem[] = [
  { ...base, id: 'q-single', version: 'v-single', type: 'single', stem: 'Pick one.', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'a' },
  { ...base, id: 'q-multi', version: 'v-multi', type: 'multiple', stem: 'Pick all.', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }], answers: ['a', 'c'] },
  { ...base, id: 'q-tf', version: 'v-tf', type: 'truefalse', stem: 'True?', answer: false, wrongFeedback: 'No.' },
  { ...base, id: 'q-match', version: 'v-match', type: 'matching', stem: 'Match.', pairs: [{ id: 'm1', prompt: 'One', match: '1' }, { id: 'm2', prompt: 'Two', match: '2' }], distractors: [{ id: 'd1', text: '3' }] },
  { ...base, id: 'q-order', version: 'v-order', type: 'ordering', stem: 'Order.', steps: [{ id: 's1', text: 'First' }, { id: 's2', text: 'Second' }, { id: 's3', text: 'Third' }] },
  { ...base, id: 'q-cat', version: 'v-cat', type: 'categorize', stem: 'Sort.', categories: [{ id: 'wet', label: 'Wet' }, { id: 'dry', label: 'Dry' }], statements: [{ id: 'st1', text: 'Rain', category: 'wet' }, { id: 'st2', text: 'Sand', category: 'dry' }] },
  { ...base, id: 'q-cloze', version: 'v-cloze', type: 'cloze', stem: 'Fill.', text: 'The {{b1}} rose by {{b2}}.', blanks: [{ id: 'b1', accept: ['river', 'Thames'] }, { id: 'b2', accept: ['two metres'] }] },
  { ...base, id: 'q-short', version: 'v-short', type: 'short', stem: 'Name it.', accept: ['levee', 'dyke'], caseSensitive: true, wrongFeedback: 'No.' },
  { ...base, id: 'q-num', version: 'v-num', type: 'numeric', stem: 'How many?', answer: 12, tolerance: { absolute: 1 }, units: ['months'], wrongFeedback: 'No.' },
  { ...base, id: 'q-free', version: 'v-free', type: 'freetext', stem: 'Explain.', rubric: [{ id: 'r1', text: 'Cause', points: 2, concepts: [['rain']] }], modelAnswer: 'Rain.' },
]

export const ANSWERS: Record<string, Answer> = {
  'q-single': { type: 'single', optionId: 'a' },
  'q-multi': { type: 'multiple', optionIds: ['a', 'b'] },
  'q-tf': { type: 'truefalse', value: false },
  'q-match': { type: 'matching', matches: { m2: 'm2', m1: 'd1' } },
  'q-order': { type: 'ordering', order: ['s1', 's3', 's2'] },
  'q-cat': { type: 'categorize', assignments: { st1: 'wet', st2: 'dry' } },
  'q-cloze': { type: 'cloze', blanks: { b1: 'river', b2: 'three metres' } },
  'q-short': { type: 'short', text: 'levee' },
  'q-num': { type: 'numeric', text: '12.5 months' },
  'q-free': { type: 'freetext', text: 'Heavy rain upstream.' },
}

export const T0 = Date.UTC(2027, 0, 15, 8, 0, 0)
export const ATTEMPT_ID = '9f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b'

/** A submitted assessment attempt over `items`, answered with ANSWERS, 95.5 s long. */
export function submittedAttempt(items: readonly VersionedItem[] = ITEMS, answers: Record<string, Answer> = ANSWERS): { attempt: Attempt; responses: SavedResponse[] } {
  const attempt: Attempt = {
    id: ATTEMPT_ID,
    courseId: 'river-brief',
    learnerId: 'ana-01',
    mode: 'assessment',
    sourceId: 'final',
    seed: 7,
    startedAt: T0,
    deadline: null,
    submittedAt: T0 + 95_500,
    submitReason: 'learner',
    slots: items.map((i) => ({ itemId: i.id, version: i.version })),
    snapshots: Object.fromEntries(items.map((i) => [i.version, i])),
  }
  const responses: SavedResponse[] = items.flatMap((i, n) => {
    const answer = answers[i.id]
    return answer === undefined ? [] : [{ attemptId: attempt.id, itemId: i.id, answer, flagged: false, savedAt: T0 + 1_000 * (n + 1), seq: 1 }]
  })
  return { attempt, responses }
}

export function graded(items: readonly VersionedItem[] = ITEMS, passMark = 0.5) {
  const { attempt, responses } = submittedAttempt(items)
  return { attempt, responses, grade: gradeAttempt(attempt, responses, [], { passMark }) }
}

export const SOURCE = { courseTitle: 'The river brief', sourceTitle: 'Final check' }
