import { describe, expect, it } from 'vitest'
import { dateTime, decimal, duration, fileStamp, fixed, isoDate, isoDateTime, isoMinute, minutes, outOf, percent, plural, points, signed, UNKNOWN_DATE } from '../../../src/domain/format.ts'

describe('points and decimals', () => {
  it.each([
    ['a whole number', 6, '6'],
    ['a half', 4.5, '4.5'],
    ['two decimals at most', 2 / 3, '0.67'],
    ['float noise', 0.1 + 0.2, '0.3'],
    ['no negative zero', -0.001, '0'],
    ['a negative score', -1.25, '-1.25'],
    ['not a number', Number.NaN, '—'],
    ['infinity', Number.POSITIVE_INFINITY, '—'],
  ])('%s', (_label, n, expected) => {
    expect(points(n)).toBe(expected)
  })

  it.each([
    [1 / 3, 1, '0.3'],
    [49.95, 1, '50'],
    [12.345, 0, '12'],
  ])('decimal(%s, %s) is %s', (n, digits, expected) => {
    expect(decimal(n, digits)).toBe(expected)
  })

  it.each([
    [4, 6, '4 of 6'],
    [4.5, 6, '4.5 of 6'],
    [1 / 3, 1, '0.33 of 1'],
  ])('outOf(%s, %s) is %s', (part, whole, expected) => {
    expect(outOf(part, whole)).toBe(expected)
  })
})

describe('percents and figures', () => {
  it.each([
    [70, 0, '70%'],
    [0.7 * 100, 0, '70%'],
    [66.666, 1, '66.7%'],
    [99.6, 0, '100%'],
  ])('percent(%s, %s) is %s', (value, digits, expected) => {
    expect(percent(value, digits)).toBe(expected)
  })

  it.each([
    [50, 1, undefined, '50.0'],
    [0.123, 2, undefined, '0.12'],
    [null, 1, undefined, '—'],
    [null, 1, 'not enough data', 'not enough data'],
    [Number.NaN, 1, undefined, '—'],
  ])('fixed(%s, %s) is %s', (value, digits, missing, expected) => {
    expect(fixed(value, digits, missing)).toBe(expected)
  })

  it.each([
    [1.5, '+1.5'],
    [-2, '−2'],
    [0, '±0'],
  ])('signed(%s) is %s', (n, expected) => {
    expect(signed(n)).toBe(expected)
  })
})

describe('words for counts and durations', () => {
  it.each([
    [1, 'question', undefined, '1 question'],
    [0, 'question', undefined, '0 questions'],
    [3, 'answer', undefined, '3 answers'],
    [2, 'analysis', 'analyses', '2 analyses'],
  ])('plural(%s, %s)', (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected)
  })

  it.each([
    [1, '1 minute'],
    [10, '10 minutes'],
  ])('minutes(%s) is %s', (n, expected) => {
    expect(minutes(n)).toBe(expected)
  })

  it.each([
    [0, 'none yet'],
    [-5, 'none yet'],
    [Number.NaN, 'none yet'],
    [20, 'less than a minute'],
    [45 * 60, '45 min'],
    [3_600, '1 h'],
    [3_900, '1 h 5 min'],
  ])('duration(%s s) is %s', (seconds, expected) => {
    expect(duration(seconds)).toBe(expected)
  })
})

describe('dates never throw', () => {
  const december = Date.UTC(2026, 11, 1, 10, 5)

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a huge epoch', 1e20],
    ['just past the Date range', 8.64e15 + 1],
    ['a huge negative epoch', -1e20],
  ])('%s is an unknown date in every format', (_label, epoch) => {
    expect(dateTime(epoch)).toBe(UNKNOWN_DATE)
    expect(isoDate(epoch)).toBe(UNKNOWN_DATE)
    expect(isoMinute(epoch)).toBe(UNKNOWN_DATE)
    expect(isoDateTime(epoch)).toBe(UNKNOWN_DATE)
    expect(fileStamp(epoch)).toBe('unknown-date')
  })

  it.each([
    ['no time', null, ''],
    ['a December morning', december, '2026-12-01T10:05:00.000Z'],
  ])('%s as a full ISO time', (_label, epoch, text) => {
    expect(isoDateTime(epoch)).toBe(text)
  })

  it('stamps a file name with the UTC minute', () => {
    expect(fileStamp(december)).toBe('2026-12-01T1005')
  })

  it.each([
    ['the epoch', 0, '1970-01-01', '1970-01-01 00:00'],
    ['a December morning', december, '2026-12-01', '2026-12-01 10:05'],
    ['the last day a Date holds', 8.64e15, '+275760-09-13', '+275760-09-13 00:00'],
  ])('%s in ISO form', (_label, epoch, day, minute) => {
    expect(isoDate(epoch)).toBe(day)
    expect(isoMinute(epoch)).toBe(minute)
  })

  it('writes a real date in the given locale', () => {
    expect(dateTime(december, 'en-GB')).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(december))
    expect(dateTime(december, 'en-GB')).toContain('2026')
  })
})
