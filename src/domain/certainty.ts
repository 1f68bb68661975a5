/**
 * The certainty levels of certainty-based marking (cbm.ts): 1 "not sure", 2 "fairly sure",
 * 3 "very sure". A module with no imports, so the database schema and first-load code can read it
 * without bringing in grading or validation.
 */
export type Certainty = 1 | 2 | 3

export const CERTAINTIES: readonly Certainty[] = [1, 2, 3]

/** The level an answer without a certainty counts at (Moodle's question_cbm::default_certainty()). */
export const DEFAULT_CERTAINTY: Certainty = 1

export function isCertainty(value: unknown): value is Certainty {
  return value === 1 || value === 2 || value === 3
}
