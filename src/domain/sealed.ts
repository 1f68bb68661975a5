/**
 * Sealed assessments (docs/sealed-assessments.md): what a learner's device may hold of an item
 * reserved for a sealed blueprint, and how answers given to that "stub" are read against the
 * full item on the instructor's device.
 *
 * A stub (`publicItem`) keeps what is needed to show the question and accept every kind of
 * answer, and nothing that gives the key away:
 * - kept: id, type, lesson, version (the FULL item's content hash), stem, passages, objective,
 *   difficulty, bloom, points (always set: the full item's maximum), option and category texts,
 *   matching prompts, cloze text and drop-down options, numeric units, free-text `minWords`;
 * - dropped: answer/answers, option weights, every feedback, explanation, accept/patterns/partial/
 *   reject and their comparison flags, tolerance, rubric, modelAnswer;
 * - reordered so the order reveals nothing: options by a hash of their id, cloze drop-down options
 *   alphabetically;
 * - renamed: ordering steps and matching choices get tokens `k1…kn` in the alphabetical order of
 *   their text (authors number steps s1…s4 in the right order, and a matching choice's id is its
 *   pair's id, so the real ids would be the key). Matching prompts keep their ids with an empty
 *   `match`; the choices travel as `distractors`. `fullAnswer` maps tokens back to real ids.
 * Pure, no grading engine. `isStub` lives in sealedStub.ts (re-exported here) so the start and
 * assessment pages can tell a stub without loading the stub maker.
 */
import type { Answer, Attempt, SavedResponse } from './attemptTypes.ts'
import { canonicalJson } from './canonicalJson.ts'
import { isStub, type SealedStub } from './sealedStub.ts'
import type { VersionedItem } from './types.ts'

export { isStub, type SealedStub } from './sealedStub.ts'

/** FNV-1a, 32 bits: a stable order that depends only on public text. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

function byHashOfId<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Parts (id, text) in alphabetical text order, each with its token; ties keep authored order. */
function tokenized(parts: readonly { id: string; text: string }[]): { token: string; id: string; text: string }[] {
  return parts
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => byText(a.text, b.text) || a.i - b.i)
    .map((p, n) => ({ token: `k${n + 1}`, id: p.id, text: p.text }))
}

function maxPoints(item: VersionedItem): number {
  if (item.points !== undefined) return item.points
  if (item.type === 'freetext') {
    const total = item.rubric.reduce((sum, c) => sum + c.points, 0)
    return total > 0 ? total : 1
  }
  return 1
}

function matchingChoices(item: Extract<VersionedItem, { type: 'matching' }>) {
  return tokenized([...item.pairs.map((p) => ({ id: p.id, text: p.match })), ...(item.distractors ?? [])])
}

/** What a learner may see of `item` (rules at the top of the file). A stub is returned as it is. */
export function publicItem(item: VersionedItem): SealedStub {
  if (isStub(item)) return item
  const base = {
    id: item.id,
    lesson: item.lesson,
    version: item.version,
    stem: item.stem,
    passages: [...item.passages],
    objective: item.objective,
    difficulty: item.difficulty,
    bloom: item.bloom,
    points: maxPoints(item),
    sealed: true as const,
  }
  const stub = ((): object => {
    switch (item.type) {
      case 'single':
      case 'multiple':
        return { ...base, type: item.type, options: byHashOfId(item.options).map((o) => ({ id: o.id, text: o.text })) }
      case 'truefalse':
        return { ...base, type: item.type }
      case 'matching':
        return {
          ...base,
          type: item.type,
          pairs: item.pairs.map((p) => ({ id: p.id, prompt: p.prompt, match: '' })),
          distractors: matchingChoices(item).map((c) => ({ id: c.token, text: c.text })),
        }
      case 'ordering':
        return { ...base, type: item.type, steps: tokenized(item.steps).map((s) => ({ id: s.token, text: s.text })) }
      case 'categorize':
        return {
          ...base,
          type: item.type,
          categories: item.categories.map((c) => ({ id: c.id, label: c.label })),
          statements: byHashOfId(item.statements).map((s) => ({ id: s.id, text: s.text })),
        }
      case 'cloze':
        return {
          ...base,
          type: item.type,
          text: item.text,
          blanks: item.blanks.map((b) => (b.options === undefined ? { id: b.id } : { id: b.id, options: [...b.options].sort(byText) })),
        }
      case 'short':
        return { ...base, type: item.type }
      case 'numeric':
        return item.units === undefined ? { ...base, type: item.type } : { ...base, type: item.type, units: [...item.units] }
      case 'freetext':
        return item.minWords === undefined ? { ...base, type: item.type, rubric: [] } : { ...base, type: item.type, rubric: [], minWords: item.minWords }
    }
  })()
  return stub as SealedStub
}

