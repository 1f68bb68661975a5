import { describe, expect, it } from 'vitest'
import { assessmentStandings, finalStanding, progressSummary, timeSpent, type AssessmentStanding, type LessonProgress } from '../../../src/domain/courseProgress.ts'
import { attempt, blueprint, T } from './courseFixtures.ts'

const quiz = blueprint('quiz', 'quiz')
const final = blueprint('final', 'final', { maxAttempts: 2 })
const read = (state: LessonProgress['state'], secondsSpent = 0): LessonProgress => ({ state, secondsSpent })
const standing = (used: number, countingGrade: number | null): AssessmentStanding => ({ used, countingGrade })

describe('assessmentStandings', () => {
  it('gives each blueprint its attempts used and counting grade', () => {
    const used: Record<string, number> = { quiz: 3, final: 1 }
    const grades: Record<string, number | null> = { quiz: 40, final: null }
    expect(assessmentStandings([quiz, final], (id) => used[id] ?? 0, (id) => grades[id] ?? null)).toEqual({
      quiz: standing(3, 40),
      final: standing(1, null),
    })
  })
})

describe('finalStanding', () => {
  it.each([
    ['no final in the course', [quiz], {}, undefined],
    ['no attempt yet', [quiz, final], {}, false],
    ['no graded attempt yet', [final], { final: standing(1, null) }, false],
    ['below the pass mark', [final], { final: standing(1, 69.9) }, false],
    ['at the pass mark, within float noise', [final], { final: standing(2, 69.99999999999999) }, true],
    ['above the pass mark', [final], { final: standing(1, 100) }, true],
  ])('%s', (_label, blueprints, standings, expected) => {
    expect(finalStanding(blueprints, standings)?.passed).toBe(expected)
  })
})

describe('timeSpent', () => {
  it.each([
    ['nothing yet', {}, [], 0],
    ['reading only', { l1: read('done', 600), l2: read('in-progress', 30) }, [], 630],
    ['a submitted assessment adds its length', { l1: read('done', 3_600) }, [attempt('a1', { submittedAt: T + 5 * 60_000 })], 3_900],
    ['an open assessment adds nothing', {}, [attempt('a1', { submittedAt: null })], 0],
    ['practice adds nothing', {}, [attempt('p1', { mode: 'practice', submittedAt: T + 60_000 })], 0],
    ['a clock that went back adds nothing', {}, [attempt('a1', { submittedAt: T - 60_000 })], 0],
  ])('%s', (_label, progress, attempts, seconds) => {
    expect(timeSpent(progress, attempts)).toBe(seconds)
  })
})

describe('progressSummary', () => {
  const base = { lessonIds: ['l1', 'l2'], blueprints: [quiz, final], progress: {}, attempts: [], standings: {} }

  it.each([
    ['a new learner', {}, false, 0, undefined],
    ['reading time alone starts the course', { progress: { l1: read('not-started', 20) } }, true, 0, undefined],
    ['an attempt alone starts the course', { attempts: [attempt('a1')] }, true, 0, undefined],
    ['lessons done are counted', { progress: { l1: read('done', 60), l2: read('in-progress', 10) } }, true, 1, undefined],
    ['a quiz passed is not the final', { attempts: [attempt('q1', { sourceId: 'quiz' })], standings: { quiz: standing(1, 100) } }, true, 0, undefined],
    ['the final passed', { attempts: [attempt('f1')], standings: { final: standing(1, 85) } }, true, 0, { title: 'Assessment final', grade: 85 }],
    ['the final not passed', { attempts: [attempt('f1')], standings: { final: standing(1, 50) } }, true, 0, undefined],
  ])('%s', (_label, extra, started, lessonsDone, passedFinal) => {
    const summary = progressSummary({ ...base, ...extra })
    expect(summary).toMatchObject({ started, lessonsDone, lessonCount: 2 })
    expect(summary.passedFinal).toEqual(passedFinal)
  })
})
