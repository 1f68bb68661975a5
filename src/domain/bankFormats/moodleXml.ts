/**
 * Moodle XML export of question banks (import: moodleXmlImport.ts, re-exported here).
 *
 * Each bank becomes a `$course$/top/<course>/<lesson>` category followed by its questions; our
 * text is Markdown (`format="markdown"`), our id is the `idnumber`, our objective, passages,
 * difficulty and bloom are tags (`debrief-objective:o1-…`), and what Moodle has no field for is
 * kept in a `<debrief>` element (extras.ts). The mapping is in docs/bank-formats.md.
 */
import { itemMax, optionWeights } from './grading.ts'
import type { CategorizeItem, ClozeItem, FreeTextItem, Item, MatchingItem, MultipleResponseItem, NumericItem, OrderingItem, ShortTextItem } from '../types.ts'
import { encodeBlank } from './cloze.ts'
import { isMoodleGrade, metadataTags, percent, type ExportBank, type ExportNote } from './common.ts'
import { EXTRAS_VERSION, unconventionalIds, type Extras } from './extras.ts'
import { literalAnswer, patternAsWildcard } from './wildcards.ts'

export { fromMoodleXml } from './moodleXmlImport.ts'

/** Moodle's ordering grading types for our `scoring` (qtype_ordering's export names). */
export const ORDERING_GRADING = { 'longest-ordered-subset': 'LONGEST_ORDERED_SUBSET', 'relative-to-next': 'RELATIVE_NEXT_EXCLUDE_LAST', 'all-or-nothing': 'ALL_OR_NOTHING' } as const

const MOODLE_TYPE: Record<Item['type'], string> = {
  single: 'multichoice', multiple: 'multichoice', truefalse: 'truefalse', matching: 'matching', ordering: 'ordering',
  categorize: 'matching', cloze: 'cloze', short: 'shortanswer', numeric: 'numerical', freetext: 'essay',
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Text in CDATA, so Markdown and quotes stay readable; `]]>` is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
}

function text(value: string, indent: string): string {
  return `${indent}<text>${value === '' ? '' : cdata(value)}</text>`
}

function formatted(tag: string, value: string, indent: string, format = 'markdown'): string {
  return `${indent}<${tag} format="${format}">\n${text(value, indent + '  ')}\n${indent}</${tag}>`
}

function answer(fraction: number, value: string, feedback: string | undefined, indent: string, extra = ''): string {
  const fb = feedback === undefined ? '' : `\n${formatted('feedback', feedback, indent + '  ')}`
  return `${indent}<answer fraction="${percent(fraction)}" format="markdown">\n${text(value, indent + '  ')}${extra}${fb}\n${indent}</answer>`
}

/** Writes the banks as one Moodle XML file; `warnings` says per item what Moodle will see differently. */
export function toMoodleXml(banks: ExportBank[]): { xml: string; warnings: ExportNote[] } {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>']
  const warnings: ExportNote[] = []
  for (const bank of banks) {
    out.push(`  <question type="category">`, `    <category>`, text(`$course$/top/${bank.course}/${bank.lesson}`, '      '), `    </category>`, `  </question>`)
    for (const item of bank.items) out.push(question(item, (message) => warnings.push({ itemId: item.id, message })))
  }
  out.push('</quiz>', I)
  return { xml: out.join('\n'), warnings }
}

const I = '    '

function question(item: Item, warn: (m: string) => void): string {
  const i = I
  const extras: Extras = { v: EXTRAS_VERSION }
  const ids = unconventionalIds(item)
  if (ids) extras.ids = ids
  const stem = item.type === 'cloze' ? clozeText(item, extras) : item.stem
  const lines = [
    `  <question type="${MOODLE_TYPE[item.type]}">`,
    `${i}<name>\n${text(item.id, i + '  ')}\n${i}</name>`,
    formatted('questiontext', stem, i),
    formatted('generalfeedback', item.explanation, i),
    `${i}<defaultgrade>${itemMax(item)}</defaultgrade>`,
    `${i}<penalty>0.3333333</penalty>`,
    `${i}<hidden>0</hidden>`,
    `${i}<idnumber>${escapeXml(item.id)}</idnumber>`,
    ...body(item, extras, warn).map((l) => (l.startsWith(' ') ? l : i + l)),
    `${i}<tags>`,
    ...metadataTags(item).map((t) => `${i}  <tag>${text(t, I).trim()}</tag>`),
    `${i}</tags>`,
  ]
  if (Object.keys(extras).length > 1) lines.push(`${i}<debrief>${cdata(JSON.stringify(extras))}</debrief>`)
  lines.push('  </question>')
  return lines.join('\n')
}

