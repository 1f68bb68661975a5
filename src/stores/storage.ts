import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DebriefDb } from '../db/database.ts'
import type { StorageMode } from '../db/connection.ts'
import { STORAGE_MESSAGES, storageProblemOf, type StorageProblemKind } from '../db/errors.ts'

/** The open database and anything the learner must know about storage. */
export const useStorageStore = defineStore('storage', () => {
  const db = shallowRef<DebriefDb>()
  const mode = ref<StorageMode>('best-effort')
  const problem = ref<StorageProblemKind>()

  const message = computed(() => {
    if (problem.value) return STORAGE_MESSAGES[problem.value]
    if (mode.value === 'memory') return STORAGE_MESSAGES.unavailable
    return undefined
  })

  function attach(opened: { db: DebriefDb; mode: StorageMode }) {
    db.value = opened.db
    mode.value = opened.mode
  }

  /** The database; only call after the app has attached one (main.ts does before mounting). */
  function database(): DebriefDb {
    if (!db.value) throw new Error('The database is not open yet.')
    return db.value
  }

  /**
   * Shows the storage banner for a failed read or write, when the error is a storage problem
   * (a full disk, a lost connection…); other errors leave the banner as it is. The words for the
   * error itself come from `errorMessage` (src/app/errorMessage.ts).
   */
  function noteProblem(error: unknown) {
    const kind = storageProblemOf(error)
    if (kind !== undefined) problem.value = kind
  }

  /** Shows the storage banner for a problem the database reported by itself (another tab…). */
  function noteProblemKind(kind: StorageProblemKind) {
    problem.value = kind
  }

  /** A write succeeded again: a full disk has been cleared, so its warning goes. */
  function saved() {
    if (problem.value === 'quota') problem.value = undefined
  }

  return { db, mode, problem, message, attach, database, noteProblem, noteProblemKind, saved }
})
