/**
 * The `answered` statement of one practice (or review) check, as an outbox row, built before the
 * check's transaction and written in it (src/db/attempts.ts commitResponse): both or neither.
 * Score and success are the check's own grade; parent = the item's lesson; registration = the
 * practice session's attempt id (a UUID). Loaded with a dynamic import only when an LRS is wanted.
 */
import { courses } from 'virtual:debrief/catalog'
import type { ItemResult } from '../domain/attemptGrading.ts'
import { REVIEW_SOURCE } from '../domain/checkSession.ts'
import type { Grade } from '../domain/grading/grade.ts'
import type { Attempt, SavedResponse, VersionedItem } from '../domain/types.ts'
import { answered, type StatementEnv, type XapiStatement } from '../domain/xapi/statements.ts'
import type { OutboxRecord } from '../db/records.ts'
import { newId } from '../platform/clock.ts'
import { useLearnerStore } from '../stores/learner.ts'
import { outboxRows, type LearnerRef } from './attemptOutbox.ts'
import { lrsSetup } from './lrsConfig.ts'
import { wakeSender } from './outboxSafely.ts'

/** The check's statement (pure but for its id). A review run's parent is the item's own lesson. */
export function checkStatement(env: StatementEnv, run: Attempt, item: VersionedItem, grade: Grade, response: SavedResponse): XapiStatement {
  const lessonId = run.sourceId === REVIEW_SOURCE ? item.lesson : run.sourceId
  const course = courses.find((c) => c.id === run.courseId)
  const lesson = course?.lessons.find((l) => l.id === lessonId)
  const slot = run.slots.find((s) => s.itemId === item.id)
  const result: ItemResult = { itemId: item.id, version: slot?.version ?? item.version, objective: item.objective, grade, manual: false, pending: grade.state === 'needs-grading', response }
  return answered(env, { ...run, sourceId: lessonId }, { courseTitle: course?.title ?? run.courseId, sourceTitle: lesson?.title ?? lessonId }, item, result)
}

/** The rows to write with the check, or none when no LRS is configured. */
export async function checkRows(learner: LearnerRef, run: Attempt, item: VersionedItem, grade: Grade, response: SavedResponse, makeId: () => string = newId): Promise<OutboxRecord[]> {
  const { config } = await lrsSetup()
  if (config === null) return []
  return outboxRows([checkStatement({ settings: config, learner, newId: makeId }, run, item, grade, response)], response.savedAt)
}

/**
 * For the check session: the check's row, the sender woken once it is written. None when no LRS
 * is configured, or on a bug (said in the console): the check is then saved without it.
 */
export async function checkRowsFor(run: Attempt, item: VersionedItem, grade: Grade, response: SavedResponse): Promise<OutboxRecord[]> {
  try {
    const name = useLearnerStore().learners.find((l) => l.id === run.learnerId)?.name
    const rows = await checkRows({ id: run.learnerId, displayName: name }, run, item, grade, response)
    if (rows.length > 0) wakeSender()
    return rows
  } catch (e) {
    console.error('The check\'s xAPI statement could not be built; it is saved without it.', e)
    return []
  }
}
