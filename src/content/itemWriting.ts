/**
 * Item-writing checks: cues that let a test-wise learner score without understanding the brief.
 * They are warnings, not errors: `npm run content:check` prints them as
 * `file:line: field: warning: message` and only `--strict` makes them fail. Pure: each rule reads
 * items and returns findings with a path inside the item (or the bank); the caller turns paths into
 * lines. Each rule, with a bad and a good example, is in docs/content-format.md ("Item-writing checks").
 *
 * Words: "content words" are the words of `words()` (the answer normalisation: case, quotes,
 * Latin diacritics) of at least 4 letters that are not in `STOP_WORDS`, reduced by `stemOf` (itemWords.ts)
 * (a crude suffix strip: -ing, -ed, -es, -s, -ly, keeping at least 4 letters), so "reported" and
 * "reports" compare equal. Option length is the length in characters of the normalised text.
 *
 * Rules:
 * - `longest-key` (item): a single-choice key longer than every other option by a clear margin:
 *   at least 20 % AND at least 10 characters longer than the next longest option.
 *   (bank): among a bank's single-choice items (at least 3), the share whose key is strictly the
 *   longest option exceeds chance (the mean of 1/k over those items, k options) by more than 0.15.
 * - `truefalse-balance` (bank): with at least 4 true/false items, the share answered "true" is
 *   below 40 % or above 60 %. (course): the same over all the course's true/false items, since
 *   quizzes and finals draw across banks; warned at the course's last true/false item.
 * - `clang` (item, single and multiple): a content word of the stem that appears in a key option
 *   and in no distractor, so the echo alone points at the key.
 * - `all-none-of-the-above` (item, single and multiple): an option "all of the above" or
 *   "none of the above" (options are shuffled, and the phrases reward partial knowledge).
 * - `negative-stem` (item, every type): "not", "except" or "never" in the stem without emphasis.
 *   Emphasis is the word in upper case (NOT, EXCEPT, NEVER) or inside markdown emphasis
 *   (`**not**`, `*not*`, `_not_`).
 * - `near-duplicate` (course): two items with the same objective that share a passage and whose
 *   content-word sets (stem and all option, statement, pair and step text, a cloze's text and
 *   first accepted answers) have a Jaccard similarity of at least 0.5. Warned at the later item,
 *   naming both ids. (0.5, not 0.6: on the review's known pairs the overlap is 0.53–0.61.)
 * - `freetext-concept-in-stem` (item, free text): a rubric concept any of whose synonyms already
 *   appears in the stem (`containsPhrase`, as provisional scoring finds it), so pasting the stem
 *   back earns it.
 * - `unanchored-pattern` (item, short text): the grader anchors every pattern as `^(?:p)$`, so a
 *   pattern can only be "unanchored" by re-opening an end: it starts or ends with `.*` or `.+`
 *   (then "no knowledge" passes a pattern `.*knowledge`). Also warned: a pattern without any
 *   regular-expression syntax equal to an `accept` entry (redundant; keep it in `accept`), and a
 *   pattern that writes its own `^` or `$` (redundant now).
 * - `pattern-matches-reject` (item, short text and typed cloze blanks): a pattern or accepted
 *   answer that matches an entry of the item's own `reject` list (after the item's normalisation),
 *   so the key and the wrong-answer list contradict each other.
 * - `dropdown-order` (item, cloze, with the course's blueprints): drop-down options are shuffled per
 *   attempt in practice and in every blueprint with `shuffleOptions: true`; a blueprint with
 *   `shuffleOptions: false` shows them in authored order. For a cloze item such a blueprint can
 *   draw, a drop-down blank whose answer is its first option is warned, and, in an item with at
 *   least two drop-down blanks, the k-th drop-down blank (k ≥ 2) whose answer is its k-th option;
 *   the message names the blueprint. Items only shuffled blueprints draw are never warned.
 */
import { safePatternMatch } from '../domain/grading/text.ts'
import { containsPhrase, normalizeText, normalizeWith } from '../domain/normalize.ts'
import { drawMatches } from '../domain/assembly.ts'
import type { Bank, Blueprint, ClozeItem, FreeTextItem, Item, ShortTextItem } from '../domain/types.ts'
import { contentWords, itemText, jaccard } from './itemWords.ts'
import type { Path } from './source.ts'

