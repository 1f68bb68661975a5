import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { formatProblem } from '../../../src/content/source.ts'
import { copyFixture } from './fixtureCourse.ts'

const FILE = 'questions/river-brief/blueprints.yaml'
const AUTHORED = 'fullReviewWhen: { passed: true, attempts: 3 }'

function messagesWith(fullReviewWhen: string): string[] {
  const fixture = copyFixture()
  fixture.edit(FILE, AUTHORED, fullReviewWhen)
  const result = loadContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root })
  return result.problems.map(formatProblem)
}

describe('a blueprint’s fullReviewWhen', () => {
  it('loads as authored', () => {
    const fixture = copyFixture()
    const result = loadContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root })
    expect(result.problems).toEqual([])
    expect(result.courses[0]!.blueprints[0]!.review.fullReviewWhen).toEqual({ passed: true, attempts: 3 })
    expect(result.courses[0]!.blueprints[1]!.review.fullReviewWhen).toBeUndefined()
  })

  it.each([
    ['passed alone', 'fullReviewWhen: { passed: true }'],
    ['attempts alone', 'fullReviewWhen: { attempts: 2 }'],
  ])('accepts %s', (_label, written) => {
    expect(messagesWith(written)).toEqual([])
  })

  it.each([
    ['no condition', 'fullReviewWhen: {}', 'fullReviewWhen needs passed: true, attempts: N, or both'],
    ['attempts of 0', 'fullReviewWhen: { attempts: 0 }', 'fullReviewWhen.attempts must be at least 1'],
    ['fractional attempts', 'fullReviewWhen: { attempts: 2.5 }', 'fullReviewWhen.attempts must be a whole number'],
    ['attempts as text', 'fullReviewWhen: { attempts: three }', 'fullReviewWhen.attempts must be a number'],
    ['passed: false', 'fullReviewWhen: { passed: false, attempts: 3 }', 'fullReviewWhen.passed can only be true'],
    ['a misspelled key', 'fullReviewWhen: { pass: true }', 'is not a known field'],
    ['a bare number', 'fullReviewWhen: 3', 'fullReviewWhen must be a mapping such as { passed: true, attempts: 3 }'],
  ])('refuses %s, naming the file, line and field', (_label, written, message) => {
    const messages = messagesWith(written)
    expect(messages.some((m) => m.startsWith(`${FILE}:13: blueprints[0].review.fullReviewWhen`) && m.includes(message)), messages.join('\n')).toBe(true)
  })
})
