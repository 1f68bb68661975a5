/**
 * `npm run content:check [-- --json] [--strict] [--lessons DIR --questions DIR]`
 * Validates every course; prints each problem as `file:line: field: message` and each
 * item-writing warning (src/content/itemWriting.ts) as `file:line: field: warning: message`.
 * Exits 1 when there is any problem, or with `--strict` any warning. `--json` prints a
 * machine-readable summary with the warnings and their counts per rule.
 */
import { parseArgs } from 'node:util'
import { countByRule } from '../src/content/itemWriting.ts'
import { loadContent } from '../src/content/loader.ts'
import { formatProblem, formatWarning } from '../src/content/source.ts'
import { summarizeContent } from '../src/content/summary.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    lessons: { type: 'string', default: 'lessons' },
    questions: { type: 'string', default: 'questions' },
  },
})

const result = loadContent({ lessonsDir: values.lessons, questionsDir: values.questions })
const failing = result.problems.length + (values.strict ? result.warnings.length : 0)
if (values.json) {
  console.log(
    JSON.stringify(
      {
        ok: failing === 0,
        strict: values.strict,
        problems: result.problems,
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
  for (const course of result.courses) {
    const s = summarizeContent(course)
    console.log(`${course.id}: ${s.lessons.length} lessons, ${s.passages.length} passages, ${s.items} items, ${s.blueprints.length} blueprints`)
  }
  const warned = result.warnings.length === 0 ? '' : ` ${result.warnings.length} item-writing warning(s)${values.strict ? ' (errors with --strict)' : ''}.`
  console.log((result.problems.length === 0 ? 'Content OK.' : `${result.problems.length} problem(s) found.`) + warned)
}
process.exitCode = failing === 0 ? 0 : 1
