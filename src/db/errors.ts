/**
 * Storage failures mapped to what the learner should know and do. Every db function runs its
 * IndexedDB work through `guarded()`, so anything it throws is a StorageError with a kind.
 *
 * - A full disk comes directly or as an AbortError whose `inner` is the QuotaExceededError.
 * - Only a store that genuinely is not there (no IndexedDB, or the browser refuses it: a
 *   SecurityError, as in private modes and locked-down profiles) is 'unavailable': the app then
 *   runs from memory and says nothing is saved.
 * - UnknownError, InvalidStateError or a bare OpenFailedError come from a store that exists but
 *   could not be opened or reached (a damaged profile, a stuck tab): 'cannot-open'. The data may
 *   well still be there, so the app must not offer a blank memory copy or blame private browsing.
 */
export type StorageProblemKind = 'quota' | 'unavailable' | 'cannot-open' | 'blocked' | 'version-change' | 'closed' | 'conflict' | 'unknown'

export const STORAGE_MESSAGES: Record<StorageProblemKind, string> = {
  quota: 'Your device is out of storage space, so this was not saved. Free up some space, then try again.',
  unavailable:
    'This browser does not let Debrief save on this device (private browsing can do this). You can carry on, but your progress will be lost when you close this tab.',
  'cannot-open':
    'Debrief could not open its storage on this device. Your saved work is still there: close any other Debrief tabs, or restart the browser, then open Debrief again.',
  blocked: 'Debrief is open in another tab with an older version. Close the other Debrief tabs, then reload this one.',
  'version-change': 'Debrief was updated in another tab. Reload this tab to keep saving your work.',
  closed: 'Debrief lost its connection to storage on this device. Reload the page to keep saving your work.',
  conflict: 'This answer was changed in another tab or window. Reload to see the latest version before you carry on.',
  unknown: 'Something went wrong while saving on this device. Please try again; if it keeps happening, reload the page.',
}

export class StorageError extends Error {
  constructor(
    readonly kind: StorageProblemKind,
    options?: { cause?: unknown },
  ) {
    super(STORAGE_MESSAGES[kind], options)
    this.name = 'StorageError'
  }
}

function names(error: unknown): string[] {
  const out: string[] = []
  let current = error as { name?: unknown; inner?: unknown; cause?: unknown } | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.name === 'string') out.push(current.name)
    current = (current.inner ?? current.cause) as typeof current
  }
  return out
}

/** Classifies any error thrown by Dexie or IndexedDB (rules at the top of the file). */
export function classifyStorageError(error: unknown): StorageProblemKind {
  if (error instanceof StorageError) return error.kind
  const found = names(error)
  if (found.includes('QuotaExceededError')) return 'quota'
  if (found.some((n) => n === 'MissingAPIError' || n === 'SecurityError')) return 'unavailable'
  if (found.some((n) => n === 'UnknownError' || n === 'InvalidStateError' || n === 'OpenFailedError')) return 'cannot-open'
  if (found.includes('VersionChangeError')) return 'version-change'
  if (found.includes('DatabaseClosedError')) return 'closed'
  return 'unknown'
}

export function toStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError(classifyStorageError(error), { cause: error })
}

/** Runs storage work; whatever it throws comes out as a StorageError. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * The storage problem an error stands for, or undefined when it is not a storage failure (an
 * app's own refusal, a bug): the banner shows only real storage problems.
 */
export function storageProblemOf(error: unknown): StorageProblemKind | undefined {
  if (error instanceof StorageError) return error.kind
  const kind = classifyStorageError(error)
  return kind === 'unknown' ? undefined : kind
}
