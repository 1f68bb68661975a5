/**
 * Flagged attempts on the instructor's side: an imported attempt whose course check found
 * anything (importChecks.ts) is shown with its reasons and left out of everything that counts —
 * final grades, pass verdicts, the grading queue, statistics — until the instructor accepts it.
 * Attempts without a check record (made on this device, or imported before checks existed) count
 * as before.
 */
import type { GradebookInput } from './gradebook.ts'
import type { ImportFlag } from './importChecks.ts'
import type { Attempt, ManualGrade } from './types.ts'

export interface AttemptCheck {
  flags: readonly ImportFlag[]
  learnerGrades: readonly ManualGrade[]
}

export interface FlaggedAttempt {
  attempt: Attempt
  learnerName: string
  assessmentTitle: string
  flags: readonly ImportFlag[]
  /** How many grades from the learner's device the file carried (not counted). */
  learnerGrades: number
}

/** The gradebook input without flagged attempts, and the flagged ones with their reasons (by start time). */
export function splitFlagged(input: GradebookInput, checks: ReadonlyMap<string, AttemptCheck>): { counted: GradebookInput; flagged: FlaggedAttempt[] } {
  const names = new Map(input.learners.map((l) => [l.id, l.name]))
  const titles = new Map(input.assessments.map((a) => [a.id, a.title]))
  const flagged: FlaggedAttempt[] = []
  const attempts: Attempt[] = []
  for (const attempt of input.attempts) {
    const check = checks.get(attempt.id)
    if (check === undefined || check.flags.length === 0) {
      attempts.push(attempt)
      continue
    }
    flagged.push({
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
    const list = out.get(f.attempt.learnerId) ?? []
    list.push(`${f.assessmentTitle} (attempt ${f.attempt.id}): ${f.flags.map((x) => x.message).join(' ')}`)
    out.set(f.attempt.learnerId, list)
  }
  return new Map([...out].map(([id, list]) => [id, list.join(' | ')]))
}
