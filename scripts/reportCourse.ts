/**
 * The instructor's course for `npm run report`: loaded from `--lessons` and `--questions` (the
 * repository's by default) with the same loader as the build, with each course's version
 * manifest, so the report checks and grades attempts as the app does (src/domain/importBatch.ts).
 */
import { loadContent } from '../src/content/loader.ts'
import { formatProblem } from '../src/content/source.ts'
import { manifestPath, readManifest } from '../src/content/versions.ts'
import { itemsByVersion, type InstructorCourse } from '../src/domain/importChecks.ts'

/** The courses by id, or the reason they cannot be read. */
export function loadInstructorCourses(lessonsDir: string, questionsDir: string): { courses: Map<string, InstructorCourse> } | { error: string } {
  const loaded = loadContent({ lessonsDir, questionsDir })
  if (loaded.problems.length > 0) {
    return { error: `The course in ${lessonsDir} and ${questionsDir} has ${loaded.problems.length} problem(s):\n${loaded.problems.slice(0, 10).map(formatProblem).join('\n')}` }
  }
  if (loaded.courses.length === 0) return { error: `No course found in ${lessonsDir} and ${questionsDir}.` }
  try {
    return {
      courses: new Map(loaded.courses.map((c) => [c.id, {
        id: c.id, blueprints: c.blueprints, items: itemsByVersion(c.banks), manifest: readManifest(manifestPath(questionsDir, c.id), c.id),
      }])),
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
