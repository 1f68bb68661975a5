/**
 * `npm run bank:export -- --course <id> --format moodle-xml|gift [--out <file>]`
 *
 * Writes every question bank of a course, lesson by lesson, as one Moodle XML or GIFT file
 * (default `dist/banks/<course>.xml` or `.gift`), and prints what Moodle will see differently
 * (Moodle XML) or what GIFT could not hold (GIFT). The content must pass content:check first.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadContent } from '../src/content/loader.ts'
import { formatProblem } from '../src/content/source.ts'
import type { ExportBank } from '../src/domain/bankFormats/common.ts'
import { toGift } from '../src/domain/bankFormats/gift.ts'
import { toMoodleXml } from '../src/domain/bankFormats/moodleXml.ts'
import type { Item } from '../src/domain/types.ts'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const { values } = parseArgs({
  options: {
    course: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lessons: { type: 'string', default: 'lessons' },
    questions: { type: 'string', default: 'questions' },
  },
})
if (!values.course || (values.format !== 'moodle-xml' && values.format !== 'gift')) {
  fail('usage: npm run bank:export -- --course <id> --format moodle-xml|gift [--out <file>]')
}
const loaded = loadContent({ lessonsDir: values.lessons, questionsDir: values.questions })
const course = loaded.courses.find((c) => c.id === values.course)
if (!course) fail(`there is no course "${values.course}" (courses: ${loaded.courses.map((c) => c.id).join(', ') || 'none'})`)
const problems = loaded.problems.filter((p) => p.file.includes(`${values.course}`))
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p))
  fail(`the course has ${problems.length} problem(s); fix them (npm run content:check) before exporting`)
}

const lessonOrder = new Map(course.lessons.map((l) => [l.id, l.order]))
const banks: ExportBank[] = [...course.banks]
  .sort((a, b) => (lessonOrder.get(a.lesson) ?? 0) - (lessonOrder.get(b.lesson) ?? 0))
  .map((bank) => ({ course: course.id, lesson: bank.lesson, items: bank.items.map(({ lesson: _l, version: _v, ...item }) => item as Item) }))
const count = banks.reduce((n, b) => n + b.items.length, 0)
const xml = values.format === 'moodle-xml'
const out = values.out ?? join('dist', 'banks', `${course.id}.${xml ? 'xml' : 'gift'}`)

let notes: string[]
let written: number
let text: string
let skipped = new Set<string>()
if (xml) {
  const result = toMoodleXml(banks)
  text = result.xml
  written = count
  notes = result.warnings.map((w) => `${w.itemId}: ${w.message}`)
} else {
  const result = toGift(banks)
  text = result.text
  skipped = new Set(result.dropped.filter((d) => d.field === 'item').map((d) => d.itemId))
  written = count - skipped.size
  notes = result.dropped.map((d) => `${d.itemId}: ${d.field === 'item' ? 'not written' : `${d.field} dropped`}: ${d.why}`)
}
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, text)
for (const note of notes) console.log(note)
const sealed = banks.flatMap((b) => b.items).filter((i) => i.sealed && !skipped.has(i.id)).length
if (sealed > 0) console.log(`${sealed} of the items written are sealed (reserved for sealed assessments): their answer keys are in this file, tagged debrief-sealed.`)
console.log(`Wrote ${out}: ${written} of ${count} items in ${banks.length} ${banks.length === 1 ? 'category' : 'categories'}${notes.length > 0 ? `; ${notes.length} note(s) above` : ''}.`)
