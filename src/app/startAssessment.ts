import { addAttempt } from '../db/attempts.ts'
import type { Allowance } from '../domain/attempt.ts'
import type { Attempt, Blueprint } from '../domain/types.ts'
import { newId, now, randomSeed } from '../platform/clock.ts'
import { useAttemptsStore } from '../stores/attempts.ts'
import { useCourseItemsStore } from '../stores/courseItems.ts'
import { useStorageStore } from '../stores/storage.ts'

/**
 * Starts an attempt at a blueprint: draws its items with a fresh seed and stores it before
 * anything is shown, so a reload finds the same questions. Throws the domain's refusal when
 * no attempts are left. Lives apart from the taking store so the page taking an assessment
 * loads neither the course's items nor the assembly code.
 */
export async function startAssessment(blueprint: Blueprint, courseId: string, learnerId: string, allowance?: Allowance): Promise<Attempt> {
  const items = useCourseItemsStore()
  await items.load(courseId)
  const history = useAttemptsStore()
  const { startAttempt } = await import('../domain/attemptStart.ts')
  const created = startAttempt({
    blueprint,
    banks: items.banks,
    learnerId,
    courseId,
    attemptId: newId(),
    seed: randomSeed(),
    now: now(),
    allowance,
    previousAttempts: history.attemptsAt(blueprint.id),
  })
  await addAttempt(useStorageStore().database(), created)
  history.remember(created, [])
  return created
}
