/** Learners and attempts on the fixture course, and mounting the app with instructor mode unlocked. */
import { flushPromises } from '@vue/test-utils'
import { expect, vi } from 'vitest'
import { loadCourseItems } from 'virtual:debrief/catalog'
import type { DebriefDb } from '../../../src/db/database.ts'
import type { Answer, Attempt, VersionedItem } from '../../../src/domain/types.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { mountApp } from '../mountApp.ts'

export const T0 = Date.UTC(2025, 2, 1, 9)

export async function fixtureItems(): Promise<Map<string, VersionedItem>> {
  const items = await loadCourseItems('river-brief')
  return new Map((items?.banks ?? []).flatMap((b) => b.items.map((i) => [i.id, i] as const)))
}

/** A submitted attempt at the fixture's final (pass mark 70 %) with the given answers. */
export async function addFinalAttempt(db: DebriefDb, id: string, learnerId: string, answers: Record<string, Answer>, startedAt = T0): Promise<Attempt> {
  const items = await fixtureItems()
  const shown = Object.keys(answers).map((itemId) => items.get(itemId)!)
  const attempt: Attempt = {
    id, courseId: 'river-brief', learnerId, mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: null,
    submittedAt: startedAt + 60_000, submitReason: 'learner',
    slots: shown.map((item) => ({ itemId: item.id, version: item.version })),
    snapshots: Object.fromEntries(shown.map((item) => [item.version, item])),
  }
  await db.attempts.add(attempt)
  await db.responses.bulkAdd(Object.entries(answers).map(([itemId, answer]) => ({ attemptId: id, itemId, answer, flagged: false, savedAt: startedAt + 1000, seq: 1 })))
  return attempt
}

/** Mounts the app, unlocks instructor mode for this tab, opens `path` and waits until `ready` shows. */
export async function mountInstructor(path: string, seed?: (db: DebriefDb) => Promise<void>, ready = 'table, .grading-card, .instructor-empty') {
  const mounted = await mountApp('/courses', seed)
  useInstructorStore().unlocked = true
  await mounted.router.push(path)
  await flushPromises()
  await vi.waitFor(() => expect(mounted.wrapper.find(ready).exists()).toBe(true))
  return mounted
}
