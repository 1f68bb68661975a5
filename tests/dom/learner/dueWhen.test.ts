import { describe, expect, it } from 'vitest'
import { dueWhen } from '../../../src/components/review/dueWhen.ts'

const NOW = new Date(2030, 0, 7, 15, 0).getTime()

describe('when the next review is due, in words', () => {
  it.each([
    ['later today', new Date(2030, 0, 7, 18, 5), 'today at 18:05'],
    ['overdue', new Date(2030, 0, 7, 9, 0), 'today at 09:00'],
    ['tomorrow', new Date(2030, 0, 8, 9, 30), 'tomorrow at 09:30'],
    ['later', new Date(2030, 0, 11, 9, 30), 'on Friday 11 January at 09:30'],
  ])('%s', (_case, due, words) => {
    expect(dueWhen(due.getTime(), NOW, 'en-GB')).toBe(words)
  })

  it.each([1e20, Number.NaN, -Infinity])('a due time of %s is an unknown date, not an error', (due) => {
    expect(dueWhen(due, NOW, 'en-GB')).toBe('unknown date')
  })
})