function body(item: Item, extras: Extras, warn: (m: string) => void): string[] {
  switch (item.type) {
    case 'single':
      return [
        '<single>true</single>', '<shuffleanswers>true</shuffleanswers>', '<answernumbering>abc</answernumbering>',
        ...item.options.map((o) => answer(o.id === item.answer ? 1 : 0, o.text, o.feedback, I)),
      ]
    case 'multiple':
      return multiple(item, warn)
    case 'truefalse':
      return [answer(item.answer ? 1 : 0, 'true', item.answer ? undefined : item.wrongFeedback, I), answer(item.answer ? 0 : 1, 'false', item.answer ? item.wrongFeedback : undefined, I)]
    case 'matching':
      return matching(item, extras)
    case 'categorize':
      return categorize(item, extras, warn)
    case 'ordering':
      return ordering(item)
    case 'cloze':
      return []
    case 'short':
      return short(item, extras, warn)
    case 'numeric':
      return numeric(item, extras, warn)
    case 'freetext':
      return essay(item, extras)
  }
}

function multiple(item: MultipleResponseItem, warn: (m: string) => void): string[] {
  const weights = optionWeights(item)
  const odd = item.options.filter((o) => !isMoodleGrade(weights.get(o.id)!))
  if (odd.length > 0) warn(`weights ${odd.map((o) => percent(weights.get(o.id)!) + '%').join(', ')} are not grades Moodle lists: import it into Moodle with "Nearest grade if not listed"`)
  return [
    '<single>false</single>', '<shuffleanswers>true</shuffleanswers>', '<answernumbering>abc</answernumbering>',
    ...item.options.map((o) => answer(weights.get(o.id)!, o.text, o.feedback, I)),
  ]
}

function subquestion(prompt: string, match: string): string {
  return `${I}<subquestion format="markdown">\n${text(prompt, I + '  ')}\n${I}  <answer>\n${text(match, I + '    ')}\n${I}  </answer>\n${I}</subquestion>`
}

function matching(item: MatchingItem, extras: Extras): string[] {
  if (item.pairs.some((p) => p.feedback !== undefined)) extras.pairFeedback = item.pairs.map((p) => p.feedback ?? null)
  return ['<shuffleanswers>true</shuffleanswers>', ...item.pairs.map((p) => subquestion(p.prompt, p.match)), ...(item.distractors ?? []).map((d) => subquestion('', d.text))]
}

function categorize(item: CategorizeItem, extras: Extras, warn: (m: string) => void): string[] {
  const label = new Map(item.categories.map((c) => [c.id, c.label]))
  const used = new Set(item.statements.map((s) => s.category))
  extras.categorize = { categories: item.categories, feedback: item.statements.map((s) => s.feedback ?? null) }
  warn(`categorize becomes a Moodle matching question: each of the ${item.statements.length} statements is matched to one of the ${item.categories.length} category names`)
  return [
    '<shuffleanswers>true</shuffleanswers>',
    ...item.statements.map((s) => subquestion(s.text, label.get(s.category) ?? s.category)),
    ...item.categories.filter((c) => !used.has(c.id)).map((c) => subquestion('', c.label)),
  ]
}

