// No `fake-indexeddb/auto` here: this file runs where the browser has no IndexedDB at all.
import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/db/connection.ts'

const memoryBackend = async () => ({ indexedDB: new IDBFactory(), IDBKeyRange })

/** A browser IndexedDB whose open() fails with a DOMException named `name`. */
function refusingIndexedDB(name: string) {
  return {
    open() {
      throw new DOMException('The database could not be opened.', name)
    },
  } as unknown as IDBFactory
}

const browserDependencies = { ...Dexie.dependencies }
afterEach(() => {
  Object.assign(Dexie.dependencies, browserDependencies)
})

describe('opening the database', () => {
  it('falls back to memory, and says so, when the browser has no IndexedDB', async () => {
    expect(globalThis.indexedDB).toBeUndefined()
    const { db, mode } = await openDatabase({ name: 'no-idb', loadMemoryBackend: memoryBackend })
    expect(mode).toBe('memory')
    await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
    expect(await db.learners.count()).toBe(1)
    db.close()
  })

  it('falls back to memory when the browser refuses storage (a SecurityError, as in private modes)', async () => {
    Object.assign(Dexie.dependencies, { indexedDB: refusingIndexedDB('SecurityError'), IDBKeyRange })
    const { db, mode } = await openDatabase({ name: 'refused', loadMemoryBackend: memoryBackend })
    expect(mode).toBe('memory')
    db.close()
  })

  it.each(['UnknownError', 'InvalidStateError'])('opens no blank memory copy when a store that exists fails with %s', async (name) => {
    Object.assign(Dexie.dependencies, { indexedDB: refusingIndexedDB(name), IDBKeyRange })
    let memoryLoaded = false
    const opening = openDatabase({
      name: 'damaged',
      loadMemoryBackend: async () => {
        memoryLoaded = true
        return memoryBackend()
      },
    })
    await expect(opening).rejects.toMatchObject({ name: 'StorageError', kind: 'cannot-open' })
    expect(memoryLoaded).toBe(false)
  })
})
