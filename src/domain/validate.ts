/**
 * Small hand-written structural checks for data arriving from outside (result files). The
 * domain takes no schema library: these helpers throw `Invalid` with the JSON path of the first
 * problem, which the caller turns into a plain-English error.
 */
import { patternProblem } from './grading/patternSafety.ts'
import { ITEM_TYPES, type ItemType } from './types.ts'

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

const withIdText = (key: string) => (o: Obj, path: string) => {
  id(o.id, `${path}.id`)
  str(o[key], `${path}.${key}`)
}

/** The fields grading reads from an item, per type; enough that grading a snapshot cannot throw. */
export function checkItem(value: unknown, path: string): void {
  const o = obj(value, path)
  id(o.id, `${path}.id`)
  id(o.version, `${path}.version`)
  str(o.stem, `${path}.stem`)
  str(o.objective, `${path}.objective`)
  oneOf(o.difficulty, [1, 2, 3], `${path}.difficulty`)
  optional(o.points, points, `${path}.points`)
  const type = oneOf(o.type, ITEM_TYPES as readonly ItemType[], `${path}.type`)
  switch (type) {
    case 'single':
      eachOf(o.options, `${path}.options`, withIdText('text'))
      id(o.answer, `${path}.answer`)
      break
    case 'multiple':
      eachOf(o.options, `${path}.options`, (opt, p) => {
        withIdText('text')(opt, p)
        optional(opt.weight, (v, q) => between(v, -MAX_POINTS, MAX_POINTS, q), `${p}.weight`)
      })
      idList(o.answers, `${path}.answers`)
      break
    case 'truefalse':
      bool(o.answer, `${path}.answer`)
      break
    case 'matching':
      eachOf(o.pairs, `${path}.pairs`, (pair, p) => {
        withIdText('prompt')(pair, p)
        str(pair.match, `${p}.match`)
      })
      if (o.distractors !== undefined) eachOf(o.distractors, `${path}.distractors`, withIdText('text'))
      break
    case 'ordering':
      eachOf(o.steps, `${path}.steps`, withIdText('text'))
      break
    case 'categorize':
      eachOf(o.categories, `${path}.categories`, withIdText('label'))
      eachOf(o.statements, `${path}.statements`, (s, p) => {
        withIdText('text')(s, p)
        id(s.category, `${p}.category`)
      })
      break
    case 'cloze':
      str(o.text, `${path}.text`)
      eachOf(o.blanks, `${path}.blanks`, (b, p) => {
        id(b.id, `${p}.id`)
        strList(b.accept, `${p}.accept`)
        optional(b.options, strList, `${p}.options`)
      })
      break
    case 'short':
      strList(o.accept, `${path}.accept`)
      optional(o.patterns, safePatterns, `${path}.patterns`)
      if (o.partial !== undefined) {
        eachOf(o.partial, `${path}.partial`, (pa, p) => {
          str(pa.answer, `${p}.answer`)
          between(pa.fraction, 0, 1, `${p}.fraction`)
        })
      }
      break
    case 'numeric':
      figure(o.answer, `${path}.answer`)
      optional(o.units, strList, `${path}.units`)
      if (o.tolerance !== undefined) {
        const t = obj(o.tolerance, `${path}.tolerance`)
        optional(t.absolute, figure, `${path}.tolerance.absolute`)
        optional(t.relative, figure, `${path}.tolerance.relative`)
      }
      break
    case 'freetext':
      eachOf(o.rubric, `${path}.rubric`, (c, p) => {
        id(c.id, `${p}.id`)
        points(c.points, `${p}.points`)
        arr(c.concepts, `${p}.concepts`).forEach((syn, i) => strList(syn, `${p}.concepts[${i}]`))
      })
      break
  }
}

/** Short-text patterns that are safe to run (grading/patternSafety.ts). */
function safePatterns(value: unknown, path: string): string[] {
  return strList(value, path).map((pattern, i) => {
    const problem = patternProblem(pattern)
    if (problem !== undefined) throw new Invalid(`${path}[${i}]`, problem)
    return pattern
  })
}

/** An Answer's shape: null, or an object whose fields fit its `type`. */
export function checkAnswer(value: unknown, path: string): void {
  if (value === null) return
  const o = obj(value, path)
  const type = oneOf(o.type, ITEM_TYPES as readonly ItemType[], `${path}.type`)
  switch (type) {
    case 'single':
      return void str(o.optionId, `${path}.optionId`)
    case 'multiple':
      return void strList(o.optionIds, `${path}.optionIds`)
    case 'truefalse':
      return void bool(o.value, `${path}.value`)
    case 'matching':
      return void stringRecord(o.matches, `${path}.matches`)
    case 'ordering':
      return void strList(o.order, `${path}.order`)
    case 'categorize':
      return void stringRecord(o.assignments, `${path}.assignments`)
    case 'cloze':
      return void stringRecord(o.blanks, `${path}.blanks`)
    default:
      return void str(o.text, `${path}.text`)
  }
}
