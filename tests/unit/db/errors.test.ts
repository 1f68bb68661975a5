import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { errorMessage } from '../../../src/app/errorMessage.ts'
import { classifyStorageError, guarded, STORAGE_MESSAGES, StorageError, storageProblemOf } from '../../../src/db/errors.ts'
import { BlueprintError } from '../../../src/domain/assembly.ts'
import { AttemptLimitError } from '../../../src/domain/attempt.ts'

function named(name: string, inner?: unknown) {
  return Object.assign(new Error(name), { name, inner })
}

describe('storage errors', () => {
  it.each([
    ['a quota error', named('QuotaExceededError'), 'quota'],
    ['an abort caused by the quota', named('AbortError', named('QuotaExceededError')), 'quota'],
    ['a Dexie abort wrapping the quota', new Dexie.AbortError('aborted', named('QuotaExceededError')), 'quota'],
    ['a missing IndexedDB', new Dexie.MissingAPIError('no indexedDB'), 'unavailable'],
    ['a security error (private mode, locked-down profile)', named('SecurityError'), 'unavailable'],
    ['a failed open caused by a security error', new Dexie.OpenFailedError('open failed', named('SecurityError')), 'unavailable'],
    ['a failed open of a store that exists', new Dexie.OpenFailedError('open failed'), 'cannot-open'],
    ['an UnknownError from a damaged profile', named('UnknownError'), 'cannot-open'],
    ['an InvalidStateError', named('InvalidStateError'), 'cannot-open'],
    ['a version change in another tab', new Dexie.VersionChangeError('changed'), 'version-change'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'closed'],
    ['anything else', new Error('boom'), 'unknown'],
    ['a non-error value', 'boom', 'unknown'],
  ])('classifies %s', (_name, error, kind) => {
    expect(classifyStorageError(error)).toBe(kind)
  })

  it('tells a learner whose profile would not open that the data is still there, without blaming private browsing', () => {
    expect(errorMessage(named('UnknownError'))).toBe(STORAGE_MESSAGES['cannot-open'])
    expect(STORAGE_MESSAGES['cannot-open']).toContain('Your saved work is still there')
    expect(STORAGE_MESSAGES['cannot-open']).not.toContain('private')
  })

  it('keeps the original error as the cause', () => {
    const original = named('QuotaExceededError')
    expect(new StorageError('quota', { cause: original }).cause).toBe(original)
  })

  it('turns whatever storage work throws into a StorageError with its kind', async () => {
    const original = named('AbortError', named('QuotaExceededError'))
    await expect(guarded(() => Promise.reject(original))).rejects.toMatchObject({ name: 'StorageError', kind: 'quota', cause: original })
  })

  it.each([
    ['a StorageError', new StorageError('conflict'), 'conflict'],
    ['a raw quota error', named('QuotaExceededError'), 'quota'],
    ["the app's own refusal", new Error('Please type a name for the profile.'), undefined],
    ['a bug', new TypeError('x is undefined'), undefined],
  ])('shows the storage banner only for storage problems: %s', (_name, error, kind) => {
    expect(storageProblemOf(error)).toBe(kind)
  })
})

describe('errorMessage', () => {
  it.each([
    ['a full disk, as Dexie reports it', named('AbortError', named('QuotaExceededError')), STORAGE_MESSAGES.quota],
    ['a StorageError', new StorageError('conflict'), STORAGE_MESSAGES.conflict],
    ['the attempt limit', new AttemptLimitError('final', 2), 'You have used all 2 attempts at this assessment, so you cannot start another.'],
    [
      'a blueprint the banks cannot fill',
      new BlueprintError({ blueprintId: 'final', drawIndex: 0, needed: 3, found: 1, message: 'needs 3 items, has 1' }),
      'This assessment cannot start because the course does not have enough questions for it. Please tell your instructor. (needs 3 items, has 1)',
    ],
    ["the app's own words", new Error('Please type a name for the profile.'), 'Please type a name for the profile.'],
    ["a programmer's error", new TypeError("Cannot read properties of undefined (reading 'id')"), STORAGE_MESSAGES.unknown],
    ['a thrown string', 'boom', STORAGE_MESSAGES.unknown],
  ])('puts %s in plain words', (_name, error, words) => {
    expect(errorMessage(error)).toBe(words)
  })

  it('uses the caller’s words for what it cannot explain', () => {
    expect(errorMessage(new RangeError('bad'), 'The assessment could not start. Please try again.')).toBe('The assessment could not start. Please try again.')
  })
})
