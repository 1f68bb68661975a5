import { describe, expect, it } from 'vitest'
import { computeMastery, masteryLevel, type MasteryEvidence } from '../../../src/domain/mastery.ts'

const NOW = 1_700_000_000_000
const HOUR = 3_600_000
const ev = (score: number, hoursAgo: number, source: MasteryEvidence['source'] = 'practice', extra: Partial<MasteryEvidence> = {}): MasteryEvidence =>
  ({ objective: 'o1', score, max: 1, at: NOW - hoursAgo * HOUR, source, ...extra })
const masteryOf = (evidence: MasteryEvidence[]) => computeMastery(evidence, NOW)[0]?.mastery ?? Number.NaN

describe('computeMastery', () => {
  it('starts at zero, not started, for a listed objective without evidence', () => {
    expect(computeMastery([], NOW, ['o1'])).toEqual([{ objective: 'o1', mastery: 0, confidence: 0, evidenceCount: 0, level: 'not-started' }])
  })

  it('needs more than one right answer to climb high (one perfect answer gives 0.5)', () => {
    expect(masteryOf([ev(1, 0)])).toBeCloseTo(0.5)
  })

  it('reaches mastered after several right answers', () => {
    const result = computeMastery([1, 2, 3, 4, 5, 6].map((h) => ev(1, h)), NOW)[0]
    expect(result?.level).toBe('mastered')
  })

  it('weighs assessment evidence more than practice', () => {
    expect(masteryOf([ev(1, 0, 'assessment')])).toBeGreaterThan(masteryOf([ev(1, 0, 'practice')]))
  })

  it('weighs recent evidence more than old', () => {
    const improving = masteryOf([ev(0, 5), ev(0, 4), ev(1, 2), ev(1, 1)])
    const declining = masteryOf([ev(1, 5), ev(1, 4), ev(0, 2), ev(0, 1)])
    expect(improving).toBeGreaterThan(declining)
  })

  it('lets evidence fade with age', () => {
    expect(masteryOf([ev(1, 24 * 120)])).toBeLessThan(masteryOf([ev(1, 1)]))
  })

  it('weighs a guessable true/false answer less than a short text one', () => {
    expect(masteryOf([ev(1, 0, 'practice', { itemType: 'truefalse' })])).toBeLessThan(masteryOf([ev(1, 0, 'practice', { itemType: 'short' })]))
  })

  it('ignores evidence from the future', () => {
    expect(computeMastery([ev(1, -5)], NOW, ['o1'])[0]?.evidenceCount).toBe(0)
  })

  it('keeps mastery within 0..1 for out-of-range scores', () => {
    expect(masteryOf([{ ...ev(5, 0), max: 1 }])).toBeLessThanOrEqual(1)
  })
})

describe('masteryLevel', () => {
  it.each([
    [0, 0, 'not-started'],
    [0.3, 2, 'learning'],
    [0.6, 2, 'practised'],
    [0.9, 2, 'practised'],
    [0.85, 3, 'mastered'],
  ] as const)('mastery %f with %i responses is %s', (mastery, count, level) => {
    expect(masteryLevel(mastery, count)).toBe(level)
  })
})
