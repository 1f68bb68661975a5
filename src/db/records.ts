/**
 * The rows stored in each table, for src/db only: db functions take and return domain types.
 * Domain types are stored as they are.
 */
import type { Learner, LessonProgress } from '../domain/learnerTypes.ts'
import type { ReviewCard } from '../domain/schedule.ts'
import type { ImportFlag } from '../domain/importChecks.ts'
import type { ImportConflict } from '../domain/importConflicts.ts'
import type { PublicJwk } from '../domain/deviceSignature.ts'
import type { Attempt, ManualGrade, SavedResponse, VersionedItem } from '../domain/types.ts'

export type LearnerRecord = Learner
export type LessonProgressRecord = LessonProgress
export type AttemptRecord = Attempt
export type ResponseRecord = SavedResponse

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

/** The course check of one imported attempt (src/db/importFlags.ts). */
export interface ImportFlagRecord {
  attemptId: string
  /** Empty when the attempt fits the course and the clock. */
  flags: ImportFlag[]
  checkedAt: number
  /** Grades made on the learner's device, from the file: not counted until the instructor accepts them. */
  learnerGrades: ManualGrade[]
  /** When the instructor chose to count this flagged attempt anyway. */
  acceptedAt?: number
}

/**
 * A profile's device key, on the learner's device (src/db/deviceKeys.ts). The private key is a
 * non-extractable CryptoKey: it signs here and never leaves the device (never in a backup).
 */
export interface DeviceKeyRecord {
  learnerId: string
  privateKey: CryptoKey
  publicJwk: PublicJwk
  fingerprint: string
  createdAt: number
}

/** A key the instructor's device has seen for a learner (src/db/pinnedKeys.ts). */
export interface SeenKey {
  fingerprint: string
  publicJwk: PublicJwk
  /** The file it came in. */
  fromFile: string
  at: number
}

/**
 * The key pinned for a learner on the instructor's device: the first signed file's (trust on first
 * use), or one the instructor chose to trust since. `offered`: the newest other key a file was
 * signed with, which "Trust the new key" pins; `history`: keys pinned before, with when each was
 * replaced.
 */
export interface PinnedKeyRecord {
  learnerId: string
  fingerprint: string
  publicJwk: PublicJwk
  pinnedAt: number
  fromFile: string
  offered?: SeenKey
  history?: (SeenKey & { replacedAt: number })[]
}

/** A result file kept back until the instructor says who is who (src/db/importConflicts.ts). */
export type ImportConflictRecord = ImportConflict

/**
 * The full items of a course's sealed assessments, opened on this device from the course's key
 * file (src/db/sealedItems.ts). `via` says how: the instructor's unlock code ('secret', which also
 * gives the release code to hand out) or a learner's release code.
 */
export interface SealedItemsRecord {
  courseId: string
  items: VersionedItem[]
  via: 'secret' | 'release-code'
  /** The code that opens the key file for learners; kept only when opened with the secret. */
  releaseCode?: string
  openedAt: number
}

/**
 * One xAPI statement waiting for the LRS (src/db/outbox.ts). `body` is the statement serialized
 * once, in the transaction of the event that caused it; it is sent as it is, never rebuilt.
 * `sending` rows belong to a POST in flight; one left over by a closed tab is queued again.
 */
export interface OutboxRecord {
  id: string
  body: string
  queuedAt: number
  state: 'queued' | 'sending' | 'review' | 'quarantined'
  /** POSTs that carried this statement without an answer that settled it. */
  attempts: number
  lastError: string | null
  /** Epoch ms before which the sender leaves it alone (backoff); 0 = now. */
  nextTryAt: number
  /** When it was marked `sending` (a tab that died mid-send leaves it so). */
  sendingSince?: number
}
