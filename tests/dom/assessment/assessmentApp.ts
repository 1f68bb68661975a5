/**
 * The real app for assessment tests, on a database whose name the test keeps, so a test can
 * "reload" (unmount, then mount a fresh app and Pinia on the same IndexedDB), plus hand-built
 * attempts with known questions so each test knows exactly what it shows.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, type Router } from 'vue-router'
import { loadCourseItems } from 'virtual:debrief/catalog'
import App from '../../../src/App.vue'
import { DebriefDb } from '../../../src/db/database.ts'
import { createLearner } from '../../../src/db/learners.ts'
import type { LearnerRecord } from '../../../src/db/records.ts'
import type { Answer, Attempt, SavedResponse } from '../../../src/domain/types.ts'
import { createAppRouter } from '../../../src/router.ts'
import { useLearnerStore } from '../../../src/stores/learner.ts'
import { loadLearnerCourse } from '../../../src/app/loadLearnerCourse.ts'
import { useStorageStore } from '../../../src/stores/storage.ts'

export const COURSE = 'river-brief'
export const MINUTE = 60_000
export const START = 1_800_000_000_000

let counter = 0

export interface Mounted {
  wrapper: VueWrapper
  router: Router
  db: DebriefDb
  name: string
}

export { manualClock } from '../manualClock.ts'

/** Mounts the app at `path` on the database `name` (a new one unless given). */
export async function mountOn(path: string, options: { name?: string; seed?: (db: DebriefDb) => Promise<void> } = {}): Promise<Mounted> {
  const name = options.name ?? `assessment-test-${++counter}`
  const db = new DebriefDb(name)
  await db.open()
  await options.seed?.(db)
  const pinia = createPinia()
  setActivePinia(pinia)
  useStorageStore().attach({ db, mode: 'persistent' })
  const learner = useLearnerStore()
  await learner.load()
  const router = createAppRouter({ hasLearner: () => learner.active !== undefined, loadCourseData: loadLearnerCourse }, createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, db, name }
}

/** Closes the app as a reload would, and opens it again where it was, on the same database. */
export async function reload(app: Mounted): Promise<Mounted> {
  const path = app.router.currentRoute.value.fullPath
  app.wrapper.unmount()
  app.db.close()
  return mountOn(path, { name: app.name })
}

/** Ana, the active learner, with any extra time agreed for her. */
export async function addLearner(db: DebriefDb, allowance?: LearnerRecord['allowance']): Promise<void> {
  await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1, ...(allowance ? { allowance } : {}) })
}

export interface HandAttempt {
  id: string
  blueprintId?: string
  itemIds: string[]
  startedAt?: number
  /** Minutes from the start; null for untimed. */
  minutes?: number | null
  submittedAt?: number | null
  submitReason?: Attempt['submitReason']
  learnerId?: string
}

/** An attempt showing exactly these fixture items in this order, with no shuffling. */
export async function handAttempt(spec: HandAttempt): Promise<Attempt> {
  const loaded = await loadCourseItems(COURSE)
  const items = new Map(loaded!.banks.flatMap((b) => b.items.map((i) => [i.id, i] as const)))
  const startedAt = spec.startedAt ?? START
  const minutes = spec.minutes === undefined ? 10 : spec.minutes
  const chosen = spec.itemIds.map((id) => items.get(id)!)
  return {
    id: spec.id,
    courseId: COURSE,
    learnerId: spec.learnerId ?? 'ana',
    mode: 'assessment',
    sourceId: spec.blueprintId ?? 'final',
    seed: 1,
    startedAt,
    deadline: minutes === null ? null : startedAt + minutes * MINUTE,
    submittedAt: spec.submittedAt ?? null,
    submitReason: spec.submitReason ?? (spec.submittedAt ? 'learner' : null),
    slots: chosen.map((i) => ({ itemId: i.id, version: i.version })),
    snapshots: Object.fromEntries(chosen.map((i) => [i.version, i])),
  }
}

/** Stores an attempt and its answers (each saved once, in time). */
export async function storeAttempt(db: DebriefDb, attempt: Attempt, answers: Record<string, Answer> = {}, flagged: string[] = []) {
  await db.attempts.add(attempt)
  const ids = new Set([...Object.keys(answers), ...flagged])
  const rows: SavedResponse[] = [...ids].map((itemId) => ({
    attemptId: attempt.id,
    itemId,
    answer: answers[itemId] ?? null,
    flagged: flagged.includes(itemId),
    savedAt: attempt.startedAt + 1000,
    seq: 1,
  }))
  await db.responses.bulkPut(rows)
}

/** The four items of the hand-built "final": two per objective, as its blueprint draws. */
export const FINAL_ITEMS = ['f-q01', 'f-q02', 'f-q04', 'f-q05']

/** Mounts the page taking Ana's open attempt 'att' at these items (the final's by default). */
export function mountAttempt(itemIds: string[] = FINAL_ITEMS): Promise<Mounted> {
  return mountOn('/course/river-brief/attempt/att', {
    seed: async (db) => {
      await addLearner(db)
      await storeAttempt(db, await handAttempt({ id: 'att', itemIds }))
    },
  })
}
