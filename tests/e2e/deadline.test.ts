/**
 * The deadline passes while Debrief is closed: on the next open, the attempt is submitted with
 * exactly the answers saved before closing, and the learner is told so.
 */
import { describe, expect, it } from 'vitest'
import { points } from '../../src/domain/format.ts'
import type { Attempt, SavedResponse } from '../../src/domain/types.ts'
import { collectErrors } from './browser.ts'
import { COURSE, createProfile } from './learnerActions.ts'
import { answerFirst, attemptIdOf, readStoredAttempt, startFinal, usePersistentDevice } from './persistent.ts'
import { builtReleaseCode, enterReleaseCode, gradeSealed, NOT_RELEASED } from './sealedActions.ts'

const MINUTE = 60_000
const device = usePersistentDevice('deadline')

describe('an attempt whose time ran out while the app was closed', () => {
  it('is submitted with its saved answers on the next open, and the learner is told', async () => {
    let context = await device.open({ serviceWorkers: 'block' })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await createProfile(page, 'Dee')
    const attemptPath = await startFinal(page)
    const attemptId = attemptIdOf(attemptPath)
    await answerFirst(page, 4)
    const saved = await readStoredAttempt(page, attemptId)
    expect(saved.responses).toHaveLength(4)
    expect(saved.attempt.submittedAt).toBeNull()
    const deadline = saved.attempt.deadline
    if (deadline === null) throw new Error('The final should have a deadline.')
    expect(errors).toEqual([])
    await device.close()

    // Open Debrief again 31 minutes later: the 30-minute final ran out while it was closed.
    context = await device.open({ serviceWorkers: 'block' })
    await context.clock.install({ time: Date.now() + 31 * MINUTE })
    const later = await context.newPage()
    const laterErrors = collectErrors(later)
    await later.goto('/')
    const notice = later.getByRole('status').filter({ hasText: 'while Debrief was closed' })
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain(
      'Time ran out on “Final assessment: North Korean soldiers in Ukraine” while Debrief was closed, so the answers you had saved were submitted for you.',
    )

    // Submitted at the deadline, with exactly the answers saved before closing.
    const submitted = await readStoredAttempt(later, attemptId)
    expect(submitted.attempt.submittedAt).toBe(deadline)
    expect(submitted.attempt.submitReason).toBe('deadline')
    const byItem = (list: typeof saved.responses) => [...list].sort((a, b) => a.itemId.localeCompare(b.itemId))
    expect(byItem(submitted.responses)).toEqual(byItem(saved.responses))

    await notice.getByRole('link', { name: 'See your result' }).click()
    await later.waitForURL(new RegExp(`/course/${COURSE}/attempt/${attemptId}/result$`))
    await later.getByText('Time ran out, so your saved answers were submitted for you.').waitFor()
    // The final is sealed: no score until the results are released, and then (with the release
    // code) the score shown is the grade of exactly those saved answers.
    await later.getByText(NOT_RELEASED).waitFor()
    expect(await later.locator('.sealed-answers__count').textContent()).toBe(`You answered ${saved.responses.length} of 25 questions.`)
    expect(await later.locator('.result-summary').count()).toBe(0)
    await enterReleaseCode(later, await builtReleaseCode())
    const grade = await gradeSealed(submitted.attempt as unknown as Attempt, submitted.responses as unknown as SavedResponse[])
    expect(await later.locator('.result-summary__score').textContent()).toBe(`${Math.round(grade.percent)}%${points(grade.score)} of ${points(grade.max)} points`)

    // Opening the attempt itself now leads to its result, not to a page that still takes answers.
    await later.goto(attemptPath)
    await later.waitForURL(/\/result$/)
    expect(laterErrors).toEqual([])
  })
})
