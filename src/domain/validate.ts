/**
 * Small hand-written structural checks for data arriving from outside (result files). The
 * domain takes no schema library: these helpers throw `Invalid` with the JSON path of the first
 * problem, which the caller turns into a plain-English error.
 */
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
  str(o.id, `${path}.id`)
  str(o[key], `${path}.${key}`)
}

/** The fields grading reads from an item, per type; enough that grading a snapshot cannot throw. */
export function checkItem(value: unknown, path: string): void {
  const o = obj(value, path)
  str(o.id, `${path}.id`)
  str(o.version, `${path}.version`)
  str(o.stem, `${path}.stem`)
  str(o.objective, `${path}.objective`)
  oneOf(o.difficulty, [1, 2, 3], `${path}.difficulty`)
  optional(o.points, num, `${path}.points`)
  const type = oneOf(o.type, ITEM_TYPES as readonly ItemType[], `${path}.type`)
  switch (type) {
    case 'single':
      eachOf(o.options, `${path}.options`, withIdText('text'))
      str(o.answer, `${path}.answer`)
      break
    case 'multiple':
      eachOf(o.options, `${path}.options`, (opt, p) => {
        withIdText('text')(opt, p)
        optional(opt.weight, num, `${p}.weight`)
      })
      strList(o.answers, `${path}.answers`)
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
        str(s.category, `${p}.category`)
      })
      break
    case 'cloze':
      str(o.text, `${path}.text`)
      eachOf(o.blanks, `${path}.blanks`, (b, p) => {
        str(b.id, `${p}.id`)
        strList(b.accept, `${p}.accept`)
        optional(b.options, strList, `${p}.options`)
      })
      break
    case 'short':
      strList(o.accept, `${path}.accept`)
      optional(o.patterns, strList, `${path}.patterns`)
      if (o.partial !== undefined) {
        eachOf(o.partial, `${path}.partial`, (pa, p) => {
          str(pa.answer, `${p}.answer`)
          num(pa.fraction, `${p}.fraction`)
        })
      }
      break
    case 'numeric':
      num(o.answer, `${path}.answer`)
      optional(o.units, strList, `${path}.units`)
      if (o.tolerance !== undefined) {
        const t = obj(o.tolerance, `${path}.tolerance`)
        optional(t.absolute, num, `${path}.tolerance.absolute`)
        optional(t.relative, num, `${path}.tolerance.relative`)
      }
      break
    case 'freetext':
      eachOf(o.rubric, `${path}.rubric`, (c, p) => {
        str(c.id, `${p}.id`)
        num(c.points, `${p}.points`)
        arr(c.concepts, `${p}.concepts`).forEach((syn, i) => strList(syn, `${p}.concepts[${i}]`))
      })
      break
  }
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
