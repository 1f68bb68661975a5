/**
 * Moodle XML import: a `<quiz>` file into our items. Questions of types we hold become items
 * (the mapping in docs/bank-formats.md); Moodle types we cannot hold are skipped with a warning;
 * anything malformed is an error at its line, and then no item is returned at all.
 */
import type { Item } from '../types.ts'
import { baseFields, IdAllocator, isId, readFormatted, readMetadata, slug, type BankProblem, type ImportOutcome } from './common.ts'
import { parseExtras, type Extras } from './extras.ts'
import { readQuestionBody } from './moodleXmlTypes.ts'
import { child, children, innerText, readXml, textOf, type XmlElement } from './xmlReader.ts'

/** Moodle's own types that Debrief has no equivalent for: skipped with a warning. */
export const UNSUPPORTED_MOODLE_TYPES = [
  'calculated', 'calculatedsimple', 'calculatedmulti', 'randomsamatch', 'ddwtos', 'ddimageortext', 'ddmarker',
  'gapselect', 'description', 'random', 'multianswer_wiris', 'ddmatch', 'wq', 'coderunner', 'stack',
]
const SUPPORTED = ['multichoice', 'truefalse', 'matching', 'ordering', 'cloze', 'shortanswer', 'numerical', 'essay']

/** What a type reader needs about one question element. */
export interface QuestionContext {
  el: XmlElement
  /** Our text of a Moodle text element (html converted), with images reported. */
  read: (el: XmlElement | undefined) => string
  extras: Extras | undefined
  defaultGrade: number | undefined
  warn: (message: string, line?: number) => void
  fail: (message: string, line?: number) => void
}

export function fromMoodleXml(source: string, file: string): ImportOutcome {
  const parsed = readXml(source)
  if ('error' in parsed) return { errors: [{ file, ...parsed.error }] }
  const root = parsed.root
  if (root.name !== 'quiz') return { errors: [{ file, line: root.line, message: `the top element is <${root.name}>; a Moodle XML file has <quiz> around its questions` }] }

  const errors: BankProblem[] = []
  const warnings: BankProblem[] = []
  const items: Item[] = []
  const categories: { path: string; itemIds: string[] }[] = []
  const ids = new IdAllocator()
  let category: { path: string; itemIds: string[] } | undefined

  for (const q of children(root, 'question')) {
    const type = q.attrs.type ?? ''
    const name = innerText(child(q, 'name'))
    const where = `question "${name || '(no name)'}"`
    const warn = (message: string, line = q.line) => warnings.push({ file, line, message: `${where}: ${message}` })
    const fail = (message: string, line = q.line) => errors.push({ file, line, message: `${where}: ${message}` })
    if (type === 'category') {
      const path = innerText(child(q, 'category'))
      category = { path, itemIds: [] }
      categories.push(category)
      continue
    }
    if (UNSUPPORTED_MOODLE_TYPES.includes(type)) {
      warn(`Moodle's "${type}" questions have no Debrief equivalent; skipped`)
      continue
    }
    if (!SUPPORTED.includes(type)) {
      fail(`unknown question type "${type}": Debrief reads ${SUPPORTED.join(', ')} (and skips Moodle's other types, such as calculated or ddwtos, with a warning)`)
      continue
    }
    const item = readQuestion(q, name, type, ids, warn, fail)
    if (!item) continue
    items.push(item)
    category?.itemIds.push(item.id)
  }
  for (const other of root.children) {
    if ('name' in other && other.name !== 'question') warnings.push({ file, line: other.line, message: `<${other.name}> is not a <question>; ignored` })
  }
  if (errors.length > 0) return { errors }
  if (items.length === 0) {
    return { errors: [{ file, line: root.line, message: 'the file holds no question Debrief can import (see the warnings above)' }, ...warnings] }
  }
  return { items, categories, warnings }
}

function readQuestion(q: XmlElement, name: string, type: string, ids: IdAllocator, warn: QuestionContext['warn'], fail: QuestionContext['fail']): Item | undefined {
  let failed = false
  const failHere = (message: string, line?: number) => {
    failed = true
    fail(message, line)
  }
  const read = (el: XmlElement | undefined) => {
    if (!el) return ''
    const { text, droppedImages } = readFormatted(textOf(child(el, 'text')), el.attrs.format)
    if (droppedImages > 0) warn(`${droppedImages} image(s) dropped: Debrief banks hold text only`, el.line)
    if (/@@PLUGINFILE@@/.test(text)) warn('a link to a file stored in Moodle (@@PLUGINFILE@@) will not work in Debrief', el.line)
    return text
  }
  let extras: Extras | undefined
  const extrasEl = child(q, 'debrief')
  if (extrasEl) {
    const got = parseExtras(textOf(extrasEl))
    if (got.problem) warn(got.problem, extrasEl.line)
    extras = got.extras
  }
  const gradeText = textOf(child(q, 'defaultgrade')).trim()
  const grade = gradeText === '' ? undefined : Number(gradeText)
  if (grade !== undefined && !(grade > 0)) warn(`defaultgrade "${gradeText}" is not a positive number; the item is worth the default`)
  const ctx: QuestionContext = { el: q, read, extras, defaultGrade: grade !== undefined && grade > 0 ? grade : undefined, warn, fail: failHere }

  const stemEl = child(q, 'questiontext')
  const stem = type === 'cloze' ? '' : read(stemEl)
  if (type !== 'cloze' && stem === '') {
    failHere('has no question text (<questiontext><text>…</text></questiontext>)', stemEl?.line)
    return undefined
  }
  const idnumber = textOf(child(q, 'idnumber')).trim()
  const wanted = isId(idnumber) ? idnumber : slug(name || stem)
  const tags = children(child(q, 'tags'), 'tag').map((t) => innerText(t))
  const meta = readMetadata(tags)
  const base = baseFields('', stem, read(child(q, 'generalfeedback')), meta, undefined)
  const body = readQuestionBody(type, ctx)
  if (!body || failed) return undefined
  const { points, ...rest } = body
  return { ...base, ...(rest as object), ...(points === undefined ? {} : { points }), id: ids.take(wanted) } as Item
}

