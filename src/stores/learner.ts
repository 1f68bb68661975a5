import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { createLearner, getActiveLearnerId, listLearners, setActiveLearner } from '../db/learners.ts'
import type { Learner } from '../domain/learnerTypes.ts'
import { cleanName, nameProblem } from '../domain/names.ts'
import { useStorageStore } from './storage.ts'

/** Learner profiles on this device; each learner's data is kept apart by id. */
export const useLearnerStore = defineStore('learner', () => {
  const storage = useStorageStore()
  const learners = ref<Learner[]>([])
  const activeId = ref<string>()
  const active = computed(() => learners.value.find((l) => l.id === activeId.value))

  async function load() {
    const db = storage.database()
    learners.value = await listLearners(db)
    const id = await getActiveLearnerId(db)
    activeId.value = learners.value.some((l) => l.id === id) ? id : undefined
  }

  /** Creates a profile from a name and makes it the active one. */
  async function create(name: string, now: number, id: string): Promise<Learner> {
    const trimmed = cleanName(name)
    const problem = nameProblem(trimmed)
    if (problem !== undefined) throw new Error(problem)
    if (learners.value.some((l) => l.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase())) {
      throw new Error(`There is already a profile called "${trimmed}". Choose it from the list, or use another name.`)
    }
    const learner = await createLearner(storage.database(), { id, name: trimmed, createdAt: now })
    learners.value = [...learners.value, learner].sort((a, b) => a.name.localeCompare(b.name))
    activeId.value = learner.id
    return learner
  }

  async function switchTo(id: string | undefined) {
    await setActiveLearner(storage.database(), id)
    activeId.value = id
  }

  return { learners, activeId, active, load, create, switchTo }
})
