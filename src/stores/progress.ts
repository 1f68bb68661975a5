import { defineStore } from 'pinia'
import { ref } from 'vue'
import { tellLms } from '../app/lms/bridge.ts'
import { listLessonProgress } from '../db/lessonProgress.ts'
import type { ReadingUpdate } from '../db/progress.ts'
import type { LessonProgress } from '../domain/learnerTypes.ts'
import { useStorageStore } from './storage.ts'

/** Reading progress of the active learner in one course. */
export const useProgressStore = defineStore('progress', () => {
  const storage = useStorageStore()
  const byLesson = ref<Record<string, LessonProgress>>({})
  const loadedFor = ref<string>()

  async function load(learnerId: string, courseId: string) {
    const rows = await listLessonProgress(storage.database(), learnerId, courseId)
    byLesson.value = Object.fromEntries(rows.map((r) => [r.lessonId, r]))
    loadedFor.value = `${learnerId}/${courseId}`
  }

  /** Saves reading progress (and its xAPI statements, when an LRS is wanted); returns false (and shows the storage banner) when it could not be saved. */
  async function record(update: ReadingUpdate): Promise<boolean> {
    try {
      // The write loads with the lesson page's first save; the statements' code only when an LRS is wanted (./outboxRows.ts).
      const [{ recordReading }, rows] = await Promise.all([import('../db/progress.ts'), import('./outboxRows.ts').then((m) => m.readingRows(update.learnerId), () => undefined)])
      const saved = await recordReading(storage.database(), update, rows)
      if (loadedFor.value === `${update.learnerId}/${update.courseId}`) byLesson.value = { ...byLesson.value, [saved.lessonId]: saved }
      if (__DEBRIEF_LMS__) void tellLms({ type: 'lesson', courseId: saved.courseId, lessonId: saved.lessonId, fraction: saved.readFraction, completed: saved.state === 'done' })
      return true
    } catch (error) {
      storage.noteProblem(error)
      return false
    }
  }

  return { byLesson, loadedFor, load, record }
})
