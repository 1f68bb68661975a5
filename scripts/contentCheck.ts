/**
 * `npm run content:check [-- --json] [--strict] [--lessons DIR --questions DIR]`
 * Validates every course; prints each problem as `file:line: field: message` and each
 * item-writing warning (src/content/itemWriting.ts) as `file:line: field: warning: message`.
 * Exits 1 when there is any problem, or with `--strict` any warning. `--json` prints a
 * machine-readable summary with the warnings and their counts per rule.
 *
 * Item versions: each course's `questions/<course>/versions.json` must list every item version
 * the course has (src/domain/versionManifest.ts). Versions it lacks are appended (never
 * rewriting or dropping an entry); with `CI=true` or `--frozen-versions` the check refuses
 * instead, so a build never ships a version the committed manifest does not know. Only content
 * without problems is recorded.
 */
import { parseArgs } from 'node:util'
import { countByRule } from '../src/content/itemWriting.ts'
import { loadContent } from '../src/content/loader.ts'
import { formatProblem, formatWarning } from '../src/content/source.ts'
import { summarizeContent } from '../src/content/summary.ts'
import { checkManifest, writeManifest } from '../src/content/versions.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    lessons: { type: 'string', default: 'lessons' },
    questions: { type: 'string', default: 'questions' },
    'frozen-versions': { type: 'boolean', default: false },
  },
})

const result = loadContent({ lessonsDir: values.lessons, questionsDir: values.questions })
const frozen = values['frozen-versions'] || process.env.CI === 'true'
const versionErrors: string[] = []
const versionNotes: string[] = []
if (result.problems.length === 0) {
  for (const course of result.courses) {
    const check = checkManifest(values.questions, course)
    if (check.missing.length === 0) continue
    if (frozen) {
      versionErrors.push(`questions/${course.id}/versions.json lacks ${check.missing.length} item version(s): run npm run content:check and commit it`)
    } else {
      writeManifest(check.path, check.next)
      versionNotes.push(`questions/${course.id}/versions.json: ${check.missing.length} new item version(s) appended; commit it`)
    }
  }
}
const failing = result.problems.length + versionErrors.length + (values.strict ? result.warnings.length : 0)
if (values.json) {
  console.log(
    JSON.stringify(
      {
        ok: failing === 0,
        strict: values.strict,
        problems: result.problems,
        versionErrors,
        versionNotes,
        warnings: result.warnings,
        warningCounts: countByRule(result.warnings),
        courses: result.courses.map(summarizeContent),
      },
      null,
      2,
    ),
  )
} else {
  for (const problem of result.problems) console.error(formatProblem(problem))
  for (const warning of result.warnings) console.error(formatWarning(warning))
  for (const line of versionErrors) console.error(line)
  for (const line of versionNotes) console.log(line)
  for (const course of result.courses) {
    const s = summarizeContent(course)
    console.log(`${course.id}: ${s.lessons.length} lessons, ${s.passages.length} passages, ${s.items} items, ${s.blueprints.length} blueprints`)
  }
  const warned = result.warnings.length === 0 ? '' : ` ${result.warnings.length} item-writing warning(s)${values.strict ? ' (errors with --strict)' : ''}.`
  console.log((result.problems.length + versionErrors.length === 0 ? 'Content OK.' : `${result.problems.length + versionErrors.length} problem(s) found.`) + warned)
}
process.exitCode = failing === 0 ? 0 : 1
