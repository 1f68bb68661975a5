/** Fresh Pinia and database for store tests, with a learner and the fixture course loaded. */
import { createPinia, setActivePinia } from 'pinia'
import { DebriefDb } from '../../../src/db/database.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { useAttemptsStore } from '../../../src/stores/attempts.ts'
import { useReviewStore } from '../../../src/stores/review.ts'
import { useStorageStore } from '../../../src/stores/storage.ts'

let counter = 0

export const COURSE = 'river-brief'
export const LEARNER = 'ana'

export { manualClock } from '../manualClock.ts'

export async function storeHarness(name = `store-test-${++counter}`) {
  const db = new DebriefDb(name)
  await db.open()
  setActivePinia(createPinia())
  useStorageStore().attach({ db, mode: 'persistent' })
  if (!(await db.learners.get(LEARNER))) await createLearner(db, { id: LEARNER, name: 'Ana', createdAt: 1 })
  await useAttemptsStore().load(LEARNER, COURSE)
  // As the router does before a page that shows grades.
  await useAttemptsStore().gradesReady()
  await useReviewStore().load(LEARNER, COURSE)
  return { db, name }
}
