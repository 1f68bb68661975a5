/**
 * The gradebook's rows as the instructor browses them (pure): sorted by any column, filtered by
 * name and outcome, and paged. Sorting puts missing values (null) last in both directions, then
 * orders by name; the certainty columns sort by accuracy, CBM bonus, Brier score or confidence
 * index (null without certainty). The rows themselves come from gradebook.ts.
 */
import type { CertaintyFigures } from './certaintyReport.ts'
import type { CellResult, GradebookCell, GradebookRow } from './gradebook.ts'
import { own } from './own.ts'

/** Certainty columns (assessments with certainty): accuracy, CBM bonus, Brier score, confidence index. */
export type CertaintySortKind = 'accuracy' | 'bonus' | 'brier' | 'confidence'
export type GradebookSortKey = 'name' | 'lastActivity' | `grade:${string}` | `attempts:${string}` | `passed:${string}` | `objective:${string}` | `${CertaintySortKind}:${string}`
export type SortDirection = 'ascending' | 'descending'

/** A certainty figure of a cell; null without certainty or without a decided answer. */
export function certaintyValue(figures: CertaintyFigures | undefined, kind: CertaintySortKind): number | null {
  if (figures === undefined || figures.cbm.items === 0) return null
  if (kind === 'accuracy') return figures.cbm.accuracy
  if (kind === 'bonus') return figures.cbm.bonus
  return kind === 'brier' ? figures.brier : figures.confidenceIndex
}

function sortValue(row: GradebookRow, key: GradebookSortKey): string | number | null {
  if (key === 'name') return row.name.toLocaleLowerCase()
  if (key === 'lastActivity') return row.lastActivity
  const [kind, id = ''] = key.split(/:(.*)/s) as [string, string]
  if (kind === 'objective') return own(row.objectives, id) ?? null
  const cell = row.cells[id]
  if (cell === undefined) return null
  if (kind === 'grade') return cell.grade
  if (kind === 'attempts') return cell.attempts
  if (kind === 'accuracy' || kind === 'bonus' || kind === 'brier' || kind === 'confidence') return certaintyValue(cell.certainty, kind)
  return cell.passed === null ? null : cell.passed ? 1 : 0
}

/** Rows in order of `key`; missing values last whichever the direction, ties by name. */
export function sortRows(rows: readonly GradebookRow[], key: GradebookSortKey, direction: SortDirection): GradebookRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  const byName = (a: GradebookRow, b: GradebookRow) => a.name.localeCompare(b.name) || a.learnerId.localeCompare(b.learnerId)
  return rows
    .map((row) => ({ row, value: sortValue(row, key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? byName(a.row, b.row) : a.value === null ? 1 : -1
      const order = typeof a.value === 'string' ? a.value.localeCompare(String(b.value)) : a.value - (b.value as number)
      return sign * order || byName(a.row, b.row)
    })
    .map((entry) => entry.row)
}

export type OutcomeFilter = 'all' | CellResult

export interface GradebookFilter {
  /** Part of the learner's name or id, any case. */
  query: string
  /** The assessment `outcome` looks at. */
  assessmentId?: string
  outcome: OutcomeFilter
}

/** A cell's outcome; no cell: not attempted. */
export function outcomeOf(cell: GradebookCell | undefined): CellResult {
  return cell?.result ?? 'not-attempted'
}

/** The rows matching a name search and an outcome at one assessment. */
export function filterRows(rows: readonly GradebookRow[], filter: GradebookFilter): GradebookRow[] {
  const query = filter.query.trim().toLocaleLowerCase()
  return rows.filter((row) => {
    if (query !== '' && !row.name.toLocaleLowerCase().includes(query) && !row.learnerId.toLocaleLowerCase().includes(query)) return false
    if (filter.outcome === 'all' || filter.assessmentId === undefined) return true
    return outcomeOf(row.cells[filter.assessmentId]) === filter.outcome
  })
}

export interface GradebookPage {
  rows: GradebookRow[]
  /** 1-based, clamped into 1..pageCount. */
  page: number
  pageCount: number
  total: number
  /** 1-based position of the first and last row shown (0 when empty). */
  from: number
  to: number
}

/** One page of rows, so a large class never renders every row at once. */
export function pageRows(rows: readonly GradebookRow[], page: number, size = 50): GradebookPage {
  const pageCount = Math.max(1, Math.ceil(rows.length / size))
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount)
  const start = (current - 1) * size
  const shown = rows.slice(start, start + size)
  return { rows: shown, page: current, pageCount, total: rows.length, from: shown.length > 0 ? start + 1 : 0, to: start + shown.length }
}
