/**
 * The instructor's gradebook as pure data: one row per learner, one cell per assessment.
 *
 * Rules:
 * - Only submitted assessment attempts at a known assessment count; open attempts are counted
 *   separately (`open`) and practice is ignored.
 * - A cell's grade is `finalGrade` (the assessment's grading method) over the percents of its
 *   submitted attempts, each graded by `gradeAttempt` with the instructor's grades. Free text still
 *   waiting for an instructor counts 0 there and is reported in `pending`.
 * - result (and passed, its yes/no/undecided form): with no submitted attempt, 'open' when one is
 *   started (never 'failed') and 'not-attempted' otherwise. Else 'passed' when the grade reaches
 *   the pass mark (grading can only add, so a pending item cannot undo it); 'pending' while an
 *   attempt the grading method could still take its grade from waits for an instructor (highest
 *   and average: any submitted attempt, since grading any of them can raise the grade; first and
 *   last: only that attempt); 'failed' once none does. passed: true, false, or null otherwise.
 *   The CSV's result column says passed, failed, pending, open, or nothing (no attempt).
 * - The attempt a method picks (`chosenAttempts`): first or last by start time, ties by attempt id;
 *   highest: the best counted percent, ties to the earlier; average: every submitted attempt.
 * - Per objective: percent = score / max over the attempts the grading method picks (the chosen
 *   attempt for highest/first/last, every submitted attempt for average), summed over all
 *   assessments; null when the learner has no evidence for it.
 * - Certainty (assessments with `certainty` only): a cell carries CBM and calibration figures over
 *   the attempts its method picks (certaintyReport.ts) and the CSV their columns. With `passOn:
 *   'cbm'` the result judges accuracy + bonus (per attempt, by the grading method) against the pass
 *   mark, and stays 'pending' while a deciding attempt waits for an instructor (a pending answer
 *   can lower it).
 * - lastActivity: the latest start, submission or saved answer of any of the learner's attempts.
 * - Sorting, filtering and paging the rows: gradebookView.ts.
 */
import { finalGrade, gradeAttempt, gradingOptions, type AttemptGrade } from './attemptGrading.ts'
import { passed as reachesPassMark, type AssessmentInfo } from './blueprints.ts'
import { certaintyCells, certaintyFigures, certaintyHeader, type CertaintyFigures } from './certaintyReport.ts'
import { roundTo, toCsv, type CsvCell } from './csv.ts'
import { isoDateTime } from './format.ts'
import type { Attempt, GradingMethod, ManualGrade, SavedResponse } from './types.ts'
import { outcomeOf } from './gradebookView.ts'
import { own } from './own.ts'

export interface GradebookLearner {
  id: string
  name: string
  origin: 'local' | 'imported'
}

export interface GradebookInput {
  learners: readonly GradebookLearner[]
  assessments: readonly AssessmentInfo[]
  attempts: readonly Attempt[]
  responses: ReadonlyMap<string, readonly SavedResponse[]>
  manualGrades: ReadonlyMap<string, readonly ManualGrade[]>
}

export interface GradebookCell {
  /** Percent by the grading method; null without a submitted attempt. */
  grade: number | null
  /** Submitted attempts. */
  attempts: number
  /** Attempts started and not yet submitted. */
  open: number
  lastActivity: number | null
  /** true passed, false failed, null undecided (pending, open or not attempted). */
  passed: boolean | null
  result: CellResult
  /** Free-text answers waiting for an instructor in the submitted attempts. */
  pending: number
  /** Assessments with certainty: CBM and calibration over the chosen attempts (certaintyReport.ts). */
  certainty?: CertaintyFigures
}

/** A cell's result, in the words the table and the CSV show (rules at the top of the file). */
export type CellResult = 'passed' | 'failed' | 'pending' | 'open' | 'not-attempted'

export interface GradebookRow {
  learnerId: string
  name: string
  origin: 'local' | 'imported'
  cells: Record<string, GradebookCell>
  objectives: Record<string, number | null>
  lastActivity: number | null
}

export interface Gradebook {
  rows: GradebookRow[]
  /** Objective ids seen in any graded attempt, sorted. */
  objectives: string[]
}

