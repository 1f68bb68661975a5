/** Reading progress per learner and lesson: the rows of a course (progress.ts writes them). */
import type { LessonProgress } from '../domain/learnerTypes.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

export function listLessonProgress(db: DebriefDb, learnerId: string, courseId: string): Promise<LessonProgress[]> {
  return guarded(() => db.lessonProgress.where('[learnerId+courseId]').equals([learnerId, courseId]).toArray())
}
