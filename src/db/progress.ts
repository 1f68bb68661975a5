/**
 * Reading progress per learner and lesson: the write side (the lesson page's, loaded with it).
 * Reading the rows is lessonProgress.ts, which the start page carries.
 */
import type { LessonProgress, LessonState } from '../domain/learnerTypes.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import type { OutboxRecord } from './records.ts'

export { listLessonProgress } from './lessonProgress.ts'

export interface ReadingUpdate {
  learnerId: string
  courseId: string
  lessonId: string
  /** How far the learner has read now, 0..1; progress never goes backwards. */
  readFraction: number
  /** Seconds spent since the last update. */
  secondsDelta: number
  now: number
  /** True once the learner reached the end of the lesson. */
  finished?: boolean
}

/**
 * Records reading progress in one transaction, keeping the furthest point reached. `statements`
 * (src/app/lessonOutbox.ts) makes the xAPI rows this write sends from the row before and after;
 * they are written in the same transaction: both or neither.
 */
export function recordReading(db: DebriefDb, update: ReadingUpdate, statements?: (previous: LessonProgress | undefined, next: LessonProgress) => OutboxRecord[]): Promise<LessonProgress> {
  const key: [string, string, string] = [update.learnerId, update.courseId, update.lessonId]
  return guarded(() =>
    db.transaction('rw', db.lessonProgress, db.outbox, async () => {
      const previous = await db.lessonProgress.get(key)
      const readFraction = Math.min(1, Math.max(previous?.readFraction ?? 0, update.readFraction))
      const done = previous?.state === 'done' || update.finished === true
      const state: LessonState = done ? 'done' : readFraction > 0 ? 'in-progress' : 'not-started'
      const next: LessonProgress = {
        learnerId: update.learnerId,
        courseId: update.courseId,
        lessonId: update.lessonId,
        state,
        readFraction: done ? 1 : readFraction,
        secondsSpent: (previous?.secondsSpent ?? 0) + Math.max(0, Math.round(update.secondsDelta)),
        updatedAt: update.now,
      }
      await db.lessonProgress.put(next)
      await db.outbox.bulkAdd(statements?.(previous, next) ?? [])
      return next
    }),
  )
}
