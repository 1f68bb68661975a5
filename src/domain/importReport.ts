/**
 * The import page's words for a batch (issue 12 §9): what became of each file, the counts shown
 * before the list, the progress label, and what a screen reader is told while a batch runs.
 * - imported: attempts added, none flagged;
 * - flagged: attempts added, at least one flagged (shown with its reasons, not counted);
 * - already: nothing new, every attempt already on this device;
 * - conflict: kept back until the instructor says who is who;
 * - refused: not imported (the file is damaged, hostile, for another course, or could not be saved).
 */
import type { ImportOutcome } from './resultImport.ts'

export type OutcomeKind = 'imported' | 'flagged' | 'already' | 'conflict' | 'refused'

export const OUTCOME_KINDS: readonly OutcomeKind[] = ['imported', 'flagged', 'already', 'conflict', 'refused']

/** What became of one file (rules at the top of the file). */
export function outcomeKind(outcome: ImportOutcome): OutcomeKind {
  if (!outcome.ok) return outcome.code === 'conflict' ? 'conflict' : 'refused'
  if ((outcome.flagged ?? 0) > 0) return 'flagged'
  return outcome.added === 0 && outcome.alreadyImported > 0 ? 'already' : 'imported'
}

/** Whether the "only problems" view shows the file: anything but a clean import. */
export function isProblem(outcome: ImportOutcome): boolean {
  return outcomeKind(outcome) !== 'imported'
}

export function outcomeCounts(outcomes: readonly ImportOutcome[]): Record<OutcomeKind, number> {
  const counts: Record<OutcomeKind, number> = { imported: 0, flagged: 0, already: 0, conflict: 0, refused: 0 }
  for (const o of outcomes) counts[outcomeKind(o)]++
  return counts
}

/** 1234 → "1,234". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

const KIND_WORDS: Record<OutcomeKind, string> = {
  imported: 'imported',
  flagged: 'imported with flagged attempts',
  already: 'already imported',
  conflict: 'kept back as a conflict',
  refused: 'refused',
}

/** "1,000 files: 960 imported, 12 imported with flagged attempts, 8 refused." (kinds with none left out). */
export function countsSentence(counts: Record<OutcomeKind, number>): string {
  const total = OUTCOME_KINDS.reduce((sum, k) => sum + counts[k], 0)
  const parts = OUTCOME_KINDS.filter((k) => counts[k] > 0).map((k) => `${count(counts[k])} ${KIND_WORDS[k]}`)
  return `${count(total)} ${total === 1 ? 'file' : 'files'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`
}

/** The visible progress label: "Imported 340 of 1,000 files". */
export function progressLabel(done: number, total: number): string {
  return `Imported ${count(done)} of ${count(total)} ${total === 1 ? 'file' : 'files'}`
}

/**
 * Which tenth of the batch is done (0 to 10): the polite live region speaks only when this
 * changes, so 1,000 files make about ten announcements, not 1,000.
 */
export function progressTenth(done: number, total: number): number {
  if (total <= 0) return 10
  return Math.min(10, Math.max(0, Math.floor((done * 10) / total)))
}
