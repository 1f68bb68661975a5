/**
 * Our answers as SCORM interactions (docs/lms-runtime.md), for SCORM 1.2 and SCORM 2004 4th ed.
 *
 * Types follow the xAPI mapping (src/domain/xapi/interactions.ts): single and multiple → choice;
 * truefalse → true-false; matching and categorize → matching; ordering → sequencing; cloze and
 * short → fill-in; numeric → numeric; freetext → long-fill-in (2004) / fill-in (1.2, which has no
 * long-fill-in).
 *
 * SCORM 2004 (RTE 4.1.6): ids are the content's own ids, lists joined by `[,]`, pairs by `[.]`,
 * `{case_matters=true}` before a case-sensitive short answer's pattern, numeric ranges `a[:]b`;
 * fill-in holds at most 10 parts of 250 characters, long-fill-in 4,000, choice/matching/
 * sequencing 36 entries, numeric a plain decimal (no exponent).
 * SCORM 1.2 (RTE 3.4.4): choice, matching and sequencing name each option by ONE character
 * (a–z then 0–9, in the item's authored order, so at most 36), lists joined by `,`, pairs by `.`;
 * true-false is `t`/`f`; every value at most 255 characters.
 * A response that cannot be written in the format (too many options, a number with an exponent,
 * an answer of another type) is left out (undefined) rather than sent malformed; a text is cut to
 * the limit. Results: `correct`, `wrong` (1.2) / `incorrect` (2004), the points for partial credit,
 * nothing while an item waits for an instructor.
 */
import type { ItemResult } from '../attemptGrading.ts'
import type { Answer, VersionedItem } from '../types.ts'
import { isStub } from '../sealedStub.ts'
import { INTERACTION_TYPES, plainNumber } from '../xapi/interactions.ts'

type GradeState = ItemResult['grade']['state']

export type ScormVersion = 'scorm12' | 'scorm2004'

/** One character per position in SCORM 1.2's choice/matching/sequencing formats. */
const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'
const LIMIT_12 = 255
const FILL_PARTS_2004 = 10
const FILL_PART_2004 = 250
const LONG_FILL_2004 = 4000
const LIST_MAX_2004 = 36
const DECIMAL = /^-?\d{1,10}(\.\d{1,18})?$/

/** The interaction type of an item in each version. */
export function scormType(item: VersionedItem, version: ScormVersion): string {
  if (item.type === 'freetext') return version === 'scorm2004' ? 'long-fill-in' : 'fill-in'
  return INTERACTION_TYPES[item.type]
}

type Loose = Partial<Record<string, unknown>>

function ids(list: unknown): string[] {
  return Array.isArray(list) ? list.map((e: { id?: unknown }) => String(e.id)) : []
}

/** The component id lists an item's answers refer to: [sources or choices, targets]. */
function componentIds(item: VersionedItem): [string[], string[]] {
  const loose = item as unknown as Loose
  switch (item.type) {
    case 'single':
    case 'multiple':
      return [ids(loose.options), []]
    case 'ordering':
      return [ids(loose.steps), []]
    case 'matching':
      return [ids(loose.pairs), [...ids(loose.pairs), ...ids(item.distractors)]]
    case 'categorize':
      return [ids(loose.statements), ids(loose.categories)]
    default:
      return [[], []]
  }
}

/** SCORM 1.2's one-character name of an id, by its position; undefined past 36 or when unknown. */
function char(list: readonly string[], id: string): string | undefined {
  const at = list.indexOf(id)
  return at >= 0 && at < CHARS.length ? CHARS[at] : undefined
}

function allDefined(parts: (string | undefined)[]): parts is string[] {
  return parts.every((p) => p !== undefined)
}

/** A text as a 2004 characterstring: at most `max` characters, never starting with `{` (read as a delimiter). */
function text2004(value: string, max: number): string {
  const safe = value.startsWith('{') ? ` ${value}` : value
  return safe.slice(0, max)
}

/** A number as a SCORM decimal ("1e21" and NaN have no such form). */
export function scormDecimal(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined
  const plain = String(Math.round(value * 1e9) / 1e9)
  return DECIMAL.test(plain) ? plain : undefined
}

/** Pairs of (source, target) ids in the item's source order. */
function pairsOf(item: VersionedItem, answer: Answer): [string, string][] {
  const record = answer.type === 'matching' ? answer.matches : answer.type === 'categorize' ? answer.assignments : {}
  const [sources] = componentIds(item)
  return sources.filter((s) => record[s] !== undefined).map((s) => [s, record[s]!])
}

function list2004(parts: string[]): string | undefined {
  return parts.length <= LIST_MAX_2004 ? parts.join('[,]') : undefined
}

function list12(parts: (string | undefined)[]): string | undefined {
  return allDefined(parts) ? parts.join(',') : undefined
}

/** Text kinds, cut to the version's limit. */
function textResponse(value: string, version: ScormVersion, long: boolean): string {
  if (version === 'scorm12') return value.slice(0, LIMIT_12)
  return long ? value.slice(0, LONG_FILL_2004) : text2004(value, FILL_PART_2004)
}

