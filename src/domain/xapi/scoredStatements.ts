/**
 * An attempt's scored statements (answered per slot, completed, passed/failed) with name-based ids
 * (statementIds.ts), and the correction the instructor's device sends when a grade changes.
 *
 * Revisions: the learner's device issues revision 0 of everything. Each instructor change to the
 * attempt's grade (a free-text grade, a regrade: one gradeHistory row each) raises the attempt's
 * revision (completed, passed/failed) and that item's revision (its answered) by one. Both are
 * counted from the attempt's gradeHistory rows, so any device holding the attempt can compute
 * every id, old and new, without knowing what another device sent. A correction voids the old
 * statements whose id is gone and issues the new ones; an item whose grade did not change keeps
 * its statement (same id), neither voided nor sent again. Statements are never edited.
 */
import type { AttemptGrade } from '../attemptGrading.ts'
import type { Attempt } from '../types.ts'
import { scoredStatementId } from './statementIds.ts'
import { answered, attemptCompleted, passedOrFailed, reissue, type AttemptSource, type StatementEnv, type XapiStatement } from './statements.ts'

export interface Revision {
  /** Of completed and passed/failed. */
  attempt: number
  /** Of each item's answered, by item id (0 when absent). */
  items: Readonly<Record<string, number>>
}

/** What the learner's device sends: revision 0. */
export const LEARNER_REVISION: Revision = { attempt: 0, items: {} }

/** The revision after these grade changes (an attempt's gradeHistory rows). */
export function revisionOf(history: readonly { itemId: string }[]): Revision {
  const items: Record<string, number> = {}
  for (const row of history) items[row.itemId] = (items[row.itemId] ?? 0) + 1
  return { attempt: history.length, items }
}

function withId(env: StatementEnv, id: string): StatementEnv {
  return { ...env, newId: () => id }
}

/** answered × slot, completed, passed/failed (when decided), with their name-based ids. */
export function scoredStatements(env: StatementEnv, attempt: Attempt, source: AttemptSource, grade: AttemptGrade, revision: Revision): XapiStatement[] {
  const out: XapiStatement[] = []
  for (const result of grade.perItem) {
    const item = attempt.snapshots[result.version]
    const id = scoredStatementId(attempt.id, 'answered', result.itemId, revision.items[result.itemId] ?? 0)
    if (item !== undefined) out.push(answered(withId(env, id), attempt, source, item, result))
  }
  out.push(attemptCompleted(withId(env, scoredStatementId(attempt.id, 'completed', 'attempt', revision.attempt)), attempt, source, grade))
  if (grade.passed !== null) {
    const id = scoredStatementId(attempt.id, grade.passed ? 'passed' : 'failed', 'attempt', revision.attempt)
    const decision = passedOrFailed(withId(env, id), attempt, source, grade)
    if (decision !== null) out.push(decision)
  }
  return out
}

/**
 * From what the attempt reported (`before`) to what it reports now (`after`): voids of the
 * statements that are gone, then the new ones (rules at the top of the file). Empty when nothing changed.
 */
export function correction(env: StatementEnv, before: readonly XapiStatement[], after: readonly XapiStatement[], at: number): XapiStatement[] {
  const beforeIds = new Set(before.map((s) => s.id))
  const afterIds = new Set(after.map((s) => s.id))
  return reissue(env, before.filter((s) => !afterIds.has(s.id)), after.filter((s) => !beforeIds.has(s.id)), at)
}
