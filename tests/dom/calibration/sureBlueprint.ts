/**
 * The fixture course with one more assessment, "sure", that asks for certainty: the quiz's rules
 * with `certainty: true` and the score shown after submit. Added to this test file's own copy of
 * the catalog (vitest isolates modules per file), so the shared fixture course stays as it is.
 */
import { courses } from 'virtual:debrief/catalog'

export function addSureBlueprint(options: { practiceCertainty?: boolean } = {}): void {
  const course = courses.find((c) => c.id === 'river-brief')!
  if (options.practiceCertainty) course.practiceCertainty = true
  if (course.blueprints.some((b) => b.id === 'sure')) return
  const quiz = course.blueprints.find((b) => b.id === 'quiz-l1')!
  course.blueprints.push({ ...quiz, id: 'sure', title: 'Sure check', certainty: true, shuffleOptions: false, review: { ...quiz.review, afterSubmit: ['score'] } })
}
