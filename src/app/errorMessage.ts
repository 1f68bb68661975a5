/**
 * The one place an error becomes words for the learner or instructor: storage problems in the
 * words of src/db/errors.ts, the domain's refusals in plain terms, the app's own refusals (plain
 * `Error`s written for people) as they are, and anything else (a bug, an unexpected value) as
 * `fallback`, never a stack trace or a programmer's message.
 */
import { STORAGE_MESSAGES, storageProblemOf } from '../db/errors.ts'
import type { BlueprintError } from '../domain/assembly.ts'
import type { AttemptLimitError } from '../domain/attempt.ts'

// Matched by name, not instanceof, so this module (on every page) never loads assembly code.
function isNamed<T extends Error>(error: unknown, name: string): error is T {
  return error instanceof Error && error.name === name
}

/** Words for any error, for a message on screen. */
export function errorMessage(error: unknown, fallback: string = STORAGE_MESSAGES.unknown): string {
  const storage = storageProblemOf(error)
  if (storage !== undefined) return STORAGE_MESSAGES[storage]
  if (isNamed<AttemptLimitError>(error, 'AttemptLimitError')) {
    return `You have used all ${error.maxAttempts} attempts at this assessment, so you cannot start another.`
  }
  if (isNamed<BlueprintError>(error, 'BlueprintError')) {
    return `This assessment cannot start because the course does not have enough questions for it. Please tell your instructor. (${error.message})`
  }
  if (isNamed(error, 'Error') && error.message !== '') return error.message
  return fallback
}
