/**
 * A check session: practice on a lesson, or a review of the items due. One item at a time: answer,
 * check, see why, perhaps try again, move on; after the last item the run is closed.
 *
 * The two differ only in their rules. Practice keeps the first try of each item as evidence, so
 * mastery says what the learner knew before seeing the feedback, and offers "Try again" (graded,
 * never saved). Review keeps every try, since each one reschedules its card. A saved try is also
 * the one recorded in the review schedule. The functions here decide; the store writes.
 */
import { gradeResponse, type Grade, type GradeState } from './grading/index.ts'
import type { Answer, Attempt, SavedResponse, VersionedItem } from './types.ts'
import { snapshotOf } from './own.ts'

/** The source id of the practice attempt that keeps one review session's answers. */
export const REVIEW_SOURCE = 'review'

export interface CheckRules {
  /** Which tries are saved as evidence: each item's first one (practice) or every one (review). */
  saveEvery: 'first-try' | 'every-try'
  /** Offer "Try again" after the feedback; the retry is graded but never saved. */
  allowTryAgain: boolean
}

export const PRACTICE_RULES: CheckRules = { saveEvery: 'first-try', allowTryAgain: true }
export const REVIEW_RULES: CheckRules = { saveEvery: 'every-try', allowTryAgain: false }

export interface CheckSession {
  readonly rules: CheckRules
  /** Item ids in the order they are asked. */
  readonly queue: readonly string[]
  /** Position in the queue; `queue.length` once the run is over. */
  readonly index: number
  /** The feedback on the item on screen, once it is checked. */
  readonly grade?: Grade
  /** The learner chose "Try again" on the item on screen. */
  readonly retrying: boolean
  /** Items with a saved try in this run, earlier visits included. */
  readonly saved: readonly string[]
  /** The state of each item's first check in this session, in order. */
  readonly results: readonly GradeState[]
}

/**
 * Opens a session on `queue`. A resumed run starts at its first item without a saved try, so
 * leaving and coming back neither repeats nor skips a question.
 */
export function openSession(rules: CheckRules, queue: readonly string[], saved: readonly string[] = []): CheckSession {
  const open = queue.findIndex((id) => !saved.includes(id))
  return { rules, queue, index: open < 0 ? queue.length : open, retrying: false, saved, results: [] }
}

/** The id of the item to show, or undefined once the run is over. */
export function currentItemId(session: CheckSession): string | undefined {
  return session.queue[session.index]
}

export function isFinished(session: CheckSession): boolean {
  return session.index >= session.queue.length
}

export function isLastItem(session: CheckSession): boolean {
  return session.index + 1 >= session.queue.length
}

/**
 * Whether the feedback names the right answer. Practice keeps it back on the first try, so that
 * "Try again" is still worth something; review and retries name it at once.
 */
export function namesCorrectAnswer(session: CheckSession): boolean {
  return !session.rules.allowTryAgain || session.retrying
}

export interface CheckOutcome {
  session: CheckSession
  /** Undefined when the check was refused (feedback already showing, or not the item on screen). */
  grade?: Grade
  /** Save this try as evidence and record it in the review schedule. */
  save: boolean
  /** The saved try is by rule the item's first (practice), which the scheduler may weigh. */
  firstTry: boolean
}

/** Grades `answer` to the item on screen and says whether this try is the one to save. */
export function checkAnswer(session: CheckSession, item: VersionedItem, answer: Answer | null): CheckOutcome {
  const firstTry = session.rules.saveEvery === 'first-try'
  if (session.grade || item.id !== currentItemId(session)) return { session, save: false, firstTry }
  const grade = gradeResponse(item, answer)
  const save = !session.retrying && (session.rules.saveEvery === 'every-try' || !session.saved.includes(item.id))
  return {
    session: {
      ...session,
      grade,
      saved: save && !session.saved.includes(item.id) ? [...session.saved, item.id] : session.saved,
      results: session.retrying ? session.results : [...session.results, grade.state],
    },
    grade,
    save,
    firstTry,
  }
}

/** Clears the feedback for another go at the same item, where the rules allow it. */
export function tryAgain(session: CheckSession): CheckSession {
  if (!session.rules.allowTryAgain || !session.grade) return session
  return { ...session, grade: undefined, retrying: true }
}

/** Moves to the next item; `close` says the move ended the run, so its attempt is to be closed. */
export function moveOn(session: CheckSession): { session: CheckSession; close: boolean } {
  if (isFinished(session)) return { session, close: false }
  const next = { ...session, index: session.index + 1, grade: undefined, retrying: false }
  return { session: next, close: isFinished(next) }
}

export interface PracticeScore {
  score: number
  max: number
  /** Saved tries that were graded. */
  answered: number
}

/**
 * The first-try score of a practice run (or a review's attempt): each saved response graded
 * against the snapshot the run showed. Retries are never saved, so they never count.
 */
export function practiceScore(attempt: Attempt, responses: readonly SavedResponse[]): PracticeScore {
  let score = 0
  let max = 0
  let answered = 0
  for (const response of responses) {
    const slot = attempt.slots.find((s) => s.itemId === response.itemId)
    const item = slot ? snapshotOf(attempt, slot.version) : undefined
    if (!item || response.answer === null) continue
    const grade = gradeResponse(item, response.answer)
    score += grade.score
    max += grade.max
    answered += 1
  }
  return { score, max, answered }
}

export interface ReviewOutlook {
  /** Items due again already (missed ones come back within minutes). */
  dueAgain: number
  /** When the next card is due; null when the learner has no cards yet. */
  nextDue: number | null
}

/**
 * What the end of a review says about the schedule. Only items still in the course count: an item
 * removed from its bank is never asked again.
 */
export function reviewOutlook(
  cards: Readonly<Record<string, { due: number }>>,
  due: readonly string[],
  inCourse: (itemId: string) => boolean,
): ReviewOutlook {
  const times = Object.entries(cards)
    .filter(([id]) => inCourse(id))
    .map(([, card]) => card.due)
  return { dueAgain: due.filter(inCourse).length, nextDue: times.length > 0 ? Math.min(...times) : null }
}