/** One graded attempt, as the gradebook and the learner page use it. */
export interface GradedAttempt {
  attempt: Attempt
  grade: AttemptGrade
}

/** Grade one attempt with its assessment's pass mark and marking rule. */
export function gradeFor(attempt: Attempt, input: Pick<GradebookInput, 'responses' | 'manualGrades'>, assessment?: AssessmentInfo): AttemptGrade {
  return gradeAttempt(attempt, input.responses.get(attempt.id) ?? [], input.manualGrades.get(attempt.id) ?? [], gradingOptions(assessment))
}

/** The attempts a grading method takes its grade from (rule at the top of the file). */
export function chosenAttempts(graded: readonly GradedAttempt[], method: GradingMethod): GradedAttempt[] {
  if (graded.length === 0 || method === 'average') return [...graded]
  const byStart = [...graded].sort((a, b) => a.attempt.startedAt - b.attempt.startedAt || (a.attempt.id < b.attempt.id ? -1 : a.attempt.id > b.attempt.id ? 1 : 0))
  if (method === 'first') return byStart.slice(0, 1)
  if (method === 'last') return byStart.slice(-1)
  const best = byStart.reduce((top, g) => (g.grade.percent > top.grade.percent ? g : top))
  return [best]
}

/**
 * Passed, failed or still pending under a grading method (rules at the top of the file); null
 * without submitted attempts.
 */
export function passState(graded: readonly GradedAttempt[], method: GradingMethod, passMark: number, passOn: 'accuracy' | 'cbm' = 'accuracy'): 'passed' | 'failed' | 'pending' | null {
  const onCbm = passOn === 'cbm'
  const value = (g: GradedAttempt) => (onCbm && g.grade.cbm !== undefined ? 100 * g.grade.cbm.accuracyAndBonus : g.grade.percent)
  const now = finalGrade(graded.map((g) => ({ startedAt: g.attempt.startedAt, percent: value(g) })), method)
  if (now === null) return null
  const deciding = method === 'first' || method === 'last' ? chosenAttempts(graded, method) : graded
  const waiting = deciding.some((g) => g.grade.pending > 0)
  // On CBM a pending answer can lower the figure, so nothing is decided while one waits.
  if (onCbm && waiting) return 'pending'
  if (reachesPassMark(now, passMark)) return 'passed'
  return waiting ? 'pending' : 'failed'
}

function latest(attempt: Attempt, responses: readonly SavedResponse[] | undefined): number {
  let at = Math.max(attempt.startedAt, attempt.submittedAt ?? 0)
  for (const r of responses ?? []) at = Math.max(at, r.savedAt)
  return at
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.max(a, b)
}

function cellFor(assessment: AssessmentInfo, own: readonly Attempt[], input: GradebookInput, objectives: Map<string, { score: number; max: number }>): GradebookCell {
  const submitted: GradedAttempt[] = []
  let lastActivity: number | null = null
  let open = 0
  for (const attempt of own) {
    lastActivity = maxOrNull(lastActivity, latest(attempt, input.responses.get(attempt.id)))
    if (attempt.submittedAt === null) open++
    else submitted.push({ attempt, grade: gradeFor(attempt, input, assessment) })
  }
  const grade = finalGrade(submitted.map((g) => ({ startedAt: g.attempt.startedAt, percent: g.grade.percent })), assessment.gradingMethod)
  const chosen = chosenAttempts(submitted, assessment.gradingMethod)
  for (const g of chosen) {
    for (const o of g.grade.perObjective) {
      const sum = objectives.get(o.objective) ?? { score: 0, max: 0 }
      sum.score += o.score
      sum.max += o.max
      objectives.set(o.objective, sum)
    }
  }
  const pending = submitted.reduce((n, g) => n + g.grade.pending, 0)
  const passOn = assessment.certainty === true ? assessment.passOn ?? 'accuracy' : 'accuracy'
  const result = passState(submitted, assessment.gradingMethod, assessment.passMark, passOn) ?? (open > 0 ? 'open' : 'not-attempted')
  const passed = result === 'passed' ? true : result === 'failed' ? false : null
  const cell: GradebookCell = { grade, attempts: submitted.length, open, lastActivity, passed, result, pending }
  const certainty = assessment.certainty === true ? certaintyFigures(chosen.map((g) => g.grade)) : undefined
  return certainty === undefined ? cell : { ...cell, certainty }
}

