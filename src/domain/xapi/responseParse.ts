/**
 * The inverse of `responseString` (interactions.ts): an xAPI response string read back into the
 * learner's answer, with the item's snapshot giving the shape (xAPI 1.0.3 "Response patterns").
 *
 * - choice (single): the option id; (multiple): ids joined by `[,]`, "" for none.
 * - true-false: "true" / "false"; anything else is not an answer.
 * - matching (matching, categorize): `source[.]target` pairs joined by `[,]`.
 * - sequencing (ordering): step ids joined by `[,]`.
 * - fill-in (cloze): the blanks in the item's order joined by `[,]`; an empty part is a blank
 *   left empty (responseString writes "" for it), so it is left out of the answer.
 * - fill-in (short), long-fill-in (free text): the text as it is.
 * - numeric: the number as responseString wrote it (the unit was dropped; grading does not need it).
 * A missing response is no answer (null). A response that cannot be read as the item's type is
 * a problem in words, never a throw: the caller flags it.
 */
import type { Answer, VersionedItem } from '../types.ts'

export type ParsedResponse = { ok: true; answer: Answer | null } | { ok: false; problem: string }

const LIST = '[,]'
const PAIR = '[.]'

function list(text: string): string[] {
  return text === '' ? [] : text.split(LIST)
}

/** `a[.]b[,]c[.]d` as a record; null when a part is not a pair or names a source twice. */
function pairs(text: string): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const part of list(text)) {
    const bits = part.split(PAIR)
    if (bits.length !== 2 || bits[0] === '' || bits[1] === '' || Object.hasOwn(out, bits[0]!)) return null
    out[bits[0]!] = bits[1]!
  }
  return out
}

const bad = (item: VersionedItem, response: string, what: string): ParsedResponse => ({
  ok: false,
  problem: `The LRS's response to ${item.id} ("${response.length > 60 ? `${response.slice(0, 59)}…` : response}") is not ${what}.`,
})

/** The learner's answer to `item` from an xAPI response string (rules at the top of the file). */
export function parseResponse(item: VersionedItem, response: string | undefined): ParsedResponse {
  if (response === undefined) return { ok: true, answer: null }
  switch (item.type) {
    case 'single':
      return { ok: true, answer: { type: 'single', optionId: response } }
    case 'multiple':
      return { ok: true, answer: { type: 'multiple', optionIds: list(response) } }
    case 'truefalse':
      if (response !== 'true' && response !== 'false') return bad(item, response, 'true or false')
      return { ok: true, answer: { type: 'truefalse', value: response === 'true' } }
    case 'matching':
    case 'categorize': {
      const read = pairs(response)
      if (read === null) return bad(item, response, 'a list of source[.]target pairs')
      return { ok: true, answer: item.type === 'matching' ? { type: 'matching', matches: read } : { type: 'categorize', assignments: read } }
    }
    case 'ordering':
      return { ok: true, answer: { type: 'ordering', order: list(response) } }
    case 'cloze': {
      const parts = response.split(LIST)
      if (parts.length !== item.blanks.length) return bad(item, response, `${item.blanks.length} blank(s) joined by [,]`)
      const blanks: Record<string, string> = {}
      item.blanks.forEach((b, i) => {
        if (parts[i] !== '') blanks[b.id] = parts[i]!
      })
      return { ok: true, answer: { type: 'cloze', blanks } }
    }
    case 'short':
      return { ok: true, answer: { type: 'short', text: response } }
    case 'numeric':
      if (response.trim() === '' || !Number.isFinite(Number(response))) return bad(item, response, 'a number')
      return { ok: true, answer: { type: 'numeric', text: response } }
    case 'freetext':
      return { ok: true, answer: { type: 'freetext', text: response } }
  }
}
