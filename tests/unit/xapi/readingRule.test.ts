import { describe, expect, it } from 'vitest'
import { readingStatements, type ReadingPoint } from '../../../src/domain/xapi/readingRule.ts'

const at = (readFraction: number, state: ReadingPoint['state'] = readFraction > 0 ? 'in-progress' : 'not-started'): ReadingPoint => ({ state, readFraction })

describe('which lesson statements a progress write sends', () => {
  it.each([
    ['first open, nothing read', undefined, at(0), { completed: false, progressed: null }],
    ['below the first threshold', undefined, at(0.2), { completed: false, progressed: null }],
    ['reaching 25 %', at(0.2), at(0.25), { completed: false, progressed: 25 }],
    ['within one band', at(0.3), at(0.45), { completed: false, progressed: null }],
    ['jumping across 50 and 75: one statement', at(0.3), at(0.8), { completed: false, progressed: 80 }],
    ['a threshold already crossed', at(0.5), at(0.5), { completed: false, progressed: null }],
    ['74.9 % is not 75 %', at(0.6), at(0.749), { completed: false, progressed: null }],
    ['read to the end', at(0.8), at(1, 'done'), { completed: true, progressed: null }],
    ['marked done at once', undefined, at(1, 'done'), { completed: true, progressed: null }],
    ['read again after done', at(1, 'done'), at(1, 'done'), { completed: false, progressed: null }],
  ])('%s', (_, before, after, expected) => {
    expect(readingStatements(before, after)).toEqual(expected)
  })
})
