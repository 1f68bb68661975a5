/**
 * Mastery per lesson: one line on the course home for each lesson, summarising its objectives.
 *
 * Rules:
 * - Only objectives with evidence (at least one graded answer) count towards the lesson's mastery:
 *   its mastery is their mean, so one practised objective is not dragged down by an untouched one.
 * - No objective with evidence: the lesson is 'not-started' and its mastery is null.
 * - Level: 'mastered' when every objective of the lesson is mastered; otherwise 'practised' when
 *   the mean reaches 0.5 and 'learning' below it (the same bar as one objective, mastery.ts).
 * - An objective missing from `mastery` has no evidence.
 */
import type { LessonSummary } from './catalog.ts'
import type { Mastery, MasteryLevel } from './mastery.ts'

export interface LessonMastery {
  lessonId: string
  /** Mean mastery (0..1) of the objectives with evidence; null when none has any. */
  mastery: number | null
  level: MasteryLevel
  objectives: number
  /** Objectives with at least one graded answer. */
  withEvidence: number
  mastered: number
}

/** The mastery summary of each lesson, in lesson order (rules at the top of the file). */
export function lessonMastery(lessons: readonly Pick<LessonSummary, 'id' | 'objectives'>[], mastery: readonly Mastery[]): LessonMastery[] {
  const byObjective = new Map(mastery.map((m) => [m.objective, m]))
  return lessons.map((lesson) => {
    const own = lesson.objectives.map((o) => byObjective.get(o.id)).filter((m): m is Mastery => m !== undefined)
    const evidenced = own.filter((m) => m.evidenceCount > 0)
    const mastered = own.filter((m) => m.level === 'mastered').length
    const mean = evidenced.length === 0 ? null : evidenced.reduce((sum, m) => sum + m.mastery, 0) / evidenced.length
    const level: MasteryLevel =
      mean === null ? 'not-started' : mastered === lesson.objectives.length && mastered > 0 ? 'mastered' : mean >= 0.5 ? 'practised' : 'learning'
    return { lessonId: lesson.id, mastery: mean, level, objectives: lesson.objectives.length, withEvidence: evidenced.length, mastered }
  })
}
