/**
 * Practice runs: every item of a lesson's bank once, in a seeded order, untimed. A review session
 * keeps its answers in a run of this shape too. Which tries are kept is the check session's rule
 * (`checkSession.ts`).
 */
import { buildSlot } from './assembly.ts'
import { seededShuffle } from './random.ts'
import type { Attempt, VersionedItem } from './types.ts'

/** The items practice may use: all but those reserved for sealed assessments. */
export function practiceItems(items: readonly VersionedItem[]): VersionedItem[] {
  return items.filter((item) => item.sealed !== true)
}

export interface StartPracticeInput {
  courseId: string
  lessonId: string
  learnerId: string
  items: readonly VersionedItem[]
  attemptId: string
  seed: number
  now: number
}

/**
 * A new practice attempt over `items`: shuffled and option orders fixed by the seed. Items
 * reserved for sealed assessments (`sealed: true`, stubs included) are never practised.
 */
export function startPractice(input: StartPracticeInput): Attempt {
  const order = seededShuffle(practiceItems(input.items), input.seed)
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
    slots: order.map((item) => buildSlot(item, true, input.seed)),
    snapshots: Object.fromEntries(order.map((item) => [item.version, item])),
  }
}