function ordering(item: OrderingItem): string[] {
  return [
    '<layouttype>VERTICAL</layouttype>', '<selecttype>ALL</selecttype>', `<selectcount>${item.steps.length}</selectcount>`,
    `<gradingtype>${ORDERING_GRADING[item.scoring ?? 'longest-ordered-subset']}</gradingtype>`, '<showgrading>SHOW</showgrading>', '<numberingstyle>none</numberingstyle>',
    ...(item.wrongFeedback === undefined ? [] : [formatted('incorrectfeedback', item.wrongFeedback, I)]),
    ...item.steps.map((s, n) => answer(n + 1, s.text, undefined, I).replace(/fraction="[^"]*"/, `fraction="${n + 1}"`)),
  ]
}

function clozeText(item: ClozeItem, extras: Extras): string {
  const blanks = new Map(item.blanks.map((b) => [b.id, b]))
  const filled = item.text.replace(/\{\{([a-z][a-z0-9-]*)\}\}/g, (whole, id: string) => (blanks.has(id) ? encodeBlank(blanks.get(id)!) : whole))
  extras.stemParagraphs = item.stem.split(/\n\s*\n/).length
  if (item.blanks.some((b) => b.accentSensitive !== undefined)) extras.blankAccent = item.blanks.map((b) => b.accentSensitive ?? null)
  if (item.points !== undefined) extras.points = item.points
  return `${item.stem}\n\n${filled}`
}

function short(item: ShortTextItem, extras: Extras, warn: (m: string) => void): string[] {
  const wildcards: string[] = []
  const lost: string[] = []
  for (const p of item.patterns ?? []) {
    const w = patternAsWildcard(p)
    if (w === undefined) lost.push(p)
    else wildcards.push(w)
  }
  if (item.patterns) extras.patterns = item.patterns
  if (lost.length > 0) warn(`${lost.length} of ${item.patterns!.length} patterns cannot be written as Moodle wildcard answers (${lost.map((p) => `"${p}"`).join(', ')}): Moodle accepts only the listed answers`)
  if (item.allowTypo) {
    extras.allowTypo = true
    warn('Moodle does not forgive a typo (allowTypo)')
  }
  if (item.accentSensitive !== undefined) extras.accentSensitive = item.accentSensitive
  const odd = (item.partial ?? []).filter((p) => !isMoodleGrade(p.fraction))
  if (odd.length > 0) warn(`partial credit ${odd.map((p) => percent(p.fraction) + '%').join(', ')} is not a grade Moodle lists: import with "Nearest grade if not listed"`)
  return [
    `<usecase>${item.caseSensitive ? 1 : 0}</usecase>`,
    ...(item.reject ?? []).map((r) => answer(0, literalAnswer(r), undefined, I)),
    ...item.accept.map((a) => answer(1, literalAnswer(a), undefined, I)),
    ...(item.partial ?? []).map((p) => answer(p.fraction, literalAnswer(p.answer), undefined, I)),
    ...wildcards.map((w) => answer(1, w, undefined, I)),
    answer(0, '*', item.wrongFeedback, I),
  ]
}

function numeric(item: NumericItem, extras: Extras, warn: (m: string) => void): string[] {
  const { absolute, relative } = item.tolerance ?? {}
  const tolerance = Math.max(absolute ?? 0, (relative ?? 0) * Math.abs(item.answer))
  const plain = item.tolerance !== undefined && relative === undefined && absolute !== undefined
  if (!plain) extras.tolerance = item.tolerance ?? null
  if (item.unitsCaseSensitive !== undefined) extras.unitsCaseSensitive = item.unitsCaseSensitive
  if (relative !== undefined) warn(`the relative tolerance becomes Moodle's absolute tolerance ±${tolerance}`)
  const tol = (t: number) => `\n${I}  <tolerance>${t}</tolerance>`
  const units = item.units ?? []
  return [
    answer(1, String(item.answer), undefined, I, tol(tolerance)),
    answer(0, '*', item.wrongFeedback, I, tol(0)),
    ...(units.length === 0 ? [] : ['<units>', ...units.map((u) => `${I}  <unit>\n${I}    <multiplier>1</multiplier>\n${I}    <unit_name>${escapeXml(u)}</unit_name>\n${I}  </unit>`), '</units>']),
    '<unitgradingtype>0</unitgradingtype>', '<unitpenalty>0.1000000</unitpenalty>', `<showunits>${units.length === 0 ? 3 : 0}</showunits>`, '<unitsleft>0</unitsleft>',
  ]
}

/** The rubric and model answer as the grader reads them in Moodle. */
export function graderInfo(item: FreeTextItem): string {
  const criteria = item.rubric.map((c, n) => `${n + 1}. ${c.text} (${c.points} ${c.points === 1 ? 'point' : 'points'}; looks for: ${c.concepts.map((k) => k.join(' / ')).join('; ')})`)
  return [`**Rubric**`, '', ...criteria, '', `**Model answer**`, '', item.modelAnswer].join('\n')
}

function essay(item: FreeTextItem, extras: Extras): string[] {
  extras.rubric = item.rubric
  extras.modelAnswer = item.modelAnswer
  return [
    '<responseformat>plain</responseformat>', '<responserequired>1</responserequired>', '<responsefieldlines>10</responsefieldlines>',
    `<minwordlimit>${item.minWords ?? ''}</minwordlimit>`, '<maxwordlimit></maxwordlimit>', '<attachments>0</attachments>', '<attachmentsrequired>0</attachmentsrequired>',
    formatted('graderinfo', graderInfo(item), I),
    formatted('responsetemplate', '', I),
  ]
}
