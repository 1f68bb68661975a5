import { describe, expect, it } from 'vitest'
import type { AssessmentStanding, LessonProgress } from '../../../src/domain/courseProgress.ts'
import { nextStep, type NextStepInput } from '../../../src/domain/nextStep.ts'
import { attempt, blueprint, lesson, mastery, T } from './courseFixtures.ts'

const lessons = [lesson('l1', ['o1', 'o2']), lesson('l2', ['o3']), lesson('l3', ['o4'], 0)]
const final = blueprint('final', 'final', { maxAttempts: 2 })
const course = { lessons, blueprints: [blueprint('quiz', 'quiz'), final] }
const read = (state: LessonProgress['state']) => ({ state })
const allRead = { l1: read('done'), l2: read('done'), l3: read('done') }
const allMastered = ['o1', 'o2', 'o3', 'o4'].map((o) => mastery(o, 0.9, 5, 'mastered'))
const standing = (used: number, countingGrade: number | null): AssessmentStanding => ({ used, countingGrade })

const input = (extra: Partial<NextStepInput>): NextStepInput => ({ course, progress: {}, openAssessment: undefined, mastery: [], standings: {}, now: T, ...extra })

describe('nextStep', () => {
  it.each([
    ['an open timed assessment comes first, with minutes left rounded up', input({ progress: {}, openAssessment: attempt('open', { submittedAt: null, deadline: T + 90_000 }) }), { kind: 'resume', minutesLeft: 2, title: 'Assessment final' }],
    ['an open untimed assessment has no minutes', input({ openAssessment: attempt('open', { submittedAt: null, sourceId: 'gone' }) }), { kind: 'resume', minutesLeft: null, title: 'your assessment' }],
    ['a past deadline shows 0 minutes', input({ openAssessment: attempt('open', { submittedAt: null, deadline: T - 1 }) }), { kind: 'resume', minutesLeft: 0 }],
    ['a new learner starts the first lesson', input({}), { kind: 'lesson', inProgress: false, anyStarted: false }],
    ['a lesson being read is continued', input({ progress: { l1: read('in-progress') } }), { kind: 'lesson', inProgress: true, anyStarted: true }],
    ['the first unread lesson is next', input({ progress: { l1: read('done') } }), { kind: 'lesson', inProgress: false, anyStarted: true }],
    ['the weakest practisable objective is practised', input({ progress: allRead, mastery: [mastery('o1', 0.6, 3, 'practised'), mastery('o3', 0.2, 2, 'learning'), mastery('o4', 0, 0, 'not-started')] }), { kind: 'practise' }],
    ['the final once everything is mastered', input({ progress: allRead, mastery: allMastered }), { kind: 'final' }],
    ['the final again while attempts remain', input({ progress: allRead, mastery: allMastered, standings: { final: standing(1, 50) } }), { kind: 'final' }],
    ['done, not passed, with no attempts left', input({ progress: allRead, mastery: allMastered, standings: { final: standing(2, 50) } }), { kind: 'done', passed: false }],
    ['done and passed at the pass mark', input({ progress: allRead, mastery: allMastered, standings: { final: standing(1, 70) } }), { kind: 'done', passed: true }],
    ['done without a final', input({ course: { lessons, blueprints: [] }, progress: allRead, mastery: allMastered }), { kind: 'done', passed: false }],
  ])('%s', (_label, given, expected) => {
    expect(nextStep(given)).toMatchObject(expected)
  })

  it.each([
    ['the lesson of the weakest objective', [mastery('o1', 0.6, 3, 'practised'), mastery('o3', 0.2, 2, 'learning')], 'l2', 'o3'],
    ['skips objectives of lessons without questions', [mastery('o4', 0, 0, 'not-started'), mastery('o2', 0.4, 1, 'learning')], 'l1', 'o2'],
  ])('practises %s', (_label, given, lessonId, objectiveId) => {
    const step = nextStep(input({ progress: allRead, mastery: given }))
    expect(step.kind === 'practise' ? [step.lesson.id, step.objective.id] : step.kind).toEqual([lessonId, objectiveId])
  })
})
