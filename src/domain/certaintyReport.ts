/**
 * Certainty figures for the instructor's exports (the gradebook CSV and `npm run report`), for
 * assessments with certainty only (issue 14).
 *
 * Rules:
 * - Over several attempts (a gradebook cell: the attempts its grading method picks), the items of
 *   every attempt are pooled: accuracy, CBM marks and bonus by cbm.ts's rules over all of them,
 *   Brier score and confidence index by calibration.ts's over all their counted answers.
 * - Columns, in this order: accuracy % (Moodle's accuracy × 100), CBM average mark (−6..3 per
 *   question), CBM bonus % (Moodle's bonus × 100), accuracy + bonus %, Brier score (0 best) and
 *   confidence index (mean stated probability − accuracy: above 0 over-confident). Empty cells
 *   for an attempt or a cell without certainty, or without an answer to judge by.
 * - Per item (the report's item statistics): how many counted answers were very sure and wrong,
 *   and whether calibration.ts's rule flags the item as a possible misconception.
 */
import type { AttemptGrade } from './attemptGrading.ts'
import { calibrationAnswers, confidenceFigures, confidentWrong, type ConfidentWrong } from './calibration.ts'
import { cbmSummary, type CbmSummary } from './cbm.ts'
import { roundTo, type CsvCell } from './csv.ts'

export interface CertaintyFigures {
  cbm: CbmSummary
  brier: number | null
  confidenceIndex: number | null
}

/** The column names, after a prefix (the assessment's title and ": " in the gradebook; none in the report). */
export function certaintyHeader(prefix = ''): string[] {
  return ['accuracy %', 'CBM average mark', 'CBM bonus %', 'accuracy + bonus %', 'Brier score', 'confidence index'].map((name) => `${prefix}${name}`)
}

/** Pooled figures of graded attempts; undefined when none was graded with certainty. */
export function certaintyFigures(grades: readonly AttemptGrade[]): CertaintyFigures | undefined {
  const withCertainty = grades.filter((g) => g.cbm !== undefined)
  if (withCertainty.length === 0) return undefined
  const items = withCertainty.flatMap((g) =>
    g.perItem.map((i) => ({ score: i.grade.score, max: i.grade.max, certainty: i.certainty ?? null, answered: i.grade.state !== 'unanswered', pending: i.pending })))
  const passOn = withCertainty[0]!.cbm!.passOn
  const figures = confidenceFigures(withCertainty.flatMap((g) => calibrationAnswers(g)))
  return { cbm: cbmSummary(items, passOn), brier: figures.brier, confidenceIndex: figures.confidenceIndex }
}

/** The cells of certaintyHeader for some figures (empty when there are none). */
export function certaintyCells(figures: CertaintyFigures | undefined): CsvCell[] {
  if (figures === undefined || figures.cbm.items === 0) return ['', '', '', '', '', '']
  const { cbm } = figures
  return [
    roundTo(100 * cbm.accuracy, 2), roundTo(cbm.averageCbm, 4), roundTo(100 * cbm.bonus, 2), roundTo(100 * cbm.accuracyAndBonus, 2),
    roundTo(figures.brier, 4), roundTo(figures.confidenceIndex, 4),
  ]
}

/** Per item, the confident-wrong count and flag over some graded attempts (items without certainty left out). */
export function confidentWrongByItem(grades: readonly AttemptGrade[]): Map<string, ConfidentWrong> {
  return new Map(confidentWrong(grades.flatMap((g) => calibrationAnswers(g))).map((row) => [row.itemId, row]))
}
