/** What importing one result file did, for the instructor's import report. */
import type { ResultFileErrorCode } from './resultFile.ts'

/** Why an imported attempt was flagged: its flags' messages, in plain words. */
export interface FlaggedReasons {
  attemptId: string
  messages: string[]
}

export type ImportOutcome =
  | {
    fileName: string; ok: true; learner: { id: string; name: string }; newLearner: boolean; added: number; alreadyImported: number; flagged?: number
    /** The flagged attempts this import added, with why; only when there is one. */
    reasons?: FlaggedReasons[]
  }
  | { fileName: string; ok: false; code: ResultFileErrorCode | 'storage' | 'unexpected' | 'sealed-locked'; message: string; path?: string }
  /** Kept back for the instructor: who is who (importConflicts.ts); `conflictId` is its row. */
  | { fileName: string; ok: false; code: 'conflict'; message: string; conflictId: number; path?: undefined }
