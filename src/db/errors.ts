/**
 * Storage failures mapped to what the learner should know and do.
 * Dexie reports a full disk either directly or as an AbortError whose
 * `inner` is the QuotaExceededError.
 */
export type StorageProblemKind = 'quota' | 'unavailable' | 'blocked' | 'version-change' | 'closed' | 'conflict' | 'unknown'

export interface StorageProblem {
  kind: StorageProblemKind
  message: string
}

export const STORAGE_MESSAGES: Record<StorageProblemKind, string> = {
  quota: 'Your device is out of storage space, so this was not saved. Free up some space, then try again.',
  unavailable:
    'This browser does not let Debrief save on this device (private browsing can do this). You can carry on, but your progress will be lost when you close this tab.',
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

/** Classifies any error thrown by Dexie or IndexedDB. */
export function classifyStorageError(error: unknown): StorageProblemKind {
  if (error instanceof StorageError) return error.kind
  const found = names(error)
  if (found.includes('QuotaExceededError')) return 'quota'
  if (found.some((n) => ['MissingAPIError', 'SecurityError', 'InvalidStateError', 'UnknownError'].includes(n))) return 'unavailable'
  if (found.includes('OpenFailedError')) return 'unavailable'
  if (found.includes('VersionChangeError')) return 'version-change'
  if (found.includes('DatabaseClosedError')) return 'closed'
  return 'unknown'
}

export function toStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError(classifyStorageError(error), { cause: error })
}

export function describeStorageError(error: unknown): StorageProblem {
  const kind = classifyStorageError(error)
  return { kind, message: STORAGE_MESSAGES[kind] }
}