/** Every learner's row (rules at the top of the file). Learners without attempts get empty cells. */
export function gradebookRows(input: GradebookInput): Gradebook {
  const assessments = new Map(input.assessments.map((a) => [a.id, a]))
  const byLearner = new Map<string, Map<string, Attempt[]>>()
  for (const attempt of input.attempts) {
    if (attempt.mode !== 'assessment' || !assessments.has(attempt.sourceId)) continue
    const own = byLearner.get(attempt.learnerId) ?? new Map<string, Attempt[]>()
    const list = own.get(attempt.sourceId) ?? []
    list.push(attempt)
    own.set(attempt.sourceId, list)
    byLearner.set(attempt.learnerId, own)
  }
  const learners = [...input.learners]
  const known = new Set(learners.map((l) => l.id))
  for (const id of byLearner.keys()) if (!known.has(id)) learners.push({ id, name: id, origin: 'imported' })
  const seenObjectives = new Set<string>()
  const rows = learners.map((learner): GradebookRow => {
    const own = byLearner.get(learner.id)
    const sums = new Map<string, { score: number; max: number }>()
    const cells: Record<string, GradebookCell> = {}
    let lastActivity: number | null = null
    for (const assessment of input.assessments) {
      const cell = cellFor(assessment, own?.get(assessment.id) ?? [], input, sums)
      cells[assessment.id] = cell
      lastActivity = maxOrNull(lastActivity, cell.lastActivity)
    }
    const objectives: Record<string, number | null> = {}
    for (const [id, s] of sums) {
      seenObjectives.add(id)
      objectives[id] = s.max > 0 ? roundTo((100 * s.score) / s.max, 9) : null
    }
    return { learnerId: learner.id, name: learner.name, origin: learner.origin, cells, objectives, lastActivity }
  })
  return { rows, objectives: [...seenObjectives].sort() }
}

const outcomeText = (cell: GradebookCell | undefined): string => {
  const outcome = outcomeOf(cell)
  return outcome === 'not-attempted' ? '' : outcome
}

/** The gradebook as a table for export: a header row and one row of cells per learner. */
export function gradebookTable(
  rows: readonly GradebookRow[], assessments: readonly AssessmentInfo[], objectives: readonly string[], flags: ReadonlyMap<string, string> = new Map(),
): { header: string[]; rows: CsvCell[][] } {
  const header = ['learner id', 'learner', 'origin', 'last activity']
  for (const a of assessments) {
    header.push(`${a.title}: grade %`, `${a.title}: attempts`, `${a.title}: result`, `${a.title}: pending grading`, `${a.title}: last activity`)
    if (a.certainty === true) header.push(...certaintyHeader(`${a.title}: `))
  }
  for (const o of objectives) header.push(`objective ${o} %`)
  // Flagged imported attempts (flaggedAttempts.ts): listed with their reasons, counted nowhere.
  header.push('flags')
  const body = rows.map((row) => {
    const cells: CsvCell[] = [row.learnerId, row.name, row.origin, isoDateTime(row.lastActivity)]
    for (const a of assessments) {
      const cell = row.cells[a.id]
      cells.push(roundTo(cell?.grade ?? null, 2), cell?.attempts ?? 0, outcomeText(cell), cell?.pending ?? 0, isoDateTime(cell?.lastActivity ?? null))
      if (a.certainty === true) cells.push(...certaintyCells(cell?.certainty))
    }
    for (const o of objectives) cells.push(roundTo(own(row.objectives, o) ?? null, 2))
    cells.push(flags.get(row.learnerId) ?? '')
    return cells
  })
  return { header, rows: body }
}

/** gradebook.csv: UTF-8 with BOM, ISO dates, formula-looking text neutralised (see csv.ts). */
export function gradebookCsv(rows: readonly GradebookRow[], assessments: readonly AssessmentInfo[], objectives: readonly string[], flags?: ReadonlyMap<string, string>): string {
  const table = gradebookTable(rows, assessments, objectives, flags)
  return toCsv(table.header, table.rows)
}
