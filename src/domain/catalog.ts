/**
 * What the app knows about a course before it loads any lesson body or item:
 * small enough to ship with the start page.
 */
import type { Blueprint, Lesson, Passage, Bank } from './types.ts'

/** `itemCount`: the items practice can use (those reserved for sealed assessments are left out). */
export type LessonSummary = Omit<Lesson, 'html'> & { itemCount: number }

export interface CourseSummary {
  id: string
  title: string
  source: string
  summary: string
  /** Practice asks for a certainty with each answer (Course.practiceCertainty); absent when off. */
  practiceCertainty?: true
  lessons: LessonSummary[]
  blueprints: Blueprint[]
}

/** A lesson's rendered body and the passages it quotes (loaded with the lesson page). */
export interface LessonBody {
  html: string
  passages: Passage[]
}

/** Everything needed to practise and assess (loaded lazily). */
export interface CourseItems {
  passages: Passage[]
  banks: Bank[]
}
