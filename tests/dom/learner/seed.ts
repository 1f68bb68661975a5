/** Fixture data for the learner pages: the river-brief course, one learner, answers and attempts. */
import { courses, loadCourseItems } from 'virtual:debrief/catalog'
import { addAttempt, commitResponse, commitSubmission } from '../../../src/db/attempts.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { putReviewCards } from '../../../src/db/review.ts'
import { submitAttempt } from '../../../src/domain/attempt.ts'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import { startPractice } from '../../../src/domain/practice.ts'
import { scheduleReview } from '../../../src/domain/schedule.ts'
import type { Answer, Attempt, VersionedItem } from '../../../src/domain/types.ts'

export const COURSE = 'river-brief'
export const LESSON = 'l1-flood'
export const LEARNER = 'ana'
export const MINUTE = 60_000

export const RIGHT: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'a' },
  'f-q02': { type: 'truefalse', value: true },
  'f-q03': { type: 'numeric', text: '3' },
  'f-q04': { type: 'short', text: 'levee' },
  'f-q05': { type: 'cloze', blanks: { word: 'expected', months: '12' } },
  'f-q06': { type: 'freetext', text: 'The levee has not been repaired, so it can fail again unless they fix it.' },
}

export const WRONG: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'b' },
  'f-q02': { type: 'truefalse', value: false },
  'f-q03': { type: 'numeric', text: '5' },
  'f-q04': { type: 'short', text: 'bridge' },
  'f-q05': { type: 'cloze', blanks: { word: 'confirmed', months: '2' } },
  'f-q06': { type: 'freetext', text: 'No idea.' },
}

export async function seedLearner(db: DebriefDb): Promise<void> {
  await createLearner(db, { id: LEARNER, name: 'Ana', createdAt: 1 })
}

export async function bank(): Promise<VersionedItem[]> {
  const loaded = await loadCourseItems(COURSE)
  return loaded!.banks.find((b) => b.lesson === LESSON)!.items
}

export function blueprint(id: string) {
  return courses.find((c) => c.id === COURSE)!.blueprints.find((b) => b.id === id)!
}

export { manualClock, realClock } from '../manualClock.ts'

async function answerAll(db: DebriefDb, attempt: Attempt, answers: Record<string, Answer>, at: number): Promise<void> {
  for (const slot of attempt.slots) {
    const answer = answers[slot.itemId]
    if (answer) await commitResponse(db, { attemptId: attempt.id, itemId: slot.itemId, answer, flagged: false, savedAt: at, seq: 1 })
  }
}

/**
 * A practice run over the lesson bank, with `answers` for the items named (first tries).
 * `first` moves one item to the front of the run.
 */
export async function seedPractice(
  db: DebriefDb,
  options: { id: string; at: number; answers?: Record<string, Answer>; submitted?: boolean; first?: string },
): Promise<Attempt> {
  let attempt = startPractice({ courseId: COURSE, lessonId: LESSON, learnerId: LEARNER, items: await bank(), attemptId: options.id, seed: 7, now: options.at })
  if (options.first) {
    const slots = [...attempt.slots].sort((a, b) => Number(b.itemId === options.first) - Number(a.itemId === options.first))
    attempt = { ...attempt, slots }
  }
  await addAttempt(db, attempt)
  await answerAll(db, attempt, options.answers ?? {}, options.at)
  if (options.submitted) attempt = await commitSubmission(db, submitAttempt(attempt, options.at, 'learner'))
  return attempt
}

/**
 * An assessment attempt (drawn without the free-text item) with every item answered rightly or
 * wrongly; submitted after `minutes` unless open.
 */
export async function seedAssessment(
  db: DebriefDb,
  options: { id: string; blueprintId: string; at: number; answers: 'right' | 'wrong'; minutes?: number; open?: boolean },
): Promise<Attempt> {
  const loaded = await loadCourseItems(COURSE)
  const draw = (seed: number) =>
    startAttempt({
      blueprint: blueprint(options.blueprintId),
      banks: loaded!.banks,
      learnerId: LEARNER,
      courseId: COURSE,
      attemptId: options.id,
      seed,
      now: options.at,
      previousAttempts: [],
    })
  // The first seed whose draw has no free text, so the grade needs no instructor.
  let seed = 1
  while (draw(seed).slots.some((s) => s.itemId === 'f-q06')) seed += 1
  let attempt = draw(seed)
  await addAttempt(db, attempt)
  await answerAll(db, attempt, options.answers === 'right' ? RIGHT : WRONG, options.at + MINUTE)
  if (!options.open) attempt = await commitSubmission(db, submitAttempt(attempt, options.at + (options.minutes ?? 5) * MINUTE, 'learner'))
  return attempt
}

/** A review card for an item that was missed at `missedAt` (FSRS brings it back a minute later). */
export async function seedMissedCard(db: DebriefDb, itemId: string, missedAt: number): Promise<void> {
  const card = scheduleReview(undefined, { state: 'incorrect', score: 0, max: 1 }, new Date(missedAt))
  await putReviewCards(db, LEARNER, COURSE, { [itemId]: card })
}

/** A review card for an item, due at `due`. */
export async function seedCardDue(db: DebriefDb, itemId: string, due: number): Promise<void> {
  const card = scheduleReview(undefined, { state: 'correct', score: 1, max: 1 }, new Date(due - 3 * 86_400_000))
  await putReviewCards(db, LEARNER, COURSE, { [itemId]: { ...card, due } })
}
