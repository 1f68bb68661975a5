/**
 * `cmi.suspend_data`: the open assessment attempt in a compact, versioned form, so that a launch
 * on another device (empty IndexedDB) can resume it (docs/lms-runtime.md).
 *
 * Format, version 1: JSON `{"v":1,"a":attemptId,"b":blueprintId,"s":seed,"t":startedAt,
 * "d":deadline|null,"i":[item ids in slot order],"n":first interaction index,"p":position,
 * "r":[[slot, answer value, savedAt − startedAt, seq, flagged 0|1, certainty 0..3], …]}`.
 * The answer value is the Answer without its `type` (the slot's item gives it): an option id,
 * id lists, a boolean, id records, or a text. `{"v":1}` alone says no attempt is open.
 *
 * Limits: 4,096 characters in SCORM 1.2, 64,000 in 2004, counted in UTF-16 code units (never
 * fewer than SCORM's characters). When the attempt does not fit, keep in this order of priority
 * and never exceed: the header (ids, seed, times, position) first; then responses in slot order,
 * each whole or not at all (a cut answer would be a different answer); a response that does not
 * fit is left out and the next ones are still tried. If the header alone does not fit, `{"v":1}`.
 */
import type { Answer, Attempt, SavedResponse, VersionedItem } from '../types.ts'

export const SUSPEND_LIMITS = { scorm12: 4096, scorm2004: 64_000 } as const
export const SUSPEND_VERSION = 1

/** What suspend_data holds of an open attempt. */
export interface SuspendedAttempt {
  attemptId: string
  blueprintId: string
  seed: number
  startedAt: number
  deadline: number | null
  itemIds: string[]
  /** The first `cmi.interactions.n` this attempt wrote. */
  interactionBase: number
  position: number
  responses: SuspendedResponse[]
}

export interface SuspendedResponse {
  slot: number
  value: unknown
  savedAt: number
  seq: number
  flagged: boolean
  certainty?: 1 | 2 | 3
}

type Row = [number, unknown, number, number, 0 | 1, number]

/** The suspend_data string of an attempt, within `limit` characters (rules at the top of the file). */
export function encodeSuspendData(suspended: SuspendedAttempt | undefined, limit: number): string {
  const empty = JSON.stringify({ v: SUSPEND_VERSION })
  if (suspended === undefined) return empty
  const header = { v: SUSPEND_VERSION, a: suspended.attemptId, b: suspended.blueprintId, s: suspended.seed, t: suspended.startedAt, d: suspended.deadline, i: suspended.itemIds, n: suspended.interactionBase, p: suspended.position }
  const rows: string[] = []
  const bare = JSON.stringify({ ...header, r: [] })
  if (bare.length > limit) return empty
  // `bare` ends with `[]}`; each row adds its JSON plus a comma after the first.
  let length = bare.length
  for (const r of [...suspended.responses].sort((a, b) => a.slot - b.slot)) {
    const row: Row = [r.slot, r.value, r.savedAt - suspended.startedAt, r.seq, r.flagged ? 1 : 0, r.certainty ?? 0]
    const text = JSON.stringify(row)
    const added = text.length + (rows.length > 0 ? 1 : 0)
    if (length + added > limit) continue
    rows.push(text)
    length += added
  }
  return `${bare.slice(0, -2)}${rows.join(',')}]}`
}

export type DecodedSuspendData = { ok: true; attempt: SuspendedAttempt | undefined } | { ok: false; problem: string }

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200

