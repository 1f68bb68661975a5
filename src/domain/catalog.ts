/**
 * What the app knows about a course before it loads any lesson body or item:
 * small enough to ship with the start page. The words only some pages show (the course's and
 * each lesson's summary, each objective's text) are its details, a module of their own that
 * those pages import (`virtual:debrief/details`), so the assessment page never loads them.
 */
import type { Blueprint, Lesson, Objective, Passage, Bank } from './types.ts'

/** An objective as the catalog knows it: its id (its text is in the course's details). */
export type ObjectiveRef = Pick<Objective, 'id'>

/**
 * `itemCount`: the items practice can use (those reserved for sealed assessments are left out).
 * The passages a lesson quotes come with its body (`LessonBody`), not here.
 */
export type LessonSummary = Omit<Lesson, 'html' | 'summary' | 'objectives' | 'passages'> & { itemCount: number; objectives: ObjectiveRef[] }

export interface CourseSummary {
  id: string
  title: string
  source: string
  /** Practice asks for a certainty with each answer (Course.practiceCertainty); absent when off. */
  practiceCertainty?: true
  lessons: LessonSummary[]
  /** Without their descriptions (details: only the assessment's start page shows one). */
  blueprints: Omit<Blueprint, 'description'>[]
}

/** The words of a lesson that only its pages show. */
export interface LessonDetails {
  summary: string
  objectives: Objective[]
}

/** A course's details: its summary, each lesson's details and each blueprint's description, by id. */
export interface CourseDetails {
  summary: string
  lessons: Record<string, LessonDetails>
  descriptions: Record<string, string>
}

export type DetailedLesson = Omit<LessonSummary, 'objectives'> & LessonDetails
export type DetailedCourse = Omit<CourseSummary, 'lessons' | 'blueprints'> & { summary: string; lessons: DetailedLesson[]; blueprints: Blueprint[] }

/**
 * A course summary with its details put back. Without details (never in a build: both modules
 * come from the same files), a summary is empty and an objective's text is its id.
 */
export function withDetails(course: CourseSummary, details: CourseDetails | undefined): DetailedCourse {
  return {
    ...course,
    summary: details?.summary ?? '',
    blueprints: course.blueprints.map((b) => {
      const description = details?.descriptions[b.id]
      return description === undefined ? b : { ...b, description }
    }),
    lessons: course.lessons.map((lesson) => {
      const own = details?.lessons[lesson.id]
      const text = new Map((own?.objectives ?? []).map((o) => [o.id, o.text]))
      return { ...lesson, summary: own?.summary ?? '', objectives: lesson.objectives.map((o) => ({ id: o.id, text: text.get(o.id) ?? o.id })) }
    }),
  }
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
