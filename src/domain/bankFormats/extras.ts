/**
 * The Debrief-only part of an exported Moodle XML question: what Moodle's own fields cannot
 * hold (typo forgiveness, regular-expression patterns, a rubric's concepts, our part ids…),
 * written as JSON in a `<debrief>` element. Moodle's importer ignores elements it does not know,
 * so the file still imports into Moodle; our importer reads it back so that an export followed
 * by an import gives the same items. Extras only add to what Moodle's fields say: if a count no
 * longer matches (someone edited the file), that part of the extras is ignored with a warning.
 *
 * Version 1. A change of shape gets a new `v`, and the reader keeps reading version 1.
 */
import type { FreeTextItem, Item, NumericItem } from '../types.ts'

export const EXTRAS_VERSION = 1

export interface Extras {
  v: typeof EXTRAS_VERSION
  /** Part ids, when they differ from the ones an import would make up (a, b…; m1…; s1…). */
  ids?: Record<string, string[]>
  /** A categorize item written as a Moodle matching question. */
  categorize?: { categories: { id: string; label: string }[]; feedback: (string | null)[] }
  /** Matching: each pair's feedback (Moodle's matching has none). */
  pairFeedback?: (string | null)[]
  /** Short text: every pattern (Moodle gets only those that are exact wildcards). */
  patterns?: string[]
  allowTypo?: boolean
  accentSensitive?: boolean
  /** Numeric: the tolerance as authored (Moodle gets one absolute number); null when there was none. */
  tolerance?: NumericItem['tolerance'] | null
  unitsCaseSensitive?: boolean
  /** Free text: the rubric and model answer (Moodle's grader info shows them as text). */
  rubric?: FreeTextItem['rubric']
  modelAnswer?: string
  /** Cloze: how many paragraphs of the question text are the stem; per-blank accent sensitivity. */
  stemParagraphs?: number
  blankAccent?: (boolean | null)[]
  /** Points Moodle cannot carry (a cloze's mark is the sum of its blanks'). */
  points?: number
}

