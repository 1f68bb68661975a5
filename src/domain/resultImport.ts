/** What importing one result file did, for the instructor's import report. */
import type { ResultFileErrorCode } from './resultFile.ts'

export type ImportOutcome =
  | { fileName: string; ok: true; learner: { id: string; name: string }; newLearner: boolean; added: number; alreadyImported: number; flagged?: number }
  | { fileName: string; ok: false; code: ResultFileErrorCode | 'storage' | 'unexpected' | 'sealed-locked'; message: string; path?: string }
  /** Kept back for the instructor: who is who (importConflicts.ts); `conflictId` is its row. */
  | { fileName: string; ok: false; code: 'conflict'; message: string; conflictId: number; path?: undefined }
