/**
 * `npm run content:check [-- --json] [--lessons DIR --questions DIR]`
 * Validates every course; prints each problem as `file:line: field: message`
 * and exits 1 when there is any. `--json` prints a machine-readable summary.
 */
import { parseArgs } from 'node:util'
import { loadContent } from '../src/content/loader.ts'
import { formatProblem } from '../src/content/source.ts'
import { summarizeContent } from '../src/content/summary.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    lessons: { type: 'string', default: 'lessons' },
    questions: { type: 'string', default: 'questions' },
  },
})

const result = loadContent({ lessonsDir: values.lessons, questionsDir: values.questions })
if (values.json) {
  console.log(JSON.stringify({ ok: result.problems.length === 0, problems: result.problems, courses: result.courses.map(summarizeContent) }, null, 2))
} else {
  for (const problem of result.problems) console.error(formatProblem(problem))
  for (const course of result.courses) {
    const s = summarizeContent(course)
    console.log(`${course.id}: ${s.lessons.length} lessons, ${s.passages.length} passages, ${s.items} items, ${s.blueprints.length} blueprints`)
  }
  console.log(result.problems.length === 0 ? 'Content OK.' : `${result.problems.length} problem(s) found.`)
}
process.exitCode = result.problems.length === 0 ? 0 : 1
