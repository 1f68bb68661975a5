// No `fake-indexeddb/auto` here: this file runs where the browser has no IndexedDB at all.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/db/connection.ts'

describe('opening the database', () => {
  it('falls back to memory, and says so, when the browser has no IndexedDB', async () => {
    expect(globalThis.indexedDB).toBeUndefined()
    const { db, mode } = await openDatabase({
      name: 'no-idb',
      loadMemoryBackend: async () => ({ indexedDB: new IDBFactory(), IDBKeyRange }),
    })
    expect(mode).toBe('memory')
    await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
    expect(await db.learners.count()).toBe(1)
    db.close()
  })
})
