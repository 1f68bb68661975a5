import { defineStore } from 'pinia'
import { lrsWanted } from '../app/lrsFile.ts'
import type { ReadingRows } from '../app/lessonOutbox.ts'
import { ref } from 'vue'
import { listLessonProgress, recordReading, type ReadingUpdate } from '../db/progress.ts'
import type { LessonProgress } from '../domain/learnerTypes.ts'
import { useLearnerStore } from './learner.ts'
import { useStorageStore } from './storage.ts'

/**
 * The xAPI row maker for a learner's reading (src/app/lessonOutbox.ts, loaded only when an LRS is
 * wanted); undefined when none. A failure here is a bug: progress is saved without statements.
 */
async function readingRowsFor(learnerId: string): Promise<ReadingRows | undefined> {
  try {
    if (!(await lrsWanted())) return undefined
    const { readingRows } = await import('../app/lessonOutbox.ts')
    const name = useLearnerStore().learners.find((l) => l.id === learnerId)?.name
    const rows = await readingRows({ id: learnerId, displayName: name })
    if (rows === null) return undefined
    return (previous, next) => {
      const made = rows(previous, next)
      if (made.length > 0) setTimeout(() => void import('../app/outboxSender.ts').then((m) => m.sendSoon()), 0)
      return made
    }
  } catch (e) {
    console.error('The lesson\'s xAPI statements could not be built; progress is saved without them.', e)
    return undefined
  }
}

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
      const saved = await recordReading(storage.database(), update, await readingRowsFor(update.learnerId))
      if (loadedFor.value === `${update.learnerId}/${update.courseId}`) byLesson.value = { ...byLesson.value, [saved.lessonId]: saved }
      return true
    } catch (error) {
      storage.noteProblem(error)
      return false
    }
  }

  return { byLesson, loadedFor, load, record }
})
