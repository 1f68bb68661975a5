/**
 * GIFT export of question banks (import: giftImport.ts, re-exported here). GIFT holds the
 * simple types only; `dropped` lists, per item, each field (or the whole item) it cannot hold
 * and why. Our id goes in `// [id:…]` and our objective, passages, difficulty and bloom in
 * `// [tag:debrief-…]` comments, which Moodle's GIFT import reads as idnumber and tags.
 * The mapping is in docs/bank-formats.md.
 */
import { optionWeights } from './grading.ts'
import type { Item } from '../types.ts'
import { isMoodleGrade, metadataTags, percent, type ExportBank } from './common.ts'
import { unconventionalIds } from './extras.ts'
import { literalAnswer, patternAsWildcard } from './wildcards.ts'

export { fromGift } from './giftImport.ts'

/** One thing GIFT could not hold: a field of an item (or `item` for the whole item), and why. */
export interface GiftDrop {
  itemId: string
  field: string
  why: string
}

/** GIFT's special characters, escaped with a backslash; a line break is written `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n')
}

const WHOLE: Partial<Record<Item['type'], string>> = {
  ordering: 'GIFT has no ordering questions (use Moodle XML)',
  cloze: 'GIFT has no embedded-answer (cloze) questions (use Moodle XML)',
  categorize: 'GIFT has no categorize questions, and its matching cannot repeat answers (use Moodle XML)',
}

export function toGift(banks: ExportBank[]): { text: string; dropped: GiftDrop[] } {
  const blocks: string[] = []
  const dropped: GiftDrop[] = []
  for (const bank of banks) {
    blocks.push(`$CATEGORY: $course$/top/${bank.course}/${bank.lesson}`)
    for (const item of bank.items) {
      const drop = (field: string, why: string) => dropped.push({ itemId: item.id, field, why })
      const whole = WHOLE[item.type]
      if (whole) {
        drop('item', whole)
        continue
      }
      if (unconventionalIds(item)) drop('part ids', 'GIFT answers have no ids; an import numbers them a, b, c… / m1, m2…')
      const head = [`// [id:${item.id}]`, ...metadataTags(item).map((t) => `// [tag:${t}]`)]
      const answers = answerBlock(item, drop)
      const general = `####${escapeGift(item.explanation)}`
      blocks.push([...head, `::${item.id}::[markdown]${escapeGift(item.stem)} {`, ...answers, general, '}'].join('\n'))
    }
  }
  return { text: blocks.join('\n\n') + '\n', dropped }
}

function fb(text: string | undefined): string {
  return text === undefined ? '' : `#${escapeGift(text)}`
}

function answerBlock(item: Item, drop: (field: string, why: string) => void): string[] {
  if (item.points !== undefined && item.type !== 'freetext') drop('points', 'GIFT has no question mark; set the default mark in Moodle')
  switch (item.type) {
    case 'single':
      return item.options.map((o) => `${o.id === item.answer ? '=' : '~'}${escapeGift(o.text)}${fb(o.feedback)}`)
    case 'multiple': {
      const weights = optionWeights(item)
      const odd = item.options.filter((o) => !isMoodleGrade(weights.get(o.id)!))
      if (odd.length > 0) drop('weights', `${odd.map((o) => percent(weights.get(o.id)!) + '%').join(', ')} are not grades Moodle lists; Moodle's import refuses them unless "nearest grade" is chosen`)
      return item.options.map((o) => `~%${percent(weights.get(o.id)!)}%${escapeGift(o.text)}${fb(o.feedback)}`)
    }
    case 'truefalse':
      return [`${item.answer ? 'TRUE' : 'FALSE'}${fb(item.wrongFeedback)}`]
    case 'matching':
      if (item.pairs.some((p) => p.feedback !== undefined)) drop('pair feedback', 'GIFT matching has no feedback per pair')
      return [...item.pairs.map((p) => `=${escapeGift(p.prompt)} -> ${escapeGift(p.match)}`), ...(item.distractors ?? []).map((d) => `= -> ${escapeGift(d.text)}`)]
    case 'short': {
      const wildcards: string[] = []
      for (const p of item.patterns ?? []) {
        const w = patternAsWildcard(p)
        if (w === undefined) drop('patterns', `"${p}" cannot be written as a Moodle wildcard answer`)
        else wildcards.push(w)
      }
      if (item.caseSensitive) drop('caseSensitive', 'GIFT cannot say that case matters (Moodle XML can)')
      if (item.allowTypo) drop('allowTypo', 'Moodle does not forgive typos')
      if (item.accentSensitive !== undefined) drop('accentSensitive', 'GIFT has no setting for accents')
      return [
        ...(item.reject ?? []).map((r) => `=%0%${escapeGift(literalAnswer(r))}`),
        ...item.accept.map((a) => `=${escapeGift(literalAnswer(a))}`),
        ...(item.partial ?? []).map((p) => `=%${percent(p.fraction)}%${escapeGift(literalAnswer(p.answer))}`),
        ...wildcards.map((w) => `=${escapeGift(w)}`),
        `=%0%*${fb(item.wrongFeedback)}`,
      ]
    }
    case 'numeric': {
      const { absolute, relative } = item.tolerance ?? {}
      const tolerance = Math.max(absolute ?? 0, (relative ?? 0) * Math.abs(item.answer))
      if (relative !== undefined) drop('tolerance', `the relative tolerance is written as Moodle's absolute ±${tolerance}`)
      else if (item.tolerance === undefined) drop('tolerance', 'no tolerance is written as ±0')
      if (item.units) drop('units', 'GIFT numerical questions have no units')
      if (item.unitsCaseSensitive !== undefined) drop('unitsCaseSensitive', 'GIFT numerical questions have no units')
      return ['#', `=${item.answer}:${tolerance}`, `~${fb(item.wrongFeedback)}`]
    }
    case 'freetext':
      drop('rubric', "GIFT essays have no grader information; the rubric and model answer are Debrief's only")
      drop('modelAnswer', 'GIFT essays have no grader information')
      if (item.minWords !== undefined) drop('minWords', 'GIFT essays have no word limit')
      if (item.points !== undefined) drop('points', 'GIFT has no question mark; set the default mark in Moodle')
      return []
  }
  return []
}
