/**
 * The outbox rows of a submitted assessment attempt, built right before the submit's transaction
 * (src/db/attempts.ts commitSubmission writes them in it). Loaded with a dynamic import by the
 * submit path, so neither the statement builders nor the grading code enter the start or
 * assessment chunks. No LRS configured: no rows.
 *
 * Statements: initialized, one answered per item, completed, passed or failed (when decided),
 * terminated (src/domain/xapi/statements.ts). A sealed attempt (stubs on this device: it cannot be
 * graded here) sends initialized and terminated only; its scored statements wait for the
 * instructor's grade. The scored ones (answered, completed, passed/failed) have name-based ids at
 * revision 0 (src/domain/xapi/scoredStatements.ts), so the instructor's device can void them.
 * Each statement is serialized once here and never rebuilt.
 */
import { courses } from 'virtual:debrief/catalog'
import { gradeAttempt, gradingOptions } from '../domain/attemptGrading.ts'
import { assessmentInfo } from '../domain/blueprints.ts'
import type { Attempt, SavedResponse } from '../domain/types.ts'
import type { LrsConfig } from '../domain/xapi/config.ts'
import { LEARNER_REVISION, scoredStatements } from '../domain/xapi/scoredStatements.ts'
import { initialized, terminated, type AttemptSource, type StatementEnv, type XapiStatement } from '../domain/xapi/statements.ts'
import type { OutboxRecord } from '../db/records.ts'
import { newId, now } from '../platform/clock.ts'
import { showedStubs } from '../stores/sealedStubs.ts'
import { lrsSetup } from './lrsConfig.ts'

export interface LearnerRef {
  id: string
  displayName?: string
}

/** The statements of a submitted attempt (pure but for ids). */
export function attemptStatements(config: LrsConfig, learner: LearnerRef, attempt: Attempt, responses: readonly SavedResponse[], makeId: () => string = newId): XapiStatement[] {
  const course = courses.find((c) => c.id === attempt.courseId)
  const blueprint = course?.blueprints.find((b) => b.id === attempt.sourceId)
  const source: AttemptSource = { courseTitle: course?.title ?? attempt.courseId, sourceTitle: blueprint?.title ?? attempt.sourceId }
  const env: StatementEnv = { settings: config, learner, newId: makeId }
  const start = initialized(env, attempt, source)
  if (showedStubs(attempt)) return [start, terminated(env, attempt, source)]
  const grade = gradeAttempt(attempt, responses, [], blueprint ? gradingOptions(assessmentInfo(blueprint)) : {})
  return [start, ...scoredStatements(env, attempt, source, grade, LEARNER_REVISION), terminated(env, attempt, source)]
}

/** Statements serialized once, as outbox rows queued at `at` (in order: queuedAt rises by 1 ms per row). */
export function outboxRows(statements: readonly XapiStatement[], at: number): OutboxRecord[] {
  return statements.map((s, i) => ({ id: s.id, body: JSON.stringify(s), queuedAt: at + i, state: 'queued', attempts: 0, lastError: null, nextTryAt: 0 }))
}

/** The rows to write with the submit, or none when no LRS is configured. */
export async function attemptOutboxRows(learner: LearnerRef, attempt: Attempt, responses: readonly SavedResponse[]): Promise<OutboxRecord[]> {
  const { config } = await lrsSetup()
  if (config === null) return []
  return outboxRows(attemptStatements(config, learner, attempt, responses), now())
}
