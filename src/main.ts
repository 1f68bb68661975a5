import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { createWebHashHistory, createWebHistory } from 'vue-router'
import App from './App.vue'
import { errorMessage } from './app/errorMessage.ts'
import { attachLrsDevice, lrsWanted } from './app/lrsFile.ts'
import { openDatabase } from './db/connection.ts'
import { createAppRouter } from './router.ts'
import { useLearnerStore } from './stores/learner.ts'
import { loadLearnerCourse } from './app/loadLearnerCourse.ts'
import { useStorageStore } from './stores/storage.ts'
import './styles/tokens.css'
import './styles/base.css'

async function start() {
  const pinia = createPinia()
  const app = createApp(App).use(pinia)
  const storage = useStorageStore()
  storage.attach(await openDatabase({ storage: navigator.storage, onProblem: storage.noteProblemKind }))
  // An LRS set on this device (instructor mode) counts from the start (src/app/lrsFile.ts).
  attachLrsDevice(storage.database())
  // Inside an LMS package: connect first, so the learner the LMS names is the active profile.
  if (__DEBRIEF_LMS__) await import('./app/lms/start.ts').then((m) => m.startLms(__DEBRIEF_LMS__!, storage.database()))
  const learner = useLearnerStore()
  // Read what IndexedDB has before the first paint, so no page starts with a spinner.
  await learner.load()
  // Inside an LMS the app is a file in the LMS's folder, in its frame: addresses live after the '#'.
  const history = __DEBRIEF_LMS__ ? createWebHashHistory() : createWebHistory(import.meta.env.BASE_URL)
  app.use(createAppRouter({ hasLearner: () => learner.active !== undefined, loadCourseData: loadLearnerCourse }, history))
  app.mount('#app')
  // The xAPI outbox's sender, loaded after the first paint.
  // Without an LRS (this device's override, or debrief.config.json) none of its code loads.
  void lrsWanted()
    .then((wanted) => (wanted ? import('./app/outboxSender.ts').then((m) => m.startOutboxSender(storage.database())) : undefined))
    .catch((e: unknown) => console.warn('The LRS sender did not start.', e))
}

start().catch((error: unknown) => {
  console.error(error)
  const root = document.getElementById('app')
  if (root) {
    root.innerHTML = '<main style="padding:1rem;font-family:system-ui"><h1>Debrief could not start</h1><p></p></main>'
    root.querySelector('p')!.textContent = errorMessage(
      error,
      'Something on this device stopped Debrief from opening. Reload the page to try again; if it keeps happening, try another browser.',
    )
  }
})