/** True when `stub` is exactly what `publicItem(full)` gives: the import check for a sealed slot. */
export function stubMatches(stub: unknown, full: VersionedItem): boolean {
  if (isStub(full) || !isStub(stub)) return false
  return canonicalJson(stub) === canonicalJson(publicItem(full))
}

/** token → real id of an item's renamed parts (matching choices, ordering steps); empty for other types. */
export function tokenMap(full: VersionedItem): Map<string, string> {
  if (full.type === 'matching') return new Map(matchingChoices(full).map((c) => [c.token, c.id]))
  if (full.type === 'ordering') return new Map(tokenized(full.steps).map((s) => [s.token, s.id]))
  return new Map()
}

/**
 * An answer given to the stub of `full`, in terms of `full`'s own ids, ready for the grading
 * engine. Answers to other types are returned as they are; an unknown token is kept (it grades
 * as wrong, like any unknown id).
 */
export function fullAnswer(full: VersionedItem, answer: Answer): Answer {
  const map = tokenMap(full)
  if (map.size === 0) return answer
  const real = (token: string) => map.get(token) ?? token
  if (answer.type === 'matching' && full.type === 'matching' && answer.matches !== null && typeof answer.matches === 'object') {
    return { type: 'matching', matches: Object.fromEntries(Object.entries(answer.matches).map(([prompt, token]) => [prompt, typeof token === 'string' ? real(token) : token])) }
  }
  if (answer.type === 'ordering' && full.type === 'ordering' && Array.isArray(answer.order)) {
    return { type: 'ordering', order: answer.order.map((token) => (typeof token === 'string' ? real(token) : token)) }
  }
  return answer
}

/** A slot's stored display order (tokens, for a stub's renamed parts) in terms of `full`'s ids. */
export function fullOrder(full: VersionedItem, order: readonly string[] | undefined): string[] | undefined {
  if (order === undefined) return undefined
  const map = tokenMap(full)
  return map.size === 0 ? [...order] : order.map((id) => map.get(id) ?? id)
}

/**
 * Whether an attempt may be graded on this device: every slot's item must be a full item (not a
 * stub). A sealed attempt on a learner's device stays ungraded until the full items are there.
 */
export function canGradeLocally(slots: readonly { version: string }[], itemsByVersion: Readonly<Record<string, VersionedItem | undefined>>): boolean {
  return slots.every((slot) => {
    const item = Object.prototype.hasOwnProperty.call(itemsByVersion, slot.version) ? itemsByVersion[slot.version] : undefined
    return item !== undefined && !isStub(item)
  })
}

/**
 * An attempt made on stubs, turned into one on full items: each slot whose snapshot is a stub and
 * whose full item `fullOf(version)` gives (a full item the stub matches) gets that item as its
 * snapshot, its display order in the item's ids, and its answers mapped by `fullAnswer`. Slots
 * that cannot be unsealed are listed in `sealedLeft` (their versions) and left as they were.
 * Used on import (importChecks.ts) and on a learner's device once results are released.
 */
export function unsealAttempt<A extends Pick<Attempt, 'id' | 'slots' | 'snapshots'>>(
  attempt: A,
  responses: readonly SavedResponse[],
  fullOf: (version: string) => VersionedItem | undefined,
): { attempt: A; responses: SavedResponse[]; sealedLeft: string[] } {
  const snapshots: Record<string, VersionedItem> = { ...attempt.snapshots }
  const unsealed = new Map<string, VersionedItem>()
  const sealedLeft: string[] = []
  const slots = attempt.slots.map((slot) => {
    const snapshot = Object.hasOwn(attempt.snapshots, slot.version) ? attempt.snapshots[slot.version] : undefined
    if (!isStub(snapshot)) return slot
    const full = fullOf(slot.version)
    if (full === undefined || !stubMatches(snapshot, full)) {
      sealedLeft.push(slot.version)
      return slot
    }
    snapshots[slot.version] = full
    unsealed.set(slot.itemId, full)
    const order = fullOrder(full, slot.order)
    return order === undefined ? slot : { ...slot, order }
  })
  const out = responses.map((r) => {
    const full = r.attemptId === attempt.id ? unsealed.get(r.itemId) : undefined
    return full === undefined || r.answer === null ? r : { ...r, answer: fullAnswer(full, r.answer) }
  })
  return { attempt: { ...attempt, slots, snapshots }, responses: out, sealedLeft }
}
