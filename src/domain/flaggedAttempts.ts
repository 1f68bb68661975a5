/**
 * Flagged attempts on the instructor's side: an imported attempt whose course check found
 * anything (importChecks.ts) is shown with its reasons and left out of everything that counts —
 * final grades, pass verdicts, the grading queue, statistics — until the instructor accepts it.
 * Attempts without a check record (made on this device, or imported before checks existed) count
 * as before. A flagged attempt the instructor accepted counts (graded from the instructor's
 * copy, as every imported attempt). Grades from the learner's device wait apart, for any
 * attempt, until the instructor accepts them.
 */
import type { GradebookInput } from './gradebook.ts'
import type { ImportFlag } from './importChecks.ts'
import type { Attempt, ManualGrade } from './types.ts'

export interface AttemptCheck {
  flags: readonly ImportFlag[]
  learnerGrades: readonly ManualGrade[]
  /** Set when the instructor chose to count a flagged attempt. */
  acceptedAt?: number
}

export interface FlaggedAttempt {
  attempt: Attempt
  learnerName: string
  assessmentTitle: string
  flags: readonly ImportFlag[]
  /** How many grades from the learner's device the file carried (not counted). */
  learnerGrades: number
  /** False for a counted attempt listed only because grades from the learner's device wait. */
  flagged: boolean
}

/**
 * The gradebook input without flagged attempts, and the attempts waiting for the instructor's
 * decision (flagged ones with their reasons, and ones with grades from the learner's device), by
 * learner name and start time.
 */
export function splitFlagged(input: GradebookInput, checks: ReadonlyMap<string, AttemptCheck>): { counted: GradebookInput; flagged: FlaggedAttempt[] } {
  const names = new Map(input.learners.map((l) => [l.id, l.name]))
  const titles = new Map(input.assessments.map((a) => [a.id, a.title]))
  const flagged: FlaggedAttempt[] = []
  const attempts: Attempt[] = []
  for (const attempt of input.attempts) {
    const check = checks.get(attempt.id)
    const isFlagged = check !== undefined && check.flags.length > 0 && check.acceptedAt === undefined
    if (!isFlagged) attempts.push(attempt)
    if (check === undefined || (!isFlagged && check.learnerGrades.length === 0)) continue
    flagged.push({
      flagged: isFlagged,
      attempt,
      learnerName: names.get(attempt.learnerId) ?? attempt.learnerId,
      assessmentTitle: titles.get(attempt.sourceId) ?? attempt.sourceId,
      flags: check.flags,
      learnerGrades: check.learnerGrades.length,
    })
  }
  flagged.sort((a, b) => a.learnerName.localeCompare(b.learnerName) || a.attempt.startedAt - b.attempt.startedAt)
  return { counted: { ...input, attempts }, flagged }
}

/** Per learner, the gradebook CSV's `flags` cell: each flagged attempt and its reasons. */
export function flagsByLearner(flagged: readonly FlaggedAttempt[]): Map<string, string> {
  const out = new Map<string, string[]>()
  for (const f of flagged) {
    if (!f.flagged) continue
    const list = out.get(f.attempt.learnerId) ?? []
    list.push(`${f.assessmentTitle} (attempt ${f.attempt.id}): ${f.flags.map((x) => x.message).join(' ')}`)
    out.set(f.attempt.learnerId, list)
  }
  return new Map([...out].map(([id, list]) => [id, list.join(' | ')]))
}
