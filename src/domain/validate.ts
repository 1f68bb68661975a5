/**
 * Small hand-written structural checks for data arriving from outside (result files). The
 * domain takes no schema library: these helpers throw `Invalid` with the JSON path of the first
 * problem, which the caller turns into a plain-English error.
 */

export class Invalid extends Error {
  constructor(readonly path: string, message: string) {
    super(message)
  }
}

export type Obj = Record<string, unknown>

export function obj(value: unknown, path: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Invalid(path, 'should be an object')
  return value as Obj
}

export function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Invalid(path, 'should be text')
  return value
}

export function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Invalid(path, 'should be a number')
  return value
}

/**
 * Bounds on what a result file may hold (docs/result-file.md), so nothing read from one can break
 * a page: ids 1..200 characters; times between 2000-01-01 and 2100-01-01 UTC; points and scores
 * 0..1000; other figures (numeric answers, tolerances) finite within ±1e15.
 */
export const MAX_ID_LENGTH = 200
export const EARLIEST_TIME = Date.UTC(2000, 0, 1)
export const LATEST_TIME = Date.UTC(2100, 0, 1)
export const MAX_POINTS = 1000
const MAX_FIGURE = 1e15

/** An id: text of 1..MAX_ID_LENGTH characters, never `__proto__` (it cannot be a key of an object). */
export function id(value: unknown, path: string): string {
  const text = str(value, path)
  if (text === '') throw new Invalid(path, 'is empty: every id needs at least one character')
  if (text.length > MAX_ID_LENGTH) throw new Invalid(path, `is ${text.length} characters long: an id has at most ${MAX_ID_LENGTH}`)
  if (text === '__proto__') throw new Invalid(path, 'is "__proto__", which cannot be used as an id')
  return text
}

export function idList(value: unknown, path: string): string[] {
  return arr(value, path).map((v, i) => id(v, `${path}[${i}]`))
}

/** A number between `min` and `max`; the message names the range so the fix is plain. */
export function between(value: unknown, min: number, max: number, path: string): number {
  const n = num(value, path)
  if (n < min || n > max) throw new Invalid(path, `is ${n}: it should be between ${min} and ${max}`)
  return n
}

/** A figure of any sign (a numeric answer, a tolerance): finite and within ±1e15. */
export function figure(value: unknown, path: string): number {
  return between(value, -MAX_FIGURE, MAX_FIGURE, path)
}

/** Points or a score: 0..MAX_POINTS. */
export function points(value: unknown, path: string): number {
  return between(value, 0, MAX_POINTS, path)
}

/** An epoch time in milliseconds between 2000-01-01 and 2100-01-01 UTC. */
export function time(value: unknown, path: string): number {
  const n = num(value, path)
  if (n < EARLIEST_TIME || n >= LATEST_TIME) {
    throw new Invalid(path, `is ${n}, not a time between 2000-01-01 and 2100-01-01 UTC (check the date and time on the learner’s device)`)
  }
  return n
}

export function nullableTime(value: unknown, path: string): number | null {
  return value === null ? null : time(value, path)
}

/** A whole number from `min` up (a sequence number, a seed). */
export function integer(value: unknown, path: string, min = Number.MIN_SAFE_INTEGER): number {
  const n = num(value, path)
  if (!Number.isSafeInteger(n) || n < min) throw new Invalid(path, min === 0 ? 'should be a whole number, 0 or more' : 'should be a whole number')
  return n
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Invalid(path, 'should be true or false')
  return value
}

export function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(path, 'should be a list')
  return value
}

export function oneOf<T extends string | number | null>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) throw new Invalid(path, `should be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`)
  return value as T
}

export function nullableNum(value: unknown, path: string): number | null {
  return value === null ? null : num(value, path)
}

export function strList(value: unknown, path: string): string[] {
  return arr(value, path).map((v, i) => str(v, `${path}[${i}]`))
}

export function optional<T>(value: unknown, check: (v: unknown, path: string) => T, path: string): T | undefined {
  return value === undefined ? undefined : check(value, path)
}

export function stringRecord(value: unknown, path: string): Record<string, string> {
  const o = obj(value, path)
  for (const [k, v] of Object.entries(o)) str(v, `${path}.${k}`)
  return o as Record<string, string>
}

export function eachOf(value: unknown, path: string, check: (o: Obj, path: string) => void): void {
  arr(value, path).forEach((v, i) => check(obj(v, `${path}[${i}]`), `${path}[${i}]`))
}

/** Every number anywhere in `value` is a figure (finite, within ±1e15), also in fields no check reads. */
export function everyNumberBounded(value: unknown): void {
  const stack: [unknown, string][] = [[value, '']]
  while (stack.length > 0) {
    const [v, path] = stack.pop()!
    if (typeof v === 'number') figure(v, path)
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) stack.push([child, Array.isArray(v) ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`])
    }
  }
}
