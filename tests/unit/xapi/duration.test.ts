import { describe, expect, it } from 'vitest'
import { isoDuration, isoTimestamp } from '../../../src/domain/xapi/duration.ts'

describe('ISO 8601 durations from milliseconds', () => {
  it.each([
    [0, 'PT0S'],
    [1, 'PT0.001S'],
    [500, 'PT0.5S'],
    [1_000, 'PT1S'],
    [61_250, 'PT1M1.25S'],
    [3_600_000, 'PT1H'],
    [3_723_004, 'PT1H2M3.004S'],
    [90_000_000, 'PT25H'],
    [1.4, 'PT0.001S'],
    [-5_000, 'PT0S'],
    [Number.NaN, 'PT0S'],
    [Number.POSITIVE_INFINITY, 'PT0S'],
  ])('%d ms → %s', (ms, iso) => {
    expect(isoDuration(ms)).toBe(iso)
  })

  it('timestamps are UTC with milliseconds', () => {
    expect(isoTimestamp(Date.UTC(2027, 0, 15, 8, 0, 0, 7))).toBe('2027-01-15T08:00:00.007Z')
  })
})
