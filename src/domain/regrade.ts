/**
 * Regrading: moving a past attempt's slot to the bank's current version of the same item.
 *
 * Rules:
 * - A slot is stale when the bank holds the same item id at another version. Items no longer in
 *   the bank are left alone.
 * - The preview grades the stored response against the new version (the same response, nothing
 *   re-asked) and the attempt's total with only that slot changed. An instructor's ManualGrade
 *   still decides its item, so such a slot changes version but not score (`manual`).
 * - Applying keeps history: the slot points at the new version and the new snapshot is added,
 *   while the old snapshot stays in `snapshots` (and the history row names both versions).
 * - Nothing here runs by itself: regrading is an explicit instructor action.
 */
import { gradeAttempt, type AttemptGradeOptions } from './attemptGrading.ts'
import type { Attempt, ManualGrade, SavedResponse, VersionedItem } from './types.ts'

export interface RegradeChange {
  attemptId: string
  learnerId: string
  assessmentId: string
  itemId: string
  fromVersion: string
  toVersion: string
  oldItemScore: number
  newItemScore: number
  oldPercent: number
  newPercent: number
  /** An instructor's grade decides this item, so its score stays. */
  manual: boolean
}

/** The attempt with one slot moved to `item`'s version; the old snapshot is kept. */
export function regradeAttempt(attempt: Attempt, item: VersionedItem): Attempt {
  return {
    ...attempt,
    slots: attempt.slots.map((slot) => (slot.itemId === item.id ? { ...slot, version: item.version } : slot)),
    snapshots: { ...attempt.snapshots, [item.version]: item },
  }
}

export interface RegradeInput {
  attempts: readonly Attempt[]
  responses: ReadonlyMap<string, readonly SavedResponse[]>
  manualGrades: ReadonlyMap<string, readonly ManualGrade[]>
  /** The current bank, by item id. */
  current: ReadonlyMap<string, VersionedItem>
  /** Pass mark and marking rule for an attempt's assessment. */
  optionsFor: (attempt: Attempt) => AttemptGradeOptions
}

/** Every stale slot of the submitted attempts, with old and new scores (rules at the top). */
export function regradePreview(input: RegradeInput): RegradeChange[] {
  const changes: RegradeChange[] = []
  for (const attempt of input.attempts) {
    if (attempt.submittedAt === null || attempt.mode !== 'assessment') continue
    const responses = input.responses.get(attempt.id) ?? []
    const manual = input.manualGrades.get(attempt.id) ?? []
    const options = input.optionsFor(attempt)
    let before: ReturnType<typeof gradeAttempt> | undefined
    for (const slot of attempt.slots) {
      const item = input.current.get(slot.itemId)
      if (item === undefined || item.version === slot.version) continue
      before ??= gradeAttempt(attempt, responses, manual, options)
      const after = gradeAttempt(regradeAttempt(attempt, item), responses, manual, options)
      const oldItem = before.perItem.find((r) => r.itemId === slot.itemId)
      const newItem = after.perItem.find((r) => r.itemId === slot.itemId)
      changes.push({
        attemptId: attempt.id,
        learnerId: attempt.learnerId,
        assessmentId: attempt.sourceId,
        itemId: slot.itemId,
        fromVersion: slot.version,
        toVersion: item.version,
        oldItemScore: oldItem?.grade.score ?? 0,
        newItemScore: newItem?.grade.score ?? 0,
        oldPercent: before.percent,
        newPercent: after.percent,
        manual: newItem?.manual ?? false,
      })
    }
  }
  return changes
}
