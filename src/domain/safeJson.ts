/**
 * JSON from outside (result files, backups) read within limits checked BEFORE `JSON.parse`, so a
 * hostile file can neither exhaust memory nor overflow the stack of the code that walks it.
 *
 * Limits (docs/result-file.md):
 * - size: 5,000,000 characters per result file. A genuine file of 5 attempts × 30 items of this
 *   course, every answer typed at 2,000 characters, pretty-printed, is about 650,000 characters
 *   (measured in tests/unit/domain/safeJson.test.ts), so the bound is over 7 times the largest
 *   file a real learner writes. Backups hold a whole device, so their caller passes a larger bound.
 * - depth: 64 levels of `[`/`{`. A result file nests about 8 deep (file → attempts → entry →
 *   attempt → snapshots → item → options → option).
 * The depth scan is one linear pass that counts brackets outside strings (with escapes), so it
 * costs the same as reading the text once and cannot itself recurse.
 */

export const MAX_JSON_CHARS = 5_000_000
export const MAX_JSON_DEPTH = 64

export interface JsonLimits {
  maxChars?: number
  maxDepth?: number
  /** What the file should be, for the messages: "a result file", "a backup". */
  what?: string
}

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; reason: 'too-large' | 'too-deep' | 'not-json'; message: string }

/** The deepest nesting of arrays and objects in `text`, counting only brackets outside strings. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > stopAbove) return deepest
      }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

/**
 * The refusal of a file over the size limit; also for a file whose size in bytes already says so
 * before it is read (UTF-8 takes at most 3 bytes for each UTF-16 character).
 */
export function tooLarge(limits: JsonLimits = {}): SafeJsonResult & { ok: false } {
  const mb = (limits.maxChars ?? MAX_JSON_CHARS) / 1_000_000
  return { ok: false, reason: 'too-large', message: `This file is too large to be ${limits.what ?? 'a result file'} (more than ${mb} million characters). Check that you chose the right file.` }
}

/** Bytes of UTF-8 that certainly hold more than `maxChars` characters. */
export const certainlyTooManyBytes = (maxChars = MAX_JSON_CHARS) => 3 * maxChars

/** `JSON.parse` behind the size and depth limits; never throws. A leading byte-order mark is allowed. */
export function parseJsonWithin(text: string, limits: JsonLimits = {}): SafeJsonResult {
  const maxChars = limits.maxChars ?? MAX_JSON_CHARS
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH
  const what = limits.what ?? 'a result file'
  if (text.length > maxChars) return tooLarge(limits)
  if (jsonDepth(text, maxDepth) > maxDepth) {
    return { ok: false, reason: 'too-deep', message: `This file is nested too deeply to be ${what} (more than ${maxDepth} levels of lists and objects). Check that you chose the right file.` }
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) }
  } catch {
    return { ok: false, reason: 'not-json', message: 'not valid JSON' }
  }
}
