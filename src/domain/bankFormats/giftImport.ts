/**
 * GIFT import (Moodle's format, read by our own parser; gift-pegjs is only a second opinion in
 * the tests). Questions are separated by blank lines; `//` lines are comments, where
 * `[id:…]` gives the id and `[tag:…]` the tags; `$CATEGORY:` starts a category.
 */
import type { Item } from '../types.ts'
import { baseFields, IdAllocator, isId, readFormatted, readMetadata, slug, type BankProblem, type ImportOutcome } from './common.ts'
import { findUnescaped, readGiftAnswers, unescapeGift, type GiftContext } from './giftAnswers.ts'

export const MAX_GIFT_BYTES = 5 * 1024 * 1024

interface Line {
  n: number
  text: string
}

export function fromGift(source: string, file: string): ImportOutcome {
  if (source.length > MAX_GIFT_BYTES) {
    return { errors: [{ file, line: 1, message: `the file is ${(source.length / 1024 / 1024).toFixed(1)} MB; a bank file may be at most 5 MB: split it into several files` }] }
  }
  const errors: BankProblem[] = []
  const warnings: BankProblem[] = []
  const items: Item[] = []
  const categories: { path: string; itemIds: string[] }[] = []
  let category: { path: string; itemIds: string[] } | undefined
  const ids = new IdAllocator()

  for (const block of blocks(source.replace(/^\uFEFF/, ''))) {
    const comments = block.filter((l) => l.text.trim().startsWith('//'))
    const body = block.filter((l) => !l.text.trim().startsWith('//'))
    if (body.length === 0) continue
    const first = body[0]!
    const cat = /^\s*\$CATEGORY:\s*(.*)$/.exec(first.text)
    if (cat) {
      category = { path: cat[1]!.trim(), itemIds: [] }
      categories.push(category)
      if (body.length > 1) errors.push({ file, line: body[1]!.n, message: 'a $CATEGORY: line must be followed by a blank line before the next question' })
      continue
    }
    const text = body.map((l) => l.text).join('\n')
    const lineAt = (offset: number) => first.n + (text.slice(0, offset).match(/\n/g)?.length ?? 0)
    const item = readQuestion(text, comments.map((l) => l.text).join('\n'), lineAt, ids, file, errors, warnings)
    if (!item) continue
    items.push(item)
    category?.itemIds.push(item.id)
  }
  if (errors.length > 0) return { errors }
  if (items.length === 0) return { errors: [{ file, line: 1, message: 'the file holds no question Debrief can import' }, ...warnings] }
  return { items, categories, warnings }
}

/** Lines grouped into blocks separated by blank lines, keeping each line's number. */
function blocks(source: string): Line[][] {
  const out: Line[][] = []
  let current: Line[] = []
  source.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === '') {
      if (current.length > 0) out.push(current)
      current = []
    } else current.push({ n: i + 1, text })
  })
  if (current.length > 0) out.push(current)
  return out
}

function readQuestion(text: string, comments: string, lineAt: (offset: number) => number, ids: IdAllocator, file: string, errors: BankProblem[], warnings: BankProblem[]): Item | undefined {
  let rest = text.trim()
  let title = ''
  const start = text.indexOf(rest)
  if (rest.startsWith('::')) {
    const end = findUnescaped(rest, '::', 2)
    if (end < 0) {
      errors.push({ file, line: lineAt(start), message: 'the title "::…" is never closed with "::" (write \\: for a colon inside it)' })
      return undefined
    }
    title = unescapeGift(rest.slice(2, end)).trim()
    rest = rest.slice(end + 2)
  }
  const where = `question "${title || rest.slice(0, 30)}"`
  const warn = (message: string, line = lineAt(start)) => warnings.push({ file, line, message: `${where}: ${message}` })
  const fail = (message: string, line = lineAt(start)) => errors.push({ file, line, message: `${where}: ${message}` })

  const format = /^\s*\[(html|moodle|plain|markdown)\]/.exec(rest)
  if (format) rest = rest.slice(format[0].length)
  const open = findUnescaped(rest, '{')
  const offset = text.trimEnd().length - rest.length
  if (open < 0) {
    warn('has no answers {…}: a description, not a question; skipped')
    return undefined
  }
  const close = findUnescaped(rest, '}', open + 1)
  if (close < 0) {
    fail('the answers "{" are never closed with "}" (write \\} for a "}" in the text)', lineAt(offset + open))
    return undefined
  }
  const read = (raw: string) => {
    const { text: out, droppedImages } = readFormatted(unescapeGift(raw), format?.[1] === 'html' ? 'html' : undefined)
    if (droppedImages > 0) warn(`${droppedImages} image(s) dropped: Debrief banks hold text only`)
    return out
  }
  const before = read(rest.slice(0, open))
  const after = read(rest.slice(close + 1))
  const stem = after === '' ? before : `${before} _____ ${after}`
  if (stem === '') {
    fail('has no question text')
    return undefined
  }
  const idMatch = /\[id:([^\]]+)\]/.exec(comments)
  const tags = [...comments.matchAll(/\[tag:([^\]]+)\]/g)].map((m) => m[1]!)
  const meta = readMetadata(tags)
  const ctx: GiftContext = { read, warn, fail: (m: string, at = -1) => fail(m, lineAt(offset + open + 1 + at)) }
  const answers = readGiftAnswers(rest.slice(open + 1, close), ctx)
  if (!answers) return undefined
  const id = idMatch && isId(idMatch[1]!.trim()) ? idMatch[1]!.trim() : slug(title || stem)
  return { ...baseFields(ids.take(id), stem, answers.explanation, meta, undefined), ...answers.body } as Item
}
