/** What a learner's attempts are made of: answers, slots, attempts, saved responses, instructors' grades. */
import type { VersionedItem } from './types.ts'

/** A learner's answer to one item; the shape follows the item's type. */
export type Answer =
  | { type: 'single'; optionId: string }
  | { type: 'multiple'; optionIds: string[] }
  | { type: 'truefalse'; value: boolean }
  /** prompt (pair id) → chosen match: a pair id or a distractor id. */
  | { type: 'matching'; matches: Record<string, string> }
  /** Step ids in the learner's order. */
  | { type: 'ordering'; order: string[] }
  /** statement id → category id. */
  | { type: 'categorize'; assignments: Record<string, string> }
  /** blank id → text typed or option chosen. */
  | { type: 'cloze'; blanks: Record<string, string> }
  | { type: 'short'; text: string }
  | { type: 'numeric'; text: string }
  | { type: 'freetext'; text: string }

/** One slot of an attempt: which item (at which version) and in what option order. */
export interface AttemptSlot {
  itemId: string
  version: string
  /** Order in which the options / steps / statements were shown (ids), when shuffled. */
  order?: string[]
  /**
   * Cloze drop-downs: blank id → its options (texts) in the order shown, when shuffled
   * (`clozeOrder.ts`). A blank not listed shows its authored order. Result file version 2.
   */
  blankOrders?: Record<string, string[]>
}

export type AttemptMode = 'assessment' | 'practice'

/**
 * One sitting. Times are epoch milliseconds, passed in by the caller.
 * The deadline is absolute and fixed at start (time limit × allowance).
 */
export interface Attempt {
  id: string
  courseId: string
  learnerId: string
  mode: AttemptMode
  /** The blueprint for assessments; the lesson id for practice. */
  sourceId: string
  seed: number
  startedAt: number
  deadline: number | null
  submittedAt: number | null
  submitReason: 'learner' | 'deadline' | null
  slots: AttemptSlot[]
  /** The exact items shown, keyed by version, so editing a bank never changes a past attempt. */
  snapshots: Record<string, VersionedItem>
}

/** A learner's saved answer to one slot of an attempt. */
export interface SavedResponse {
  attemptId: string
  itemId: string
  answer: Answer | null
  flagged: boolean
  savedAt: number
  /** Increases with every save; a write with a stale sequence is refused (two tabs). */
  seq: number
  /**
   * How sure the learner was (src/domain/cbm.ts): 1 not sure, 2 fairly sure, 3 very sure.
   * Only for blueprints with `certainty` (and practice with the course's `practiceCertainty`);
   * absent otherwise, and on rows saved before database version 9 / result-file version 5.
   */
  certainty?: 1 | 2 | 3
}

/** An instructor's grade for one response (free text, or an override). */
export interface ManualGrade {
  attemptId: string
  itemId: string
  /** criterion id → points awarded. */
  criteria: Record<string, number>
  score: number
  comment: string
  gradedAt: number
}
