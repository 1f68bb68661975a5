/**
 * A lesson's statements (completed, progressed: src/domain/xapi/readingRule.ts) as outbox rows,
 * made inside the transaction that writes the reading progress (src/db/progress.ts), so the two
 * are saved together or not at all. Loaded with a dynamic import only when an LRS is wanted.
 */
import { courses } from 'virtual:debrief/catalog'
import type { LessonProgress } from '../domain/learnerTypes.ts'
import { readingStatements } from '../domain/xapi/readingRule.ts'
import { lessonCompleted, lessonProgressed, type LessonRef, type StatementEnv, type XapiStatement } from '../domain/xapi/statements.ts'
import type { OutboxRecord } from '../db/records.ts'
import { newId } from '../platform/clock.ts'
import { useLearnerStore } from '../stores/learner.ts'
import { outboxRows, type LearnerRef } from './attemptOutbox.ts'
import { safely } from './outboxSafely.ts'
import { lrsSetup } from './lrsConfig.ts'

/** Rows for one progress write: `previous` as stored before it (undefined: none), `next` as written. */
export type ReadingRows = (previous: LessonProgress | undefined, next: LessonProgress) => OutboxRecord[]

function lessonRef(courseId: string, lessonId: string): LessonRef {
  const course = courses.find((c) => c.id === courseId)
  const lesson = course?.lessons.find((l) => l.id === lessonId)
  return { courseId, courseTitle: course?.title ?? courseId, lessonId, lessonTitle: lesson?.title ?? lessonId }
}

/** The statements of one progress write (pure but for ids). */
export function readingStatementsFor(env: StatementEnv, previous: LessonProgress | undefined, next: LessonProgress): XapiStatement[] {
  const due = readingStatements(previous, next)
  const lesson = lessonRef(next.courseId, next.lessonId)
  const out: XapiStatement[] = []
  if (due.completed) out.push(lessonCompleted(env, lesson, next.updatedAt, next.secondsSpent > 0 ? next.secondsSpent * 1000 : undefined))
  if (due.progressed !== null) out.push(lessonProgressed(env, lesson, due.progressed, next.updatedAt))
  return out
}

/** The row maker for `learner`'s progress writes, or undefined when no LRS is configured. */
export async function readingRows(learner: LearnerRef, makeId: () => string = newId): Promise<ReadingRows | undefined> {
  const { config } = await lrsSetup()
  if (config === null) return undefined
  const env: StatementEnv = { settings: config, learner, newId: makeId }
  return (previous, next) => outboxRows(readingStatementsFor(env, previous, next), next.updatedAt)
}

/**
 * For the progress store: the row maker of a profile's reading, which also wakes the sender once
 * rows are made. Undefined when no LRS is configured, or on a bug (said in the console): progress
 * is then saved without statements.
 */
export async function readingRowsFor(learnerId: string): Promise<ReadingRows | undefined> {
  try {
    const name = useLearnerStore().learners.find((l) => l.id === learnerId)?.name
    const rows = await readingRows({ id: learnerId, displayName: name })
    if (rows === undefined) return undefined
    return safely(rows, 'The lesson\'s xAPI statements could not be built; progress is saved without them.')
  } catch (e) {
    console.error('The lesson\'s xAPI statements could not be built; progress is saved without them.', e)
    return undefined
  }
}
