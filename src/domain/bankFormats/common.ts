/**
 * What Moodle XML and GIFT share: the shape of import results, stable ids from Moodle names,
 * our metadata as Moodle tags, and reading Moodle's text formats into Markdown.
 */
import type { Bloom, Difficulty, Item } from '../types.ts'

/** One problem or warning about an input file, at the line to look at. */
export interface BankProblem {
  file: string
  line: number
  message: string
}

export function formatBankProblem(p: BankProblem): string {
  return `${p.file}:${p.line}: ${p.message}`
}

/** A bank to export: a lesson's items, with the course they belong to. */
export interface ExportBank {
  course: string
  lesson: string
  items: Item[]
}

/** What an exporter left out or changed, per item. */
export interface ExportNote {
  itemId: string
  message: string
}

export interface ImportResult {
  items: Item[]
  /** Each Moodle category met, with the ids of the items filed under it (in file order). */
  categories: { path: string; itemIds: string[] }[]
  warnings: BankProblem[]
}
export type ImportOutcome = ImportResult | { errors: BankProblem[] }

/** Placeholders an imported item gets for what Moodle files do not hold; content:check refuses them. */
export const PLACEHOLDER_OBJECTIVE = 'todo-objective'
export const PLACEHOLDER_PASSAGE = 'p-todo-passage'
export const DEFAULT_DIFFICULTY: Difficulty = 2
export const DEFAULT_BLOOM: Bloom = 'understand'
/** Required text Moodle may leave empty (feedback, explanation): the author must write it. */
export const TODO_TEXT = 'TODO: write this text (it was empty in the imported file).'

const ID = /^[a-z][a-z0-9-]*$/

export function isId(text: string): boolean {
  return ID.test(text)
}

/** A lower-case id from any name: "Q1: Which…" → "q1-which"; at most 40 characters, cut at a hyphen. */
export function slug(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length > 40) s = s.slice(0, 40).replace(/-[^-]*$/, '') || s.slice(0, 40)
  if (s === '') s = 'question'
  if (!/^[a-z]/.test(s)) s = `q-${s}`
  return s
}

/** Hands out ids in file order: the wanted id if free, else `-2`, `-3`… (the same file gives the same ids). */
export class IdAllocator {
  private readonly taken = new Set<string>()
  take(wanted: string): string {
    let id = wanted
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}-${n}`
    this.taken.add(id)
    return id
  }
}

// --- our metadata as tags: `debrief-objective:o1-x`, survive Moodle's own export and import ---

const TAG = 'debrief-'

export function metadataTags(item: Item): string[] {
  return [
    `${TAG}objective:${item.objective}`,
    ...item.passages.map((p) => `${TAG}passage:${p}`),
    `${TAG}difficulty:${item.difficulty}`,
    `${TAG}bloom:${item.bloom}`,
    ...(item.sealed ? [`${TAG}sealed`] : []),
  ]
}

export interface Metadata {
  objective?: string
  passages: string[]
  difficulty?: Difficulty
  bloom?: Bloom
  sealed: boolean
}

const BLOOMS: Bloom[] = ['remember', 'understand', 'apply', 'analyze', 'evaluate']

/** Reads our tags back; other tags are ignored. */
export function readMetadata(tags: string[]): Metadata {
  const meta: Metadata = { passages: [], sealed: false }
  for (const tag of tags.map((t) => t.trim())) {
    const [key, value = ''] = [tag.slice(0, tag.indexOf(':') < 0 ? tag.length : tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)]
    if (key === `${TAG}objective` && isId(value)) meta.objective = value
    else if (key === `${TAG}passage` && isId(value)) meta.passages.push(value)
    else if (key === `${TAG}difficulty` && ['1', '2', '3'].includes(value)) meta.difficulty = Number(value) as Difficulty
    else if (key === `${TAG}bloom` && (BLOOMS as string[]).includes(value)) meta.bloom = value as Bloom
    else if (tag === `${TAG}sealed`) meta.sealed = true
  }
  return meta
}

/** The common fields of an imported item, with placeholders for what the file did not say. */
export function baseFields(id: string, stem: string, explanation: string, meta: Metadata, points: number | undefined) {
  return {
    id,
    ...(meta.sealed ? { sealed: true as const } : {}),
    stem,
    explanation: explanation || TODO_TEXT,
    passages: meta.passages.length > 0 ? meta.passages : [PLACEHOLDER_PASSAGE],
    objective: meta.objective ?? PLACEHOLDER_OBJECTIVE,
    difficulty: meta.difficulty ?? DEFAULT_DIFFICULTY,
    bloom: meta.bloom ?? DEFAULT_BLOOM,
    ...(points === undefined ? {} : { points }),
  }
}

// --- Moodle's text formats into the Markdown our banks hold ---

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[body.toLowerCase()] ?? whole
  })
}

/**
 * HTML from Moodle's editor → plain Markdown text. Scripts, styles and every other tag are
 * removed (their text kept); paragraphs and line breaks become line breaks, bold and italics
 * become ** and *. The result is text, so nothing of the HTML can run: our lesson renderer
 * escapes any `<` that is left.
 */
export function htmlToMarkdown(html: string): { text: string; droppedImages: number } {
  let droppedImages = 0
  let s = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '')
  s = s.replace(/<img\b[^>]*>/gi, () => {
    droppedImages++
    return ''
  })
  s = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|ul|ol|blockquote|tr)\s*>/gi, '\n\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<\/?(strong|b)\b[^>]*>/gi, '**')
    .replace(/<\/?(em|i)\b[^>]*>/gi, '*')
    .replace(/<[^>]*>/g, '')
  s = decodeEntities(s)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/- \n\n/g, '- ')
    .trim()
  return { text: s, droppedImages }
}

/** Moodle's `format` attribute → our text (Markdown); html is converted, the others kept. */
export function readFormatted(text: string, format: string | undefined): { text: string; droppedImages: number } {
  if (format === 'html') return htmlToMarkdown(text)
  return { text: text.trim(), droppedImages: 0 }
}

/** Moodle's fractions are percentages; ours are 0..1. Seven decimals, as Moodle writes them. */
export function percent(fraction: number): string {
  return String(Math.round(fraction * 100 * 1e5) / 1e5)
}

/** The grades Moodle's import accepts without "nearest grade" (question/format.php), as fractions. */
export const MOODLE_GRADES = [1, 0.9, 5 / 6, 0.8, 0.75, 0.7, 2 / 3, 0.6, 0.5, 0.4, 1 / 3, 0.3, 0.25, 0.2, 1 / 6, 1 / 7, 0.125, 1 / 9, 0.1, 0.05, 0]

export function isMoodleGrade(fraction: number): boolean {
  return MOODLE_GRADES.some((g) => Math.abs(Math.abs(fraction) - g) < 1e-6)
}
