/** The rows stored in each table. Domain types are stored as they are. */
import type { ReviewCard } from '../domain/schedule.ts'
import type { Attempt, ManualGrade, Response } from '../domain/types.ts'

export interface LearnerRecord {
  id: string
  name: string
  createdAt: number
  /** 'imported' learners came from result files; they are not offered as profiles here. */
  origin: 'local' | 'imported'
  /** Extra time for timed assessments, agreed with an instructor. */
  allowance?: { multiplier?: number; extraMinutes?: number }
}

export type LessonState = 'not-started' | 'in-progress' | 'done'

export interface LessonProgressRecord {
  learnerId: string
  courseId: string
  lessonId: string
  state: LessonState
  /** Furthest point read, 0..1. */
  readFraction: number
  secondsSpent: number
  updatedAt: number
}

export type AttemptRecord = Attempt
export type ResponseRecord = Response

/** The FSRS schedule of one item for one learner, as plain data. */
export interface ReviewCardRecord {
  learnerId: string
  courseId: string
  itemId: string
  /** Epoch ms when the item is next due. */
  due: number
  card: ReviewCard
}

export interface SettingRecord {
  key: string
  value: unknown
}

export type ManualGradeRecord = ManualGrade

/** One change to an attempt's grade (an instructor's grade or a regrade), kept for the record. */
export interface GradeHistoryRecord {
  id?: number
  attemptId: string
  at: number
  kind: 'manual-grade' | 'regrade'
  itemId: string
  before: number | null
  after: number
  note: string
}
