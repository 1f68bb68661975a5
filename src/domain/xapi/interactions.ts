/**
 * Each item type as an xAPI cmi.interaction activity definition, and a learner's answer as an
 * xAPI response string (xAPI 1.0.3, "Interaction Activities" and "Response patterns").
 *
 * Mapping: single and multiple → choice; truefalse → true-false; matching and categorize →
 * matching; ordering → sequencing; cloze and short → fill-in; numeric → numeric; freetext →
 * long-fill-in. Component ids are the content's own ids: matching's source and target are both
 * pair ids (a prompt's right target is its own pair; distractors are extra targets). Per the spec,
 * choice and sequencing list `choices` (an ordering item's steps), matching `source` and `target`;
 * `steps` belongs to `performance`, which Debrief does not use.
 *
 * Keys: `correctResponsesPattern` comes from the item's key. A sealed stub (`sealed: true`, no
 * key fields) gets no pattern rather than an invented one; so does free text (scored by rubric).
 * Cloze lists one pattern from each blank's first accepted answer; short text lists each accepted
 * answer (at most MAX_PATTERNS), with `{case_matters=true}` when the item compares case.
 */
import type { Answer, VersionedItem } from '../types.ts'
import { isStub } from '../sealedStub.ts'

export type InteractionType = 'choice' | 'true-false' | 'matching' | 'sequencing' | 'fill-in' | 'numeric' | 'long-fill-in'

export interface InteractionComponent {
  id: string
  description: Record<string, string>
}

export interface InteractionDefinition {
  type: string
  name: Record<string, string>
  description?: Record<string, string>
  interactionType: InteractionType
  correctResponsesPattern?: string[]
  choices?: InteractionComponent[]
  source?: InteractionComponent[]
  target?: InteractionComponent[]
  steps?: InteractionComponent[]
}

export const INTERACTION_TYPES: Record<VersionedItem['type'], InteractionType> = {
  single: 'choice',
  multiple: 'choice',
  truefalse: 'true-false',
  matching: 'matching',
  categorize: 'matching',
  ordering: 'sequencing',
  cloze: 'fill-in',
  short: 'fill-in',
  numeric: 'numeric',
  freetext: 'long-fill-in',
}

export const MAX_PATTERNS = 20
const LANG = 'en-US'

function text(value: string): Record<string, string> {
  return { [LANG]: value }
}

/** Components with their texts; a text a stub leaves out becomes the id, so the statement stays valid. */
function components(list: readonly { id: string; text: string | undefined }[] | undefined): InteractionComponent[] {
  return (Array.isArray(list) ? list : []).map((c) => ({ id: c.id, description: text(typeof c.text === 'string' ? c.text : c.id) }))
}

const PLAIN_NUMBER = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\s*[^\d.,\s][^,]*)?$/u

/**
 * The number of a numeric answer for the xAPI response, which must be a number: a plain number,
 * optionally followed by a unit ("12.5 months" → 12.5). Anything with a comma ("1,2", "1,200")
 * is left out rather than guessed, since grading reads commas by its own rules (grading/numeric.ts).
 */
export function plainNumber(text: string): number | null {
  const match = PLAIN_NUMBER.exec(text.trim())
  if (match === null || match[1] === undefined) return null
  const value = Number(match[1])
  return Number.isFinite(value) ? value : null
}

/**
 * True for a sealed stub: the item travels without its key. A full sealed item (unlocked on the
 * instructor's device) also says `sealed: true`; only the stub has no explanation (sealedStub.ts).
 */
export function isSealedStub(item: VersionedItem): boolean {
  return isStub(item)
}

/** Loose view of an item whose key fields may be missing (sealed stubs). */
type Loose = Partial<Record<string, unknown>>

