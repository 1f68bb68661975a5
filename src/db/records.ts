/** The rows stored in each table. Domain types are stored as they are. */
import type { Attempt, Response } from '../domain/types.ts'

export interface LearnerRecord {
  id: string
  name: string
  createdAt: number
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

/** A serialisable FSRS card for one item and learner (the fields ts-fsrs needs). */
export interface ReviewCardRecord {
  learnerId: string
  courseId: string
  itemId: string
  /** Epoch ms when the item is next due. */
  due: number
  card: Record<string, unknown>
}

export interface SettingRecord {
  key: string
  value: unknown
}
