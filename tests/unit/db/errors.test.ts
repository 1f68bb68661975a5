import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { classifyStorageError, describeStorageError, StorageError } from '../../../src/db/errors.ts'

function named(name: string, inner?: unknown) {
  return Object.assign(new Error(name), { name, inner })
}

describe('storage errors', () => {
  it.each([
    ['a quota error', named('QuotaExceededError'), 'quota'],
    ['an abort caused by the quota', named('AbortError', named('QuotaExceededError')), 'quota'],
    ['a Dexie abort wrapping the quota', new Dexie.AbortError('aborted', named('QuotaExceededError')), 'quota'],
    ['a missing IndexedDB', new Dexie.MissingAPIError('no indexedDB'), 'unavailable'],
    ['a failed open (private mode)', new Dexie.OpenFailedError('open failed'), 'unavailable'],
    ['a security error', named('SecurityError'), 'unavailable'],
    ['a version change in another tab', new Dexie.VersionChangeError('changed'), 'version-change'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'closed'],
    ['anything else', new Error('boom'), 'unknown'],
    ['a non-error value', 'boom', 'unknown'],
  ])('classifies %s', (_name, error, kind) => {
    expect(classifyStorageError(error)).toBe(kind)
  })

  it('says what happened and what to do, in plain words', () => {
    const { message } = describeStorageError(named('AbortError', named('QuotaExceededError')))
    expect(message).toBe('Your device is out of storage space, so this was not saved. Free up some space, then try again.')
  })

  it('keeps the original error as the cause', () => {
    const original = named('QuotaExceededError')
    expect(new StorageError('quota', { cause: original }).cause).toBe(original)
  })
})
