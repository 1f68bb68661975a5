/**
 * The words the item-writing checks compare (`itemWriting.ts`): content words are words of at
 * least 4 letters, not on a small stop list, reduced by a crude stem so that inflections match;
 * an item's text is everything a learner reads of it.
 */
import { words } from '../domain/normalize.ts'
import type { Item } from '../domain/types.ts'

export const STOP_WORDS = new Set([
  'about', 'above', 'after', 'again', 'also', 'been', 'before', 'being', 'below', 'both', 'brief',
  'but', 'could', 'does', 'doing', 'down', 'each', 'from', 'further', 'have', 'having', 'here',
  'into', 'itself', 'just', 'more', 'most', 'only', 'other', 'over', 'same', 'says', 'should',
  'some', 'such', 'than', 'that', 'their', 'them', 'then', 'there', 'these', 'they', 'this',
  'those', 'through', 'under', 'until', 'very', 'were', 'what', 'when', 'where', 'which', 'while',
  'will', 'with', 'would', 'your', 'said', 'says', 'saying',
])

/** Crude stem: strips -ing, -ed, -es, -s, -ly while at least 4 letters remain. */
export function stemOf(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 'ly', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length)
  }
  return word
}

/** The set of content-word stems of a text (rules at the top). */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length >= 4 && !STOP_WORDS.has(w) && /\p{L}/u.test(w)).map(stemOf))
}

/** Every text of an item a learner reads, for near-duplicate comparison. */
export function itemText(item: Item): string {
  const parts = [item.stem]
  switch (item.type) {
    case 'single':
    case 'multiple':
      parts.push(...item.options.map((o) => o.text))
      break
    case 'matching':
      parts.push(...item.pairs.flatMap((p) => [p.prompt, p.match]), ...(item.distractors ?? []).map((d) => d.text))
      break
    case 'ordering':
      parts.push(...item.steps.map((s) => s.text))
      break
    case 'categorize':
      parts.push(...item.statements.map((s) => s.text))
      break
    case 'cloze':
      parts.push(item.text.replace(/\{\{[^}]*\}\}/g, ' '), ...item.blanks.flatMap((b) => b.accept.slice(0, 1)))
      break
    case 'short':
      parts.push(...item.accept.slice(0, 1))
      break
    default:
      break
  }
  return parts.join(' ')
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0
  let both = 0
  for (const w of a) if (b.has(w)) both++
  return both / (a.size + b.size - both)
}