/** The learner's answer as `student_response` (1.2) / `learner_response` (2004); undefined when none fits. */
export function scormResponse(item: VersionedItem, answer: Answer | null, version: ScormVersion): string | undefined {
  if (answer === null || answer.type !== item.type) return undefined
  const [first, second] = componentIds(item)
  const v12 = version === 'scorm12'
  switch (answer.type) {
    case 'single':
      return v12 ? char(first, answer.optionId) : answer.optionId
    case 'multiple':
      return v12 ? list12(answer.optionIds.map((id) => char(first, id))) : list2004(answer.optionIds)
    case 'truefalse':
      return v12 ? (answer.value ? 't' : 'f') : String(answer.value)
    case 'ordering':
      return v12 ? list12(answer.order.map((id) => char(first, id))) : list2004(answer.order)
    case 'matching':
    case 'categorize': {
      const pairs = pairsOf(item, answer)
      if (!v12) return list2004(pairs.map(([s, t]) => `${s}[.]${t}`))
      const named = pairs.map(([s, t]) => [char(first, s), char(second, t)])
      return named.every(([s, t]) => s !== undefined && t !== undefined) ? named.map(([s, t]) => `${s}.${t}`).join(',') : undefined
    }
    case 'cloze': {
      const blanks = item.type === 'cloze' && Array.isArray((item as unknown as Loose).blanks) ? item.blanks.map((b) => b.id) : Object.keys(answer.blanks)
      const parts = blanks.map((b) => answer.blanks[b] ?? '')
      if (v12) return parts.join(',').slice(0, LIMIT_12)
      return parts.slice(0, FILL_PARTS_2004).map((p) => text2004(p, FILL_PART_2004)).join('[,]')
    }
    case 'short':
      return textResponse(answer.text, version, false)
    case 'freetext':
      return textResponse(answer.text, version, !v12)
    case 'numeric': {
      const value = plainNumber(answer.text)
      return value === null ? undefined : scormDecimal(value)
    }
  }
}

/** The right answer as `correct_responses.0.pattern`; undefined for free text, sealed stubs, and what does not fit. */
export function scormCorrectPattern(item: VersionedItem, version: ScormVersion): string | undefined {
  if (isStub(item)) return undefined
  const v12 = version === 'scorm12'
  const [first, second] = componentIds(item)
  switch (item.type) {
    case 'single':
      return scormResponse(item, { type: 'single', optionId: item.answer }, version)
    case 'multiple':
      return scormResponse(item, { type: 'multiple', optionIds: item.answers }, version)
    case 'truefalse':
      return scormResponse(item, { type: 'truefalse', value: item.answer }, version)
    case 'ordering':
      return scormResponse(item, { type: 'ordering', order: item.steps.map((s) => s.id) }, version)
    case 'matching':
      return scormResponse(item, { type: 'matching', matches: Object.fromEntries(item.pairs.map((p) => [p.id, p.id])) }, version)
    case 'categorize': {
      if (!v12) return scormResponse(item, { type: 'categorize', assignments: Object.fromEntries(item.statements.map((s) => [s.id, s.category])) }, version)
      const named = item.statements.map((s) => [char(first, s.id), char(second, s.category)])
      return named.every(([s, t]) => s !== undefined && t !== undefined) ? named.map(([s, t]) => `${s}.${t}`).join(',') : undefined
    }
    case 'cloze':
      return scormResponse(item, { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.accept[0] ?? ''])) }, version)
    case 'short': {
      const first = item.accept[0]
      if (first === undefined) return undefined
      if (v12) return first.slice(0, LIMIT_12)
      return `${item.caseSensitive === true ? '{case_matters=true}' : ''}${text2004(first, FILL_PART_2004)}`
    }
    case 'numeric': {
      const slack = Math.max(item.tolerance?.absolute ?? 0, (item.tolerance?.relative ?? 0) * Math.abs(item.answer))
      // SCORM 1.2 has no range: the exact answer.
      if (slack === 0 || v12) return scormDecimal(item.answer)
      const low = scormDecimal(item.answer - slack)
      const high = scormDecimal(item.answer + slack)
      return low !== undefined && high !== undefined ? `${low}[:]${high}` : undefined
    }
    case 'freetext':
      return undefined
  }
}

/** The graded result as `cmi.interactions.n.result`; undefined while the item waits for an instructor. */
export function scormResult(state: GradeState, score: number, version: ScormVersion): string | undefined {
  switch (state) {
    case 'correct':
      return 'correct'
    case 'incorrect':
    case 'unanswered':
      return version === 'scorm12' ? 'wrong' : 'incorrect'
    case 'partial':
      return scormDecimal(score)
    case 'needs-grading':
      return undefined
  }
}

/** A time of day as SCORM 1.2's CMITime (HH:MM:SS, UTC). */
export function scorm12Time(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19)
}

/** A moment as SCORM 2004's time (second, RTE C.1.4): 2026-12-01T19:30:05.0Z. */
export function scorm2004Time(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}.0Z`
}

/** A duration as SCORM 1.2's CMITimespan (HHHH:MM:SS.SS) or SCORM 2004's ISO 8601 duration (PT1H2M3.5S). */
export function scormDuration(ms: number, version: ScormVersion): string {
  const centis = Math.max(0, Math.round(ms / 10))
  const hours = Math.floor(centis / 360_000)
  const minutes = Math.floor((centis % 360_000) / 6000)
  const seconds = (centis % 6000) / 100
  if (version === 'scorm2004') return `PT${hours}H${minutes}M${seconds}S`
  const two = (n: number) => String(n).padStart(2, '0')
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`
}
