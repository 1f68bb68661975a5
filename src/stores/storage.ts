import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DebriefDb } from '../db/database.ts'
import type { StorageMode } from '../db/connection.ts'
import { describeStorageError, STORAGE_MESSAGES, type StorageProblemKind } from '../db/errors.ts'

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

  /** Records a storage failure so the banner explains it; returns its message. */
  function report(error: unknown): string {
    const described = describeStorageError(error)
    problem.value = described.kind
    return described.message
  }

  function reportKind(kind: StorageProblemKind) {
    problem.value = kind
  }

  /** A write succeeded again: a full disk has been cleared, so its warning goes. */
  function saved() {
    if (problem.value === 'quota') problem.value = undefined
  }

  return { db, mode, problem, message, attach, database, report, reportKind, saved }
})