function keyPattern(item: VersionedItem): string[] | undefined {
  const loose = item as unknown as Loose
  switch (item.type) {
    case 'single':
      return typeof loose.answer === 'string' ? [item.answer] : undefined
    case 'multiple':
      return Array.isArray(loose.answers) ? [item.answers.join('[,]')] : undefined
    case 'truefalse':
      return typeof loose.answer === 'boolean' ? [String(item.answer)] : undefined
    case 'matching':
      return Array.isArray(loose.pairs) && item.pairs.every((p) => typeof p.match === 'string') ? [item.pairs.map((p) => `${p.id}[.]${p.id}`).join('[,]')] : undefined
    case 'categorize':
      return Array.isArray(loose.statements) && item.statements.every((s) => typeof s.category === 'string') ? [item.statements.map((s) => `${s.id}[.]${s.category}`).join('[,]')] : undefined
    case 'ordering':
      return Array.isArray(loose.steps) ? [item.steps.map((s) => s.id).join('[,]')] : undefined
    case 'cloze':
      return Array.isArray(loose.blanks) && item.blanks.every((b) => Array.isArray(b.accept) && b.accept.length > 0) ? [item.blanks.map((b) => b.accept[0]).join('[,]')] : undefined
    case 'short': {
      if (!Array.isArray(loose.accept) || item.accept.length === 0) return undefined
      const prefix = item.caseSensitive === true ? '{case_matters=true}' : ''
      return item.accept.slice(0, MAX_PATTERNS).map((a) => `${prefix}${a}`)
    }
    case 'numeric': {
      if (typeof loose.answer !== 'number') return undefined
      const slack = Math.max(item.tolerance?.absolute ?? 0, (item.tolerance?.relative ?? 0) * Math.abs(item.answer))
      return [slack > 0 ? `${item.answer - slack}[:]${item.answer + slack}` : String(item.answer)]
    }
    case 'freetext':
      return undefined
  }
}

function componentLists(item: VersionedItem): Pick<InteractionDefinition, 'choices' | 'source' | 'target' | 'steps'> {
  const loose = item as unknown as Loose
  switch (item.type) {
    case 'single':
    case 'multiple':
      return { choices: components(item.options) }
    case 'matching': {
      const targets = [...(Array.isArray(loose.pairs) ? item.pairs : []).map((p) => ({ id: p.id, text: p.match })), ...(item.distractors ?? [])]
      return { source: components((Array.isArray(loose.pairs) ? item.pairs : []).map((p) => ({ id: p.id, text: p.prompt }))), target: components(targets) }
    }
    case 'categorize':
      return { source: components(item.statements), target: components((Array.isArray(loose.categories) ? item.categories : []).map((c) => ({ id: c.id, text: c.label }))) }
    case 'ordering':
      return { choices: components(item.steps) }
    default:
      return {}
  }
}

/** The activity definition of an item; the stem is its name (shortened) and description. */
export function interactionDefinition(item: VersionedItem): InteractionDefinition {
  const name = item.stem.length > 120 ? `${item.stem.slice(0, 119)}…` : item.stem
  const pattern = isSealedStub(item) ? undefined : keyPattern(item)
  return {
    type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
    name: text(name),
    description: text(item.stem),
    interactionType: INTERACTION_TYPES[item.type],
    ...(pattern !== undefined ? { correctResponsesPattern: pattern } : {}),
    ...componentLists(item),
  }
}

/**
 * The answer in xAPI response format, or undefined when there is none to send: no answer, an
 * answer of another type, a numeric answer that is not a number, or free text while
 * `sendFreeText` is off. Pairs follow the item's own order (prompts, statements, blanks).
 */
export function responseString(item: VersionedItem, answer: Answer | null, sendFreeText: boolean): string | undefined {
  if (answer === null || answer.type !== item.type) return undefined
  switch (answer.type) {
    case 'single':
      return answer.optionId
    case 'multiple':
      return answer.optionIds.join('[,]')
    case 'truefalse':
      return String(answer.value)
    case 'matching': {
      const prompts = item.type === 'matching' ? item.pairs.map((p) => p.id) : Object.keys(answer.matches)
      return prompts.filter((p) => answer.matches[p] !== undefined).map((p) => `${p}[.]${answer.matches[p]}`).join('[,]')
    }
    case 'categorize': {
      const ids = item.type === 'categorize' ? item.statements.map((s) => s.id) : Object.keys(answer.assignments)
      return ids.filter((s) => answer.assignments[s] !== undefined).map((s) => `${s}[.]${answer.assignments[s]}`).join('[,]')
    }
    case 'ordering':
      return answer.order.join('[,]')
    case 'cloze': {
      const ids = item.type === 'cloze' ? item.blanks.map((b) => b.id) : Object.keys(answer.blanks)
      return ids.map((b) => answer.blanks[b] ?? '').join('[,]')
    }
    case 'short':
      return answer.text
    case 'numeric': {
      const value = plainNumber(answer.text)
      return value === null ? undefined : String(value)
    }
    case 'freetext':
      return sendFreeText ? answer.text : undefined
  }
}
