/**
 * canonicalJson (canonicalJson.ts), the same text, about twice as fast, for the import path
 * (checksums and item versions of thousands of files, 100 MB of text, issue 12 §9). It is its own
 * module so the learner's pages, which need canonicalJson for small values only, do not carry it.
 *
 * JSON.stringify writes each object as a copy whose keys were added in canonical order. The copy
 * has no prototype, so a `__proto__` key is an ordinary key of it, covered like any other;
 * JSON.stringify then writes array-index keys first in numeric order and the other keys in the
 * order they were added, which is canonical order. A value nested too deeply for JSON.stringify's
 * own recursion goes to canonicalJson, whose walk keeps its own stack. Both write the same text
 * (tests/unit/domain/canonicalJsonFast.test.ts).
 */
import { canonicalJson } from './canonicalJson.ts'

export function canonicalJsonFast(value: unknown): string {
  try {
    return JSON.stringify(value, sortedKeys) ?? ''
  } catch (error) {
    if (error instanceof RangeError) return canonicalJson(value)
    throw error
  }
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const source = value as Record<string, unknown>
  const copy = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(source).sort()) copy[key] = source[key]
  return copy
}
