import { describe, expect, it } from 'vitest'
import { lessonMastery } from '../../../src/domain/lessonMastery.ts'
import type { Mastery } from '../../../src/domain/mastery.ts'
import { lesson, mastery } from './courseFixtures.ts'

const l1 = lesson('l1', ['o1', 'o2'])

describe('lessonMastery', () => {
  it.each<[string, Mastery[], number | null, string, number, number]>([
    ['no evidence anywhere', [mastery('o1', 0, 0, 'not-started'), mastery('o2', 0, 0, 'not-started')], null, 'not-started', 0, 0],
    ['objectives missing from the mastery list', [], null, 'not-started', 0, 0],
    ['the mean counts only objectives with evidence', [mastery('o1', 0.6, 3, 'practised'), mastery('o2', 0, 0, 'not-started')], 0.6, 'practised', 1, 0],
    ['a low mean is learning', [mastery('o1', 0.2, 2, 'learning'), mastery('o2', 0.4, 1, 'learning')], 0.3, 'learning', 2, 0],
    ['the mean reaching 0.5 is practised', [mastery('o1', 0.9, 5, 'mastered'), mastery('o2', 0.1, 1, 'learning')], 0.5, 'practised', 2, 1],
    ['every objective mastered', [mastery('o1', 0.9, 5, 'mastered'), mastery('o2', 0.8, 4, 'mastered')], 0.85, 'mastered', 2, 2],
  ])('%s', (_label, given, value, level, withEvidence, mastered) => {
    const [row] = lessonMastery([l1], given)
    expect(row).toMatchObject({ lessonId: 'l1', level, objectives: 2, withEvidence, mastered })
    if (value === null) expect(row?.mastery).toBeNull()
    else expect(row?.mastery).toBeCloseTo(value)
  })

  it('gives one row per lesson, in lesson order, and a lesson without objectives is not started', () => {
    const rows = lessonMastery([lesson('b', ['o1']), lesson('a', [])], [mastery('o1', 0.9, 5, 'mastered')])
    expect(rows.map((r) => [r.lessonId, r.level])).toEqual([['b', 'mastered'], ['a', 'not-started']])
  })
})
