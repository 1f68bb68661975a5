/** Mounts the real app (router, stores, database) on a fresh in-memory IndexedDB. */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from '../../src/App.vue'
import { DebriefDb } from '../../src/db/database.ts'
import { createAppRouter } from '../../src/router.ts'
import { useLearnerStore } from '../../src/stores/learner.ts'
import { loadLearnerCourse } from '../../src/app/loadLearnerCourse.ts'
import { useProgressStore } from '../../src/stores/progress.ts'
import { useStorageStore } from '../../src/stores/storage.ts'

let counter = 0

export async function mountApp(path: string, seed?: (db: DebriefDb) => Promise<void>) {
  counter += 1
  const db = new DebriefDb(`dom-test-${counter}`)
  await db.open()
  await seed?.(db)
  const pinia = createPinia()
  setActivePinia(pinia)
  useStorageStore().attach({ db, mode: 'persistent' })
  const learner = useLearnerStore()
  await learner.load()
  const progress = useProgressStore()
  const router = createAppRouter({ hasLearner: () => learner.active !== undefined, loadCourseData: loadLearnerCourse }, createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, db, learner, progress }
}