export const RULES = [
  'longest-key',
  'truefalse-balance',
  'clang',
  'all-none-of-the-above',
  'negative-stem',
  'near-duplicate',
  'freetext-concept-in-stem',
  'unanchored-pattern',
  'pattern-matches-reject',
  'dropdown-order',
] as const
export type RuleId = (typeof RULES)[number]

/** A finding inside one item (path within the item) or one bank (path within the bank file). */
export interface Finding {
  rule: RuleId
  path: Path
  message: string
}

/** Thresholds, named so the docs and the tests can quote them. */
export const LONGEST_KEY_RATIO = 1.2
export const LONGEST_KEY_CHARS = 10
export const LONGEST_KEY_BANK_MIN = 3
export const LONGEST_KEY_BANK_MARGIN = 0.15
export const TRUEFALSE_MIN = 4
export const TRUEFALSE_LOW = 0.4
export const TRUEFALSE_HIGH = 0.6
export const NEAR_DUPLICATE_JACCARD = 0.5

const length = (text: string) => Array.from(normalizeText(text)).length

export function longestKey(item: Item): Finding[] {
  if (item.type !== 'single') return []
  const key = item.options.find((o) => o.id === item.answer)
  const others = item.options.filter((o) => o.id !== item.answer)
  if (!key || others.length === 0) return []
  const keyLength = length(key.text)
  const next = Math.max(...others.map((o) => length(o.text)))
  if (keyLength < next * LONGEST_KEY_RATIO || keyLength - next < LONGEST_KEY_CHARS) return []
  const index = item.options.indexOf(key)
  return [{ rule: 'longest-key', path: ['options', index, 'text'], message: `the key is the longest option by far (${keyLength} characters, next longest ${next}): shorten it or lengthen the distractors so length does not point at it` }]
}

/** Whether the key of a single-choice item is strictly its longest option. */
export function keyIsLongest(item: Item): boolean {
  if (item.type !== 'single') return false
  const key = item.options.find((o) => o.id === item.answer)
  if (!key) return false
  return item.options.every((o) => o === key || length(o.text) < length(key.text))
}

export function longestKeyShare(bank: Bank): Finding[] {
  const singles = bank.items.filter((i) => i.type === 'single')
  if (singles.length < LONGEST_KEY_BANK_MIN) return []
  const longest = singles.filter(keyIsLongest).length
  const share = longest / singles.length
  const chance = singles.reduce((sum, i) => sum + 1 / i.options.length, 0) / singles.length
  if (share <= chance + LONGEST_KEY_BANK_MARGIN) return []
  const pct = (x: number) => `${Math.round(x * 100)} %`
  return [{ rule: 'longest-key', path: ['items'], message: `the key is the longest option in ${longest} of ${singles.length} single-choice items (${pct(share)}; chance is ${pct(chance)}): even out option lengths so "pick the longest" does not beat chance` }]
}

export function trueFalseBalance(bank: Bank): Finding[] {
  const tf = bank.items.filter((i) => i.type === 'truefalse')
  if (tf.length < TRUEFALSE_MIN) return []
  const trues = tf.filter((i) => i.answer).length
  const share = trues / tf.length
  if (share >= TRUEFALSE_LOW && share <= TRUEFALSE_HIGH) return []
  return [{ rule: 'truefalse-balance', path: ['items'], message: `${trues} of ${tf.length} true/false items are true (${Math.round(share * 100)} %): keep between ${TRUEFALSE_LOW * 100} and ${TRUEFALSE_HIGH * 100} % true so always answering one value does not pay` }]
}

/** `truefalse-balance` over a whole course's items; the finding belongs to the last true/false item (`index`). */
export function courseTrueFalseBalance(items: readonly Item[]): { index: number; finding: Finding }[] {
  const found = trueFalseBalance({ lesson: '', items: items as Bank['items'] })
  const last = items.map((i) => i.type).lastIndexOf('truefalse')
  return found.map((f) => ({ index: last, finding: { ...f, path: ['answer'], message: `across the course, ${f.message}` } }))
}

