import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { loadCourseItems } from 'virtual:debrief/catalog'
import type { Passage, VersionedItem } from '../domain/types.ts'

/** The course's banks and passages, loaded once on demand (they are not part of the start page). */
export const useCourseItemsStore = defineStore('courseItems', () => {
  const courseId = shallowRef<string>()
  const items = shallowRef(new Map<string, VersionedItem>())
  const passages = shallowRef(new Map<string, Passage>())
  const banks = shallowRef<{ lesson: string; items: VersionedItem[] }[]>([])

  async function load(id: string): Promise<void> {
    if (courseId.value === id) return
    const loaded = await loadCourseItems(id)
    if (!loaded) throw new Error('This course has no questions yet.')
    banks.value = loaded.banks
    items.value = new Map(loaded.banks.flatMap((b) => b.items.map((i) => [i.id, i] as const)))
    passages.value = new Map(loaded.passages.map((p) => [p.id, p]))
    courseId.value = id
  }

  function passagesFor(ids: readonly string[]): Passage[] {
    return ids.map((id) => passages.value.get(id)).filter((p): p is Passage => p !== undefined)
  }

  return { courseId, items, passages, banks, load, passagesFor }
})