/** The ids an import makes up for the parts of an item, so that only other ids need recording. */
export const conventionalIds = {
  options: (n: number) => Array.from({ length: n }, (_, i) => letters(i)),
  pairs: (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`),
  distractors: (n: number) => Array.from({ length: n }, (_, i) => `d${i + 1}`),
  steps: (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`),
  statements: (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`),
  blanks: (n: number) => Array.from({ length: n }, (_, i) => `b${i + 1}`),
}

/** a…z, then aa, ab… */
function letters(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26))
}

/** The part ids of an item that differ from the conventional ones. */
export function unconventionalIds(item: Item): Record<string, string[]> | undefined {
  const lists: Record<string, string[]> = {}
  const add = (key: keyof typeof conventionalIds, ids: string[]) => {
    const expected = conventionalIds[key](ids.length)
    if (ids.some((id, i) => id !== expected[i])) lists[key] = ids
  }
  if (item.type === 'single' || item.type === 'multiple') add('options', item.options.map((o) => o.id))
  if (item.type === 'matching') {
    add('pairs', item.pairs.map((p) => p.id))
    add('distractors', (item.distractors ?? []).map((d) => d.id))
  }
  if (item.type === 'ordering') add('steps', item.steps.map((s) => s.id))
  if (item.type === 'categorize') add('statements', item.statements.map((s) => s.id))
  if (item.type === 'cloze') add('blanks', item.blanks.map((b) => b.id))
  return Object.keys(lists).length > 0 ? lists : undefined
}

/** Reads a `<debrief>` element's JSON, keeping only the fields of the right shape (the file is outside input). */
export function parseExtras(text: string): { extras?: Extras; problem?: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problem: 'the <debrief> element is not valid JSON; its Debrief-only settings were ignored' }
  }
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== EXTRAS_VERSION) {
    return { problem: `the <debrief> element is not version ${EXTRAS_VERSION}; its Debrief-only settings were ignored` }
  }
  return { extras: sanitize(value as Record<string, unknown>) }
}

const isString = (x: unknown): x is string => typeof x === 'string'
const isStringOrNull = (x: unknown) => x === null || isString(x)
const isBoolOrNull = (x: unknown) => x === null || typeof x === 'boolean'
const list = (x: unknown, each: (e: unknown) => boolean) => Array.isArray(x) && x.every(each)
const nonNegative = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isFinite(x) && x >= 0)

function sanitize(raw: Record<string, unknown>): Extras {
  const out: Extras = { v: EXTRAS_VERSION }
  if (raw.ids && typeof raw.ids === 'object') {
    const ids = Object.fromEntries(Object.entries(raw.ids).filter(([, v]) => list(v, isString))) as Record<string, string[]>
    if (Object.keys(ids).length > 0) out.ids = ids
  }
  const cat = raw.categorize as { categories?: unknown; feedback?: unknown } | undefined
  if (cat && typeof cat === 'object' && list(cat.categories, (c) => !!c && typeof c === 'object' && isString((c as { id?: unknown }).id) && isString((c as { label?: unknown }).label)) && list(cat.feedback, isStringOrNull)) {
    out.categorize = { categories: cat.categories as { id: string; label: string }[], feedback: cat.feedback as (string | null)[] }
  }
  if (list(raw.pairFeedback, isStringOrNull)) out.pairFeedback = raw.pairFeedback as (string | null)[]
  if (list(raw.patterns, isString)) out.patterns = raw.patterns as string[]
  if (typeof raw.allowTypo === 'boolean') out.allowTypo = raw.allowTypo
  if (typeof raw.accentSensitive === 'boolean') out.accentSensitive = raw.accentSensitive
  const tol = raw.tolerance as { absolute?: unknown; relative?: unknown } | null | undefined
  if (tol === null) out.tolerance = null
  else if (tol && typeof tol === 'object' && nonNegative(tol.absolute) && nonNegative(tol.relative)) {
    out.tolerance = { ...(tol.absolute === undefined ? {} : { absolute: tol.absolute as number }), ...(tol.relative === undefined ? {} : { relative: tol.relative as number }) }
  }
  if (typeof raw.unitsCaseSensitive === 'boolean') out.unitsCaseSensitive = raw.unitsCaseSensitive
  if (list(raw.rubric, (c) => !!c && typeof c === 'object')) out.rubric = raw.rubric as FreeTextItem['rubric']
  if (isString(raw.modelAnswer)) out.modelAnswer = raw.modelAnswer
  if (typeof raw.stemParagraphs === 'number' && Number.isInteger(raw.stemParagraphs)) out.stemParagraphs = raw.stemParagraphs
  if (list(raw.blankAccent, isBoolOrNull)) out.blankAccent = raw.blankAccent as (boolean | null)[]
  if (typeof raw.points === 'number' && Number.isFinite(raw.points) && raw.points > 0) out.points = raw.points
  return out
}

/** Ids from the extras when they fit the count Moodle's fields gave, else the conventional ones. */
export function partIds(extras: Extras | undefined, key: keyof typeof conventionalIds, n: number, warn: (m: string) => void): string[] {
  const listed = extras?.ids?.[key]
  if (listed === undefined) return conventionalIds[key](n)
  const valid = Array.isArray(listed) && listed.length === n && listed.every((id) => typeof id === 'string' && /^[a-z][a-z0-9-]*$/.test(id)) && new Set(listed).size === n
  if (valid) return listed
  warn(`the ${key.slice(0, -1)} ids in <debrief> do not fit the ${n} ${key} in the file (was it edited?); ids were made up instead`)
  return conventionalIds[key](n)
}

/** A list from the extras when it has one entry per part, else undefined (with a warning). */
export function perPart<T>(list: T[] | undefined, n: number, what: string, warn: (m: string) => void): T[] | undefined {
  if (list === undefined) return undefined
  if (Array.isArray(list) && list.length === n) return list
  warn(`the ${what} in <debrief> do not fit the ${n} parts in the file (was it edited?); they were ignored`)
  return undefined
}
