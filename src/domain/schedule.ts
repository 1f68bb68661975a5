/**
 * Spaced review with FSRS (ts-fsrs). This is the only domain module that imports ts-fsrs, so
 * the app can load it lazily with the review pages.
 *
 * Rating from a grade:
 * - incorrect or unanswered → Again (the item comes back within minutes/the same day);
 * - partial → Hard;
 * - correct → Good, or Easy when it was right on the first try and the caller passes
 *   `confidence: 'high'` (the rule without certainty).
 * - With the learner's certainty (practice with the course's `practiceCertainty`, cbm.ts), a
 *   correct answer is rated by it instead: very sure (3) → Easy, fairly sure (2) → Good, not sure
 *   (1) → Hard (right, but the learner did not know it; it comes back sooner). Right but not on
 *   the first try (`firstTry: false`) is at most Good, as without certainty. Incorrect and
 *   unanswered stay Again, partial stays Hard and free text its provisional rule, whatever the
 *   certainty: a wrong answer is Again however sure the learner was.
 * - needs-grading (free text) → by its provisional fraction: ≥ 0.8 Good, > 0 Hard, else Again.
 * Fuzz is off so the same history always gives the same schedule.
 * Cards are stored as plain JSON (dates as epoch ms) so IndexedDB and result files can hold them.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade as FsrsGrade } from 'ts-fsrs'
import type { Grade } from './grading/index.ts'

export interface ReviewCard {
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number
  lastReview: number | null
}

export interface RatingContext {
  firstTry?: boolean
  confidence?: 'low' | 'high'
  /** The learner's certainty, when practice asks for it (rules at the top of the file). */
  certainty?: 1 | 2 | 3
}

const BY_CERTAINTY: Record<1 | 2 | 3, FsrsGrade> = { 1: Rating.Hard, 2: Rating.Good, 3: Rating.Easy }

const scheduler = fsrs({ enable_fuzz: false })

/** The FSRS rating a graded response earns (rules at the top of the file). */
export function ratingFor(grade: Pick<Grade, 'state' | 'score' | 'max'>, context: RatingContext = {}): FsrsGrade {
  switch (grade.state) {
    case 'correct': {
      if (context.certainty !== undefined) {
        const rated = BY_CERTAINTY[context.certainty]
        return context.firstTry === false && rated === Rating.Easy ? Rating.Good : rated
      }
      return context.firstTry === true && context.confidence === 'high' ? Rating.Easy : Rating.Good
    }
    case 'partial':
      return Rating.Hard
    case 'needs-grading': {
      const fraction = grade.max > 0 ? grade.score / grade.max : 0
      return fraction >= 0.8 ? Rating.Good : fraction > 0 ? Rating.Hard : Rating.Again
    }
    default:
      return Rating.Again
  }
}

function toPlain(card: Card): ReviewCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review?.getTime() ?? null,
  }
}

function fromPlain(card: ReviewCard): Card {
  const result: Card = {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  }
  if (card.lastReview !== null) result.last_review = new Date(card.lastReview)
  return result
}

/** A new card, due now, for an item never reviewed. */
export function newReviewCard(now: Date): ReviewCard {
  return toPlain(createEmptyCard(now))
}

/** The card after one graded review at `now` (a new card when `card` is undefined). */
export function scheduleReview(
  card: ReviewCard | undefined,
  grade: Pick<Grade, 'state' | 'score' | 'max'>,
  now: Date,
  context: RatingContext = {},
): ReviewCard {
  const current = card === undefined ? createEmptyCard(now) : fromPlain(card)
  return toPlain(scheduler.next(current, now, ratingFor(grade, context)).card)
}

/** Ids of the cards due at `now`, most overdue first (ties by id, for a stable order). */
export function dueItems(cards: Readonly<Record<string, ReviewCard>>, now: Date | number): string[] {
  const at = typeof now === 'number' ? now : now.getTime()
  return Object.entries(cards)
    .filter(([, card]) => card.due <= at)
    .sort(([a, x], [b, y]) => x.due - y.due || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id)
}
