/**
 * `npm run bank:import -- <file.xml|file.gift> --course <id> --lesson <id> [--out <file.yaml>] [--force]`
 *
 * Reads a Moodle XML or GIFT file and writes a question bank YAML for one lesson (default
 * `questions/<course>/<lesson>-imported.yaml`). Ids come from the file's idnumbers / `[id:]`
 * comments, else from the question names (the same file always gives the same ids). What
 * Moodle files do not hold is left as placeholders that `npm run content:check` reports
 * (`objective: todo-objective`, `passages: [p-todo-passage]`), listed in a comment at the top.
 * A bad file prints `file:line: what is wrong`, exits 1 and writes nothing; so does an existing
 * output file, unless `--force`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { Document } from 'yaml'
import { formatBankProblem, PLACEHOLDER_OBJECTIVE, PLACEHOLDER_PASSAGE, TODO_TEXT, type ImportOutcome } from '../src/domain/bankFormats/common.ts'
import { fromGift } from '../src/domain/bankFormats/gift.ts'
import { fromMoodleXml } from '../src/domain/bankFormats/moodleXml.ts'
import { MAX_XML_BYTES } from '../src/domain/bankFormats/xmlReader.ts'
import type { Item } from '../src/domain/types.ts'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    course: { type: 'string' },
    lesson: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    questions: { type: 'string', default: 'questions' },
    lessons: { type: 'string', default: 'lessons' },
  },
})
const usage = 'usage: npm run bank:import -- <file.xml|file.gift> --course <id> --lesson <id> [--out <file.yaml>] [--force]'
const [input] = positionals
if (!input || !values.course || !values.lesson) fail(usage)
const idPattern = /^[a-z][a-z0-9-]*$/
if (!idPattern.test(values.course) || !idPattern.test(values.lesson)) fail('--course and --lesson take ids: lower-case letters, digits and hyphens, starting with a letter')
if (!existsSync(input) || !statSync(input).isFile()) fail(`${input}: no such file`)
if (statSync(input).size > MAX_XML_BYTES) fail(`${input}:1: the file is ${(statSync(input).size / 1024 / 1024).toFixed(1)} MB; a bank file may be at most 5 MB: split it into several files`)
const ext = extname(input).toLowerCase()
if (!['.xml', '.gift', '.txt'].includes(ext)) fail(`${input}: give a Moodle XML file (.xml) or a GIFT file (.gift or .txt)`)
const out = values.out ?? join(values.questions, values.course, `${values.lesson}-imported.yaml`)
if (!values.out && !existsSync(join(values.questions, values.course))) fail(`there is no course "${values.course}": ${join(values.questions, values.course)} does not exist (or give --out)`)
if (existsSync(out) && !values.force) fail(`${out} exists already; give --force to replace it, or --out another file`)

const source = readFileSync(input, 'utf8')
const result: ImportOutcome = ext === '.xml' ? fromMoodleXml(source, input) : fromGift(source, input)
if ('errors' in result) {
  for (const e of result.errors) console.error(formatBankProblem(e))
  fail(`${input}: nothing was written; fix the problems above and run the import again`)
}
for (const w of result.warnings) console.error(`${w.file}:${w.line}: warning: ${w.message}`)
const lessonDir = join(values.lessons, values.course)
if (existsSync(lessonDir)) {
  const known = readdirSync(lessonDir).filter((n) => n.endsWith('.md')).some((n) => new RegExp(`^id:\\s*${values.lesson}\\s*$`, 'm').test(readFileSync(join(lessonDir, n), 'utf8')))
  if (!known) console.error(`warning: ${lessonDir} has no lesson "${values.lesson}" yet; content:check will ask for one (write its lesson file first)`)
}
const bankDir = join(values.questions, values.course)
const other = existsSync(bankDir) ? readdirSync(bankDir).filter((n) => /\.ya?ml$/.test(n) && join(bankDir, n) !== join(out)).find((n) => new RegExp(`^lesson:\\s*${values.lesson}\\s*$`, 'm').test(readFileSync(join(bankDir, n), 'utf8'))) : undefined
if (other) console.error(`warning: ${join(bankDir, other)} is already the bank of lesson "${values.lesson}": move the imported items into it (a lesson has one bank)`)

const FIRST = ['id', 'sealed', 'type', 'stem']
const LAST = ['explanation', 'passages', 'objective', 'difficulty', 'bloom', 'points']
/** Our usual field order: id, type and stem first; the evidence and metadata last. */
function ordered(item: Item): Record<string, unknown> {
  const entries = Object.entries(item)
  const rank = (k: string) => (FIRST.includes(k) ? FIRST.indexOf(k) - 100 : LAST.includes(k) ? LAST.indexOf(k) + 100 : 0)
  return Object.fromEntries(entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i).map(({ e }) => e))
}

const doc = new Document({ lesson: values.lesson, items: result.items.map(ordered) })
const todoTexts = result.items.filter((i) => JSON.stringify(i).includes(TODO_TEXT)).map((i) => i.id)
doc.commentBefore = [
  ` Imported from ${basename(input)} by npm run bank:import (${result.items.length} items).`,
  ' Before npm run content:check passes, fill in for every item:',
  `   objective: ${PLACEHOLDER_OBJECTIVE}  -> the id of one of lesson ${values.lesson}'s objectives`,
  `   passages: [${PLACEHOLDER_PASSAGE}]  -> the ids of the brief's passages that support the answer`,
  ' difficulty (1-3) and bloom were set to 2 and understand where the file had none: check them.',
  ...(todoTexts.length > 0 ? [` Replace "${TODO_TEXT}" in: ${todoTexts.join(', ')}.`] : []),
  ' Then delete this comment.',
].join('\n')
const yaml = doc.toString({ lineWidth: 100 })
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, yaml)
console.log(`Wrote ${out}: ${result.items.length} items${result.warnings.length > 0 ? `, ${result.warnings.length} warning(s) above` : ''}. Fill in the placeholders listed at its top, then run npm run content:check.`)
