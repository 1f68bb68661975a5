/**
 * How the app writes numbers, dates and durations, in one place so every page agrees.
 *
 * Rules:
 * - Points and other scores keep at most two decimals and no trailing zeros: 4.5, 2.33, 6.
 * - Percents are given on the 0..100 scale (a pass mark of 0.7 is `percent(70)`), whole by default.
 * - Dates never throw: a value that is not a date (NaN, Infinity, or beyond ±8.64e15 ms, the
 *   range a JavaScript Date can hold) reads "unknown date", so one bad record never breaks a page.
 * - A missing figure reads "—" unless the caller says otherwise.
 */

export const UNKNOWN_DATE = 'unknown date'
export const MISSING = '—'

/** The largest epoch a Date can hold (ECMAScript: 100 000 000 days either side of 1970). */
const MAX_EPOCH_MS = 8.64e15

/** `n` rounded to `digits` decimals, without trailing zeros ("4.5", "6", never "-0"). */
export function decimal(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return MISSING
  const scale = 10 ** digits
  const rounded = Math.round(n * scale) / scale
  return String(rounded === 0 ? 0 : rounded)
}

/** Points: "4.5", "2.33", "6". */
export function points(n: number): string {
  return decimal(n, 2)
}

/** "4 of 6", "4.5 of 6": a part of a whole, as points. */
export function outOf(part: number, whole: number): string {
  return `${points(part)} of ${points(whole)}`
}

/** A percent on the 0..100 scale: "70%", or "66.7%" with one digit. */
export function percent(value: number, digits = 0): string {
  return `${decimal(value, digits)}%`
}

/** A fixed number of decimals for tables of figures ("50.0"), `missing` when there is no figure. */
export function fixed(value: number | null | undefined, digits = 1, missing = MISSING): string {
  return value === null || value === undefined || !Number.isFinite(value) ? missing : value.toFixed(digits)
}

/** A change in points with its sign: "+1.5", "−2", "±0". */
export function signed(n: number): string {
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±'
  return `${sign}${points(Math.abs(n))}`
}

/** "1 question", "3 questions"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "1 minute", "10 minutes". */
export function minutes(n: number): string {
  return plural(n, 'minute')
}

/** A duration in words: "1 h 5 min", "45 min", "less than a minute", "none yet". */
export function duration(seconds: number): string {
  if (!(seconds > 0)) return 'none yet'
  const total = Math.round(seconds / 60)
  if (total === 0) return 'less than a minute'
  const h = Math.floor(total / 60)
  const m = total % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** Whether a Date can hold `epochMs` (finite, within ±8.64e15 ms). */
export function isDate(epochMs: number): boolean {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_EPOCH_MS
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** A date and time in the learner's locale: "1 Dec 2026, 10:05" (rules at the top of the file). */
export function dateTime(epochMs: number, locale?: string): string {
  if (!isDate(epochMs)) return UNKNOWN_DATE
  const key = locale ?? ''
  let format = dateTimeFormats.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    dateTimeFormats.set(key, format)
  }
  return format.format(epochMs)
}

/** The calendar day in UTC, as an instructor's table sorts it: "2026-12-01". */
export function isoDate(epochMs: number): string {
  return isDate(epochMs) ? new Date(epochMs).toISOString().split('T')[0]! : UNKNOWN_DATE
}

/**
 * The full ISO 8601 time in UTC, as CSV files write it: "2026-12-01T10:05:00.000Z"; `missing` for
 * no time (null), "unknown date" for a value that is not a date.
 */
export function isoDateTime(epochMs: number | null, missing = ''): string {
  if (epochMs === null) return missing
  return isDate(epochMs) ? new Date(epochMs).toISOString() : UNKNOWN_DATE
}

/** A time for a file name, in UTC: "2026-12-01T1005"; "unknown-date" when it is not a date. */
export function fileStamp(epochMs: number): string {
  return isDate(epochMs) ? new Date(epochMs).toISOString().slice(0, 16).replace(':', '') : 'unknown-date'
}

/** Day and minute in UTC: "2026-12-01 10:05". */
export function isoMinute(epochMs: number): string {
  if (!isDate(epochMs)) return UNKNOWN_DATE
  const [day, time = ''] = new Date(epochMs).toISOString().split('T')
  return `${day} ${time.slice(0, 5)}`
}