/** Reads suspend_data back; "" and `{"v":1}` are no attempt. A malformed value is a problem in words, never a throw. */
export function decodeSuspendData(text: string): DecodedSuspendData {
  if (text.trim() === '') return { ok: true, attempt: undefined }
  const bad = (what: string): DecodedSuspendData => ({ ok: false, problem: `The course system's saved place (suspend_data) ${what}, so Debrief cannot resume from it.` })
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return bad('is not data Debrief wrote')
  }
  if (data === null || typeof data !== 'object') return bad('is not data Debrief wrote')
  const d = data as Record<string, unknown>
  if (d.v !== SUSPEND_VERSION) return bad(`is version ${String(d.v)}, which this Debrief does not read`)
  if (d.a === undefined) return { ok: true, attempt: undefined }
  if (!isId(d.a) || !isId(d.b) || !isInt(d.s) || !isInt(d.t) || !(d.d === null || isInt(d.d)) || !isInt(d.n) || !isInt(d.p)) return bad('has a broken attempt header')
  if (!Array.isArray(d.i) || !d.i.every(isId) || !Array.isArray(d.r)) return bad('has a broken list of questions')
  const itemIds = d.i as string[]
  const responses: SuspendedResponse[] = []
  for (const row of d.r as unknown[]) {
    if (!Array.isArray(row) || row.length !== 6) return bad('has a broken answer')
    const [slot, value, offset, seq, flag, certainty] = row as unknown[]
    if (!isInt(slot) || slot < 0 || slot >= itemIds.length || !isInt(offset) || !isInt(seq) || seq < 1 || (flag !== 0 && flag !== 1) || !isInt(certainty) || certainty < 0 || certainty > 3) return bad('has a broken answer')
    responses.push({ slot, value, savedAt: d.t + offset, seq, flagged: flag === 1, ...(certainty > 0 ? { certainty: certainty as 1 | 2 | 3 } : {}) })
  }
  return { ok: true, attempt: { attemptId: d.a, blueprintId: d.b, seed: d.s, startedAt: d.t, deadline: d.d as number | null, itemIds, interactionBase: d.n, position: d.p, responses } }
}

/** The value suspend_data keeps of an answer (the answer without its type). */
export function answerValue(answer: Answer | null): unknown {
  if (answer === null) return null
  const { type: _type, ...rest } = answer
  const values = Object.values(rest)
  return values.length === 1 ? values[0] : rest
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')
}
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** An answer back from its value, for an item of this type; undefined when the value does not fit the type. */
export function answerFromValue(type: VersionedItem['type'], value: unknown): Answer | null | undefined {
  if (value === null) return null
  switch (type) {
    case 'single':
      return typeof value === 'string' ? { type, optionId: value } : undefined
    case 'multiple':
      return isStringList(value) ? { type, optionIds: value } : undefined
    case 'truefalse':
      return typeof value === 'boolean' ? { type, value } : undefined
    case 'matching':
      return isStringRecord(value) ? { type, matches: value } : undefined
    case 'ordering':
      return isStringList(value) ? { type, order: value } : undefined
    case 'categorize':
      return isStringRecord(value) ? { type, assignments: value } : undefined
    case 'cloze':
      return isStringRecord(value) ? { type, blanks: value } : undefined
    case 'short':
    case 'numeric':
    case 'freetext':
      return typeof value === 'string' ? { type, text: value } : undefined
  }
}

/** What suspend_data keeps of an open attempt and its latest responses. */
export function suspendAttempt(attempt: Attempt, responses: readonly SavedResponse[], interactionBase: number, position: number): SuspendedAttempt {
  const slotOf = new Map(attempt.slots.map((s, i) => [s.itemId, i]))
  const latest = new Map<string, SavedResponse>()
  for (const r of responses) if (r.attemptId === attempt.id && (latest.get(r.itemId)?.seq ?? 0) < r.seq) latest.set(r.itemId, r)
  return {
    attemptId: attempt.id,
    blueprintId: attempt.sourceId,
    seed: attempt.seed,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    itemIds: attempt.slots.map((s) => s.itemId),
    interactionBase,
    position,
    responses: [...latest.values()]
      .filter((r) => slotOf.has(r.itemId))
      .map((r) => ({ slot: slotOf.get(r.itemId)!, value: answerValue(r.answer), savedAt: r.savedAt, seq: r.seq, flagged: r.flagged, ...(r.certainty !== undefined ? { certainty: r.certainty } : {}) })),
  }
}