export function clang(item: Item): Finding[] {
  if (item.type !== 'single' && item.type !== 'multiple') return []
  const keys = item.type === 'single' ? [item.answer] : item.answers
  const stem = contentWords(item.stem)
  const distractorWords = new Set(item.options.filter((o) => !keys.includes(o.id)).flatMap((o) => [...contentWords(o.text)]))
  const out: Finding[] = []
  item.options.forEach((o, i) => {
    if (!keys.includes(o.id)) return
    const echoed = [...contentWords(o.text)].filter((w) => stem.has(w) && !distractorWords.has(w))
    if (echoed.length > 0) out.push({ rule: 'clang', path: ['options', i, 'text'], message: `the key repeats the stem's word(s) ${echoed.map((w) => `"${w}"`).join(', ')}, which no distractor uses: reword the key or use the word in a distractor too` })
  })
  return out
}

const ABOVE = /\b(all|none) of the above\b/i

export function allNoneOfTheAbove(item: Item): Finding[] {
  if (item.type !== 'single' && item.type !== 'multiple') return []
  const out: Finding[] = []
  item.options.forEach((o, i) => {
    const m = ABOVE.exec(normalizeText(o.text))
    if (m) out.push({ rule: 'all-none-of-the-above', path: ['options', i, 'text'], message: `"${m[0]}" rewards partial knowledge and reads oddly once options are shuffled: replace it with a real option` })
  })
  return out
}

const NEGATIVE = /(\*\*|\*|_)?\b(not|except|never)\b(\*\*|\*|_)?/giu

export function negativeStem(item: Item): Finding[] {
  for (const m of item.stem.matchAll(NEGATIVE)) {
    const word = m[2] ?? ''
    const emphasised = word === word.toUpperCase() || (m[1] !== undefined && m[1] === m[3])
    if (!emphasised) return [{ rule: 'negative-stem', path: ['stem'], message: `the stem says "${word}" without emphasis: write it as ${word.toUpperCase()} or **${word}**, or ask the question positively` }]
  }
  return []
}

/** Near-duplicate pairs over a course's items in order; each finding belongs to the later item (`index` into `items`). */
export function nearDuplicates(items: readonly Item[]): { index: number; finding: Finding }[] {
  const sets = items.map((i) => contentWords(itemText(i)))
  const out: { index: number; finding: Finding }[] = []
  for (let later = 1; later < items.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const a = items[earlier]!
      const b = items[later]!
      if (a.objective !== b.objective || !a.passages.some((p) => b.passages.includes(p))) continue
      const j = jaccard(sets[earlier]!, sets[later]!)
      if (j >= NEAR_DUPLICATE_JACCARD) {
        out.push({ index: later, finding: { rule: 'near-duplicate', path: ['id'], message: `"${b.id}" and "${a.id}" share a passage and the objective, with ${Math.round(j * 100)} % of their words in common: retire one or make it test another point` } })
      }
    }
  }
  return out
}

export function freeTextConceptInStem(item: Item): Finding[] {
  if (item.type !== 'freetext') return []
  const ft: FreeTextItem = item
  const out: Finding[] = []
  ft.rubric.forEach((c, i) => {
    c.concepts.forEach((synonyms, j) => {
      const found = synonyms.find((s) => containsPhrase(ft.stem, s))
      if (found !== undefined) out.push({ rule: 'freetext-concept-in-stem', path: ['rubric', i, 'concepts', j], message: `the synonym "${found}" is already in the stem, so pasting the stem back earns this concept: use words the learner has to supply` })
    })
  })
  return out
}

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|]/

export function unanchoredPattern(item: Item): Finding[] {
  if (item.type !== 'short') return []
  const s: ShortTextItem = item
  const out: Finding[] = []
  ;(s.patterns ?? []).forEach((p, i) => {
    const at: Path = ['patterns', i]
    if (/^\.[*+]/.test(p) || /(?<!\\)\.[*+]$/.test(p)) {
      out.push({ rule: 'unanchored-pattern', path: at, message: `starts or ends with ".*": it accepts any answer containing the words (e.g. "not ..." too): match the whole answer instead` })
    } else if (p.startsWith('^') || (p.endsWith('$') && !p.endsWith('\\$'))) {
      out.push({ rule: 'unanchored-pattern', path: at, message: `writes its own ^ or $: every pattern is already anchored to the whole answer; drop them` })
    } else if (!REGEX_SYNTAX.test(p) && s.accept.some((a) => normalizeWith(a, s) === normalizeWith(p, s))) {
      out.push({ rule: 'unanchored-pattern', path: at, message: `is the same as an accept entry: remove the pattern` })
    }
  })
  return out
}

