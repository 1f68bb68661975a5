/** What the app keeps about learners besides their attempts: profiles and reading progress. */

/** A profile made on this device, or a learner whose results an instructor imported. */
export interface Learner {
  id: string
  name: string
  createdAt: number
  /** 'imported' learners came from result files; they are not offered as profiles here. */
  origin: 'local' | 'imported'
  /** Extra time for timed assessments, agreed with an instructor. */
  allowance?: { multiplier?: number; extraMinutes?: number }
}

export type LessonState = 'not-started' | 'in-progress' | 'done'

/** How far one learner has read one lesson. */
export interface LessonProgress {
  learnerId: string
  courseId: string
  lessonId: string
  state: LessonState
  /** Furthest point read, 0..1. */
  readFraction: number
  secondsSpent: number
  updatedAt: number
}
