/**
 * Checking and grading imported attempts as a batch, the same way in the app (src/db/importFlags.ts)
 * and in the report command (scripts/reportCourse.ts), so both give the same flags:
 * - each attempt is checked (importChecks.ts) with, as its siblings, the learner's attempts at
 *   the same blueprint on the device and in the batch;
 * - its deadline is checked with the learner's extra time: the allowance the instructor's device
 *   has for that learner when the device knows the learner (none, if the instructor set none:
 *   a file cannot grant itself time the instructor did not), else the file's `learner.allowance`
 *   (result file v3), which the structural check has bounded (allowanceCheck.ts) — so a new
 *   learner's file can claim at most 4 × the limit + 600 minutes;
 * - it is graded from the trusted attempt (the instructor's items; a sealed slot's answers mapped
 *   from its stub to the full item, importChecks.ts), with the course's settings,
 *   and without the grades made on the learner's device (`manualGrades` in the file): those are
 *   kept apart and count only once the instructor accepts them;
 * - an attempt with any flag is not counted in final grades, pass verdicts or statistics.
 */
import { gradeAttempt, gradingOptions, type AttemptGrade } from './attemptGrading.ts'
import type { Allowance } from './attempt.ts'
import type { AssessmentInfo } from './blueprints.ts'
import { checkImportedAttempt, siblingsOf, type ImportFlag, type InstructorCourse } from './importChecks.ts'
import type { ResultAttemptEntry, Sha256 } from './resultFile.ts'
import type { Attempt, ManualGrade } from './types.ts'

/** A learner as a file names them: the allowance is the file's `learner.allowance`. */
export interface BatchLearner {
  id: string
  name: string
  allowance?: Allowance
}

export interface CheckedEntry {
  learner: BatchLearner
  /** The file's entry, its attempt replaced by the trusted one (instructor's items only). */
  entry: ResultAttemptEntry
  flags: ImportFlag[]
  /** The course's grading settings; undefined at an unknown blueprint. */
  assessment?: AssessmentInfo
  /** Grades made on the learner's device: kept apart, not counted. */
  learnerGrades: ManualGrade[]
}

export interface BatchInput {
  entries: readonly { learner: BatchLearner; entry: ResultAttemptEntry }[]
  course: InstructorCourse
  /** Attempts already on the instructor's device (any learner). */
  existing?: readonly Pick<Attempt, 'id' | 'startedAt' | 'learnerId' | 'sourceId' | 'mode'>[]
  /** The learners the instructor's device knows, by id, with their allowance there (undefined: none). */
  allowances?: ReadonlyMap<string, Allowance | undefined>
  sha256: Sha256
}

/** Checks every entry of a batch (rules at the top of the file), in order. */
export async function checkBatch({ entries, course, existing = [], allowances, sha256 }: BatchInput): Promise<CheckedEntry[]> {
  const all = [...existing, ...entries.map((e) => ({ ...e.entry.attempt, learnerId: e.learner.id }))]
  const out: CheckedEntry[] = []
  for (const { learner, entry } of entries) {
    const attempt = { ...entry.attempt, learnerId: learner.id }
    const allowance = allowances?.has(learner.id) === true ? allowances.get(learner.id) : learner.allowance
    const check = await checkImportedAttempt({ ...entry, attempt }, course, { siblings: siblingsOf(attempt, all), ...(allowance !== undefined ? { allowance } : {}) }, sha256)
    const { manualGrades: learnerGrades = [], ...rest } = entry
    out.push({ learner, entry: { ...rest, attempt: check.attempt, responses: check.responses }, flags: check.flags, ...(check.assessment !== undefined ? { assessment: check.assessment } : {}), learnerGrades })
  }
  return out
}

/** The grade of a checked entry as the instructor counts it (rules at the top of the file). */
export function gradeChecked(checked: Pick<CheckedEntry, 'entry' | 'assessment'>, instructorGrades: readonly ManualGrade[] = []): AttemptGrade {
  return gradeAttempt(checked.entry.attempt, checked.entry.responses, instructorGrades, gradingOptions(checked.assessment))
}

/** One line of flags for a CSV cell or a console line: `code: message | code: message`. */
export function flagsText(flags: readonly ImportFlag[]): string {
  return flags.map((f) => `${f.code}: ${f.message}`).join(' | ')
}
