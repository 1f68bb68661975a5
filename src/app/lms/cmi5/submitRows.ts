/**
 * The cmi5 rows of a submitted attempt, for the submit's own transaction (src/stores/outboxRows.ts):
 * the answered statements and completed / passed / failed that the order rules allow, built by the
 * live session. None without a live session (the launch failed: the work stays on this device).
 */
import type { OutboxRecord } from '../../../db/records.ts'
import type { Attempt, SavedResponse } from '../../../domain/types.ts'
import { activeCmi5 } from './session.ts'

export function cmi5SubmitRows(attempt: Attempt, responses: readonly SavedResponse[]): OutboxRecord[] {
  return activeCmi5()?.planSubmit(attempt, responses) ?? []
}