export function patternMatchesReject(item: Item): Finding[] {
  const out: Finding[] = []
  if (item.type === 'short') {
    const s: ShortTextItem = item
    for (const r of s.reject ?? []) {
      const typed = normalizeWith(r, s)
      const p = (s.patterns ?? []).findIndex((pattern) => safePatternMatch(pattern, typed, s))
      if (p >= 0) out.push({ rule: 'pattern-matches-reject', path: ['patterns', p], message: `matches "${r}" from this item's reject list: narrow the pattern (the reject list still wins when grading)` })
      const a = s.accept.findIndex((key) => normalizeWith(key, s) === typed)
      if (a >= 0) out.push({ rule: 'pattern-matches-reject', path: ['accept', a], message: `"${s.accept[a]}" is both accepted and in the reject list: remove it from one of them` })
    }
  }
  if (item.type === 'cloze') {
    const c: ClozeItem = item
    c.blanks.forEach((b, i) => {
      for (const r of b.reject ?? []) {
        const a = b.accept.findIndex((key) => normalizeWith(key, b) === normalizeWith(r, b))
        if (a >= 0) out.push({ rule: 'pattern-matches-reject', path: ['blanks', i, 'accept', a], message: `"${b.accept[a]}" is both accepted and in the reject list: remove it from one of them` })
      }
    })
  }
  return out
}

/** `unshuffledBy`: the id of a blueprint that can draw the item without shuffling; none: never warned. */
export function dropdownOrder(item: Item, unshuffledBy: string | undefined): Finding[] {
  if (item.type !== 'cloze' || unshuffledBy === undefined) return []
  const why = `blueprint "${unshuffledBy}" has shuffleOptions: false and shows drop-downs in authored order`
  const dropdowns = item.blanks.map((b, i) => ({ b, i })).filter(({ b }) => b.options !== undefined)
  const out: Finding[] = []
  dropdowns.forEach(({ b, i }, k) => {
    const answer = b.options!.findIndex((o) => b.accept.some((a) => normalizeText(a) === normalizeText(o)))
    if (answer === 0) {
      out.push({ rule: 'dropdown-order', path: ['blanks', i, 'options'], message: `the answer "${b.options![0]}" is the first option, and ${why}: move it, or let the blueprint shuffle` })
    } else if (dropdowns.length >= 2 && answer === k) {
      out.push({ rule: 'dropdown-order', path: ['blanks', i, 'options'], message: `drop-down ${k + 1}'s answer is its option ${k + 1}, following the blanks' order, and ${why}: move it, or let the blueprint shuffle` })
    }
  })
  return out
}

/** The rules that read one item. */
export const ITEM_RULES: readonly ((item: Item) => Finding[])[] = [longestKey, clang, allNoneOfTheAbove, negativeStem, freeTextConceptInStem, unanchoredPattern, patternMatchesReject]

/** The first blueprint with `shuffleOptions: false` that can draw `item` (of `lesson`), if any. */
export function unshuffledBlueprint(item: Item, lesson: string, blueprints: readonly Blueprint[]): string | undefined {
  const withLesson = { ...item, lesson }
  return blueprints.find((bp) => !bp.shuffleOptions && bp.draws.some((d) => drawMatches(withLesson, d, bp.sealed)))?.id
}
/** The rules that read one bank (paths inside the bank file). */
export const BANK_RULES: readonly ((bank: Bank) => Finding[])[] = [longestKeyShare, trueFalseBalance]

export function itemWarnings(item: Item): Finding[] {
  return ITEM_RULES.flatMap((rule) => rule(item))
}

/** Counts per rule, every rule listed (0 when it found nothing). */
export function countByRule(findings: readonly { rule?: string }[]): Record<RuleId, number> {
  const counts = Object.fromEntries(RULES.map((r) => [r, 0])) as Record<RuleId, number>
  for (const f of findings) if (f.rule !== undefined && f.rule in counts) counts[f.rule as RuleId]++
  return counts
}
