/**
 * Opening the database: IndexedDB when the browser allows it, otherwise an
 * in-memory copy so the learner can still work (with a clear warning).
 */
import { DebriefDb } from './database.ts'
import { classifyStorageError, toStorageError, type StorageProblemKind } from './errors.ts'

export type StorageMode = 'persistent' | 'best-effort' | 'memory'

export interface OpenedDatabase {
  db: DebriefDb
  mode: StorageMode
}

export interface OpenOptions {
  name?: string
  /** Browser storage manager, passed in so tests can fake it. */
  storage?: Pick<StorageManager, 'persist' | 'persisted'>
  /** Another tab needs this one to let go (upgrade) or is holding an old version. */
  onProblem?: (kind: StorageProblemKind) => void
  /** Loads the in-memory fallback (fake-indexeddb), lazily so it costs nothing normally. */
  loadMemoryBackend?: () => Promise<{ indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }>
}

async function memoryBackend() {
  const mod = await import('fake-indexeddb')
  return { indexedDB: mod.indexedDB, IDBKeyRange: mod.IDBKeyRange }
}

function watch(db: DebriefDb, onProblem?: (kind: StorageProblemKind) => void): void {
  db.on('versionchange', () => {
    // Let the other tab upgrade; this tab must reload to keep writing.
    db.close()
    onProblem?.('version-change')
    return false
  })
  db.on('blocked', () => onProblem?.('blocked'))
}

export async function openDatabase(options: OpenOptions = {}): Promise<OpenedDatabase> {
  const db = new DebriefDb(options.name)
  watch(db, options.onProblem)
  try {
    await db.open()
  } catch (error) {
    // Only a store that is not there at all gets the memory copy: a profile that failed to open
    // may still hold the learner's data, and a blank copy would hide it.
    if (classifyStorageError(error) !== 'unavailable') throw toStorageError(error)
    const memory = new DebriefDb(options.name, await (options.loadMemoryBackend ?? memoryBackend)())
    await memory.open()
    return { db: memory, mode: 'memory' }
  }
  let persisted = false
  try {
    persisted = (await options.storage?.persisted()) || ((await options.storage?.persist()) ?? false)
  } catch {
    persisted = false
  }
  return { db, mode: persisted ? 'persistent' : 'best-effort' }
}
