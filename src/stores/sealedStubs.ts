/**
 * Telling an attempt at a sealed assessment by its stubs (src/domain/sealed.ts), cheaply: this is
 * all the start and assessment pages carry of sealed grading (stores/sealedAttempts.ts loads later).
 */
import { isStub } from '../domain/sealedStub.ts'
import type { Attempt, SavedResponse } from '../domain/types.ts'

/** An attempt as it can be graded on this device, with its responses (stores/sealedAttempts.ts). */
export interface Gradable {
  attempt: Attempt
  responses: SavedResponse[]
}

/** Whether any item the attempt showed is a stub. */
export function showedStubs(attempt: Pick<Attempt, 'snapshots'>): boolean {
  return Object.values(attempt.snapshots).some(isStub)
}

/** The stubs' versions an attempt showed. */
export function stubVersions(attempt: Pick<Attempt, 'snapshots'>): string[] {
  return Object.entries(attempt.snapshots).flatMap(([version, item]) => (isStub(item) ? [version] : []))
}
