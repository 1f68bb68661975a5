/**
 * Two tabs on one attempt: only the tab holding the attempt (a Web Lock) can change it, the
 * other says so and may take it over, and every answer given by the tab holding it is kept.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectErrors, newLearner, useBrowser } from './browser.ts'
import { answerAndWaitSaved } from './learnerActions.ts'
import { answeredCount, attemptIdOf, goToQuestion, questionState, readStoredAttempt, startFinal } from './persistent.ts'

const browser = useBrowser()

const ELSEWHERE = 'This assessment is already open in another tab or window.'
const TAKEN_OVER = 'You continued this assessment in another tab or window, so this one no longer saves answers.'

/** The notice about the other tab, or '' when this tab holds the attempt. */
async function tabNotice(page: Page): Promise<string> {
  const notice = page.locator('.tab-notice')
  return (await notice.count()) ? await notice.innerText() : ''
}

/** True when nothing on the question can be changed: every answer control and the flag are disabled. */
async function controlsDisabled(page: Page): Promise<boolean> {
  const section = page.locator('.assessment-question')
  const states = await section.locator('input, select, textarea, button').evaluateAll((nodes) =>
    nodes.map((n) => (n as HTMLButtonElement).disabled),
  )
  return states.length > 1 && states.every(Boolean)
}

async function controlsEnabled(page: Page): Promise<boolean> {
  return page.getByRole('button', { name: 'Flag for review' }).isEnabled()
}

describe('the same attempt open in two tabs', () => {
  it('lets one tab at a time save, says which, and keeps every answer', async () => {
    const { context, page: first, errors } = await newLearner(browser(), 'Tab Tester')
    const attemptPath = await startFinal(first)
    const attemptId = attemptIdOf(attemptPath)
    await expect.poll(() => controlsEnabled(first)).toBe(true)
    expect(await tabNotice(first)).toBe('')

    // A second tab on the same attempt: read-only, and it says why.
    const second = await context.newPage()
    errors.push(...collectErrors(second))
    await second.goto(attemptPath)
    await second.locator('.assessment-question .question-item').waitFor()
    await expect.poll(() => tabNotice(second)).toContain(ELSEWHERE)
    await goToQuestion(second, 1)
    await expect.poll(() => controlsDisabled(second)).toBe(true)

    // The first tab works as usual.
    await goToQuestion(first, 1)
    await answerAndWaitSaved(first)
    const q1 = await questionState(first)

    // The second tab takes over: it shows what the first saved, and the first stops.
    await second.getByRole('button', { name: 'Continue in this tab' }).click()
    await expect.poll(() => tabNotice(second)).toBe('')
    await expect.poll(() => tabNotice(first)).toContain(TAKEN_OVER)
    await expect.poll(() => controlsDisabled(first)).toBe(true)
    await expect.poll(() => answeredCount(second)).toBe('1 of 25 answered')
    await goToQuestion(second, 1)
    expect(await questionState(second)).toEqual(q1)
    await goToQuestion(second, 2)
    await answerAndWaitSaved(second)
    const q2 = await questionState(second)

    // The first tab can no longer change anything: its question 2 stays unanswered there and stored as the second tab saved it.
    await goToQuestion(first, 2)
    expect(await controlsDisabled(first)).toBe(true)
    await first.locator('.assessment-question input, .assessment-question select, .assessment-question textarea').first().click({ force: true }).catch(() => undefined)
    let stored = await readStoredAttempt(first, attemptId)
    expect(stored.responses).toHaveLength(2)

    // And back: the first tab continues, sees the second tab's answer, and saves its own.
    await first.getByRole('button', { name: 'Continue in this tab' }).click()
    await expect.poll(() => tabNotice(first)).toBe('')
    await expect.poll(() => tabNotice(second)).toContain(TAKEN_OVER)
    await expect.poll(() => answeredCount(first)).toBe('2 of 25 answered')
    expect(await questionState(first)).toEqual(q2)
    await goToQuestion(first, 3)
    await answerAndWaitSaved(first)
    const q3 = await questionState(first)

    // Nothing was lost or overwritten: both tabs, reloaded, show all three answers.
    stored = await readStoredAttempt(first, attemptId)
    expect(stored.responses).toHaveLength(3)
    await second.close()
    await first.reload()
    await first.locator('.assessment-question .question-item').waitFor()
    expect(await answeredCount(first)).toBe('3 of 25 answered')
    for (const [n, state] of [[1, q1], [2, q2], [3, q3]] as const) {
      await goToQuestion(first, n)
      expect(await questionState(first)).toEqual(state)
    }
    expect(await tabNotice(first)).toBe('')
    expect(errors).toEqual([])
    await context.close()
  })
})
