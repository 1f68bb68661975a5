/** Why an attempt could not start, in words a learner can act on. */
import { StorageError } from '../../db/errors.ts'
import { BlueprintError } from '../../domain/assembly.ts'
import { AttemptLimitError } from '../../domain/attempt.ts'

export function startErrorMessage(error: unknown, report: (e: unknown) => string): string {
  if (error instanceof AttemptLimitError) {
    return `You have used all ${error.maxAttempts} attempts at this assessment, so you cannot start another.`
  }
  if (error instanceof BlueprintError) {
    return `This assessment cannot start because the course does not have enough questions for it. Please tell your instructor. (${error.message})`
  }
  if (error instanceof StorageError) return report(error)
  return error instanceof Error && error.message ? error.message : 'The assessment could not start. Please try again.'
}
