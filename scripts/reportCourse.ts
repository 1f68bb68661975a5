/**
 * The instructor's course for `npm run report`: loaded from `--lessons` and `--questions` (the
 * repository's by default) with the same loader as the build, with each course's version
 * manifest, so the report checks and grades attempts as the app does (src/domain/importBatch.ts);
 * and reading the files with that check.
 */
import { readFile } from 'node:fs/promises'
import { loadContent } from '../src/content/loader.ts'
import { formatProblem } from '../src/content/source.ts'
import { manifestPath, readManifest } from '../src/content/versions.ts'
import { keyDecision, signatureLine } from '../src/domain/deviceKeyCheck.ts'
import { checkBatch, type CheckedEntry } from '../src/domain/importBatch.ts'
import { itemsByVersion, type ImportFlag, type InstructorCourse } from '../src/domain/importChecks.ts'
import { parseResultFile, type ResultAttemptEntry, type Sha256 } from '../src/domain/resultFile.ts'
import type { ReportEntry, ReportIo } from './report.ts'

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

/**
 * Parses each file (a bad one is named on stderr), checks every attempt against its course
 * (the same batch rules as the app) and prints one line per file with its signature and flags.
 * An attempt in several files counts once, from the first.
 *
 * Device keys: a file whose signature fails is refused, as in the app. The report keeps no pins
 * between runs, so within one run the first signed file of a learner (in the order given) pins
 * its key, and a later file of that learner signed by another key or unsigned is flagged
 * `key-changed` / `unsigned-after-signed`, with the app's words (src/domain/deviceKeyCheck.ts).
 * Each file's line says which key signed it, so runs can be compared by hand.
 */
export async function readAndCheck(files: string[], courses: ReadonlyMap<string, InstructorCourse>, io: ReportIo, sha256: Sha256): Promise<{ entries: ReportEntry[]; bad: number }> {
  let bad = 0
  const seen = new Set<string>()
  const perFile: { file: string; courseId: string; learner: { id: string; name: string }; entries: ResultAttemptEntry[]; learnerGrades: number; signed: string; keyFlag?: ImportFlag }[] = []
  const pins = new Map<string, { fingerprint: string }>()
  for (const file of files) {
    // Whatever one file does (a refusal, or anything thrown while reading it) is that file's reason;
    // the files after it are still read and reported.
    let result: Awaited<ReturnType<typeof parseResultFile>>
    try {
      result = await parseResultFile(await readFile(file, 'utf8'), { sha256, subtle: crypto.subtle })
    } catch (error) {
      io.stderr(`${file}: error: this file could not be read (${error instanceof Error ? error.message : String(error)}); it was skipped`)
      bad++
      continue
    }
    if (!result.ok) {
      io.stderr(`${file}: ${result.error.code}: ${result.error.message}${result.error.path !== undefined ? ` (at ${result.error.path})` : ''}`)
      bad++
      continue
    }
    if (!courses.has(result.file.courseId)) {
      io.stderr(`${file}: wrong-course: this file is for the course "${result.file.courseId}", which is not in --lessons/--questions. Point them at that course.`)
      bad++
      continue
    }
    const fresh = result.file.attempts.filter((e) => !seen.has(e.attempt.id))
    for (const e of fresh) seen.add(e.attempt.id)
    const learnerId = result.file.learner.id
    const decision = result.signature === undefined ? { pin: false } : keyDecision(pins.get(learnerId), result.signature)
    if (decision.pin && result.signature?.status === 'signed') pins.set(learnerId, { fingerprint: result.signature.fingerprint })
    perFile.push({
      file, courseId: result.file.courseId, learner: result.file.learner, entries: fresh, learnerGrades: fresh.reduce((n, e) => n + (e.manualGrades?.length ?? 0), 0),
      signed: signatureLine(result.signature), ...(decision.flag !== undefined ? { keyFlag: decision.flag } : {}),
    })
  }
  const checked = new Map<string, CheckedEntry>()
  for (const [courseId, course] of courses) {
    const batch = perFile.filter((f) => f.courseId === courseId).flatMap((f) => f.entries.map((entry) => ({ learner: f.learner, entry })))
    for (const c of await checkBatch({ entries: batch, course, sha256 })) checked.set(c.entry.attempt.id, c)
  }
  const entries: ReportEntry[] = []
  for (const f of perFile) {
    const own = f.entries.map((e) => checked.get(e.attempt.id)!).map((c) => (f.keyFlag === undefined ? c : { ...c, flags: [...c.flags, f.keyFlag] }))
    const flagged = own.filter((c) => c.flags.length > 0)
    const grades = f.learnerGrades > 0 ? `; ${f.learnerGrades} grade(s) from the learner's device not counted` : ''
    const detail = flagged.map((c) => `${c.entry.attempt.id}: ${[...new Set(c.flags.map((x) => x.code))].join(', ')}`).join('; ')
    io.stdout(`${f.file}: ${f.signed}; ${own.length} attempt(s), ${flagged.length} flagged${flagged.length > 0 ? ` (${detail})` : ''}${grades}`)
    entries.push(...own.map((c) => ({ learner: c.learner, entry: c.entry, flags: c.flags, ...(c.assessment !== undefined ? { assessment: c.assessment } : {}) })))
  }
  return { entries, bad }
}
