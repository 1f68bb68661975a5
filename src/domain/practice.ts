/**
 * Practice runs: every item of a lesson's bank once, in a seeded order, untimed. The first
 * checked answer to each item is the one kept as evidence; trying again is for learning and
 * is not recorded, so mastery reflects what the learner knew before seeing the feedback.
 */
import { slotOrder } from './assembly.ts'
import { seededShuffle } from './random.ts'
import type { Attempt, VersionedItem } from './types.ts'

export interface StartPracticeInput {
  courseId: string
  lessonId: string
  learnerId: string
  items: readonly VersionedItem[]
  attemptId: string
  seed: number
  now: number
}

export function startPractice(input: StartPracticeInput): Attempt {
  const order = seededShuffle([...input.items], input.seed)
  return {
    id: input.attemptId,
    courseId: input.courseId,
    learnerId: input.learnerId,
    mode: 'practice',
    sourceId: input.lessonId,
    seed: input.seed,
    startedAt: input.now,
    deadline: null,
    submittedAt: null,
    submitReason: null,
    slots: order.map((item) => {
      const shown = slotOrder(item, true, input.seed)
      return shown ? { itemId: item.id, version: item.version, order: shown } : { itemId: item.id, version: item.version }
    }),
    snapshots: Object.fromEntries(order.map((item) => [item.version, item])),
  }
}

/** The slot to show when a practice run is resumed: the first one not yet answered. */
export function nextPracticeSlot(attempt: Attempt, answeredItemIds: ReadonlySet<string>): number {
  const index = attempt.slots.findIndex((slot) => !answeredItemIds.has(slot.itemId))
  return index < 0 ? attempt.slots.length : index
}
