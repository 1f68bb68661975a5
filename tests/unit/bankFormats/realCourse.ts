/** The real course's banks, as the exporters take them (no lesson or version on the items). */
import { loadContent } from '../../../src/content/loader.ts'
import type { ExportBank } from '../../../src/domain/bankFormats/common.ts'
import type { Item } from '../../../src/domain/types.ts'

export const COURSE = 'nk-troops-ukraine'

export function realBanks(): ExportBank[] {
  const loaded = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
  const course = loaded.courses.find((c) => c.id === COURSE)
  if (!course) throw new Error(`the course ${COURSE} did not load`)
  return course.banks.map((bank) => ({ course: COURSE, lesson: bank.lesson, items: bank.items.map(({ lesson: _l, version: _v, ...item }) => item as Item) }))
}

/** The keys whose values differ between two items (deep, order of object keys ignored). */
export function differingFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((k) => canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k])).sort()
}

function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]))
  return value
}
