/**
 * What the app and an LMS connection say to each other (issue 15, docs/lms.md). One shape for
 * SCORM 1.2, SCORM 2004 and cmi5, so the pages and stores never know which LMS is there.
 *
 * IndexedDB is always written first: an event reaches the LMS only after its transaction
 * committed, and an LMS that refuses a value never undoes or blocks what is saved.
 */
import type { Attempt, SavedResponse } from '../../domain/types.ts'

/** Something the learner did that is already committed to IndexedDB. */
export type LmsEvent =
  /** One answer saved during an assessment attempt. */
  | { type: 'answer'; attempt: Attempt; response: SavedResponse }
  /** An attempt submitted (by the learner or at its deadline), with every saved response. */
  | { type: 'submitted'; attempt: Attempt; responses: readonly SavedResponse[] }
  /** Reading progress in a lesson: the fraction read (0–1) and whether it was read to the end. */
  | { type: 'lesson'; courseId: string; lessonId: string; fraction: number; completed: boolean }
  /** A course's sealed items were opened on this device (a release code): its sealed attempts can be graded now. */
  | { type: 'released'; courseId: string }

/** The learner as the LMS names them. */
export interface LmsLearner {
  /** The LMS's id for the learner (cmi.core.student_id, cmi.learner_id, the cmi5 actor's account). */
  id: string
  /** The name to show (the LMS's learner name, else the id). */
  name: string
}

/** A problem the LMS reported, in words for the learner (never a stack trace, never an error code alone). */
export interface LmsProblem {
  message: string
  /** The LMS's own code and text, for the instructor or support (shown small, after the message). */
  detail?: string
}

/** A live connection to the LMS for this launch. */
export interface LmsSession {
  readonly kind: 'scorm12' | 'scorm2004' | 'cmi5'
  readonly learner: LmsLearner
  /** Tells the LMS about a committed event. Resolves when the LMS has it (committed), or with the problem. */
  report(event: LmsEvent): Promise<LmsProblem | undefined>
  /**
   * Optional, called by start.ts once the LMS's learner is this device's profile `learnerId`:
   * brings back what the LMS kept of an open attempt when this device does not have it (SCORM's
   * suspend_data). Resolves with a problem in words when it could not.
   */
  resume?(learnerId: string): Promise<LmsProblem | undefined>
  /** Ends the launch (LMSFinish / Terminate / cmi5 terminated), once; later calls do nothing. */
  finish(): Promise<LmsProblem | undefined>
  /**
   * Where the LMS wants the learner sent after `finish` (cmi5 LaunchData returnURL); the bridge
   * navigates there after an Exit (finishLms), never when the page is already going away.
   */
  readonly returnUrl?: string
  /**
   * Called synchronously on pagehide, before the page may go for good: keep what must survive in
   * synchronous storage (cmi5 keeps its terminated statement there). Optional.
   */
  leave?(): void
}

/**
 * A connection that could not be made, with the words for the learner (start.ts shows them) and,
 * when the launch named them, the learner: their work on this device is then kept as theirs.
 */
export class LmsConnectError extends Error {
  override name = 'LmsConnectError'
  constructor(
    readonly problem: LmsProblem,
    readonly learner?: LmsLearner,
  ) {
    super(problem.detail === undefined ? problem.message : `${problem.message} (${problem.detail})`)
  }
}
