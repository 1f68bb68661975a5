/**
 * Answers acknowledged as saved survive a killed browser: SIGKILL to Chromium's whole process
 * group in the middle of the final, relaunch on the same profile, and the attempt resumes with
 * the same items in the same order, every saved answer and flag, and the same deadline.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { baseUrl, collectErrors } from './browser.ts'
import { answerAndWaitSaved, COURSE, secondsLeft } from './learnerActions.ts'
import {
  answeredCount,
  attemptIdOf,
  goToQuestion,
  killChromium,
  profileDir,
  questionState,
  readStoredAttempt,
  removeDir,
  startKillableChromium,
  type KillableChromium,
  type QuestionState,
} from './persistent.ts'

const ANSWERED = 10
const FLAGGED = [3, 7]
const TOTAL = 25

let dir: string | undefined
const running: KillableChromium[] = []

afterEach(async () => {
  for (const chromium of running.splice(0)) await killChromium(chromium).catch(() => undefined)
  await removeDir(dir)
})

async function firstPage(chromium: KillableChromium): Promise<Page> {
  const context = chromium.browser.contexts()[0]
  if (!context) throw new Error('Chromium started without its default context.')
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setViewportSize({ width: 390, height: 844 })
  return page
}

describe('a browser killed in the middle of an assessment', () => {
  it('resumes with the same items, order, saved answers, flags and deadline', async () => {
    dir = await profileDir('crash')
    const first = await startKillableChromium(dir)
    running.push(first)
    const page = await firstPage(first)
    const errors = collectErrors(page)

    await page.goto(`${baseUrl()}/`)
    await page.getByLabel('Your name').fill('Crash Tester')
    await page.getByRole('button', { name: 'Start learning' }).click()
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    await page.goto(`${baseUrl()}/course/${COURSE}/assessment/final`)
    await page.getByRole('button', { name: 'Start' }).click()
    await page.getByRole('heading', { name: `Question 1 of ${TOTAL}` }).waitFor()
    const attemptPath = new URL(page.url()).pathname
    const attemptId = attemptIdOf(attemptPath)
    const started = await readStoredAttempt(page, attemptId)

    // Every question as first shown, unanswered: the items, their order and their options' order.
    const before: QuestionState[] = []
    for (let n = 1; n <= TOTAL; n++) {
      await goToQuestion(page, n)
      before.push(await questionState(page))
    }
    // Answer questions one by one; each counts once the page says "Saved" (a flag once it shows pressed).
    let acknowledged = 0
    for (let n = 1; n <= ANSWERED; n++) {
      await goToQuestion(page, n)
      await answerAndWaitSaved(page)
      if (FLAGGED.includes(n)) {
        await page.getByRole('button', { name: 'Flag for review' }).click()
        await expect.poll(() => page.getByRole('button', { name: 'Flag for review' }).getAttribute('aria-pressed')).toBe('true')
      }
      acknowledged++
      before[n - 1] = await questionState(page)
    }
    expect(await answeredCount(page)).toBe(`${ANSWERED} of ${TOTAL} answered · ${FLAGGED.length} flagged`)
    const timerBefore = await secondsLeft(page)
    const killedAt = Date.now()

    // Kill every Chromium process at once: no unload handlers, no orderly shutdown.
    await killChromium(first)
    running.splice(running.indexOf(first), 1)

    const second = await startKillableChromium(dir)
    running.push(second)
    const again = await firstPage(second)
    again.on('pageerror', (e) => errors.push(e.message))
    await again.goto(`${baseUrl()}${attemptPath}`)
    await again.locator('.assessment-question .question-item').waitFor()
    const timerAfter = await secondsLeft(again)
    const elapsed = Math.ceil((Date.now() - killedAt) / 1000)

    const after: QuestionState[] = []
    for (let n = 1; n <= TOTAL; n++) {
      await goToQuestion(again, n)
      after.push(await questionState(again))
    }
    const found = after.filter((state, i) => i < ANSWERED && JSON.stringify(state) === JSON.stringify(before[i])).length
    console.log(`crash test: ${acknowledged} acknowledged answers written, ${found} found after relaunch`)

    expect(await answeredCount(again)).toBe(`${ANSWERED} of ${TOTAL} answered · ${FLAGGED.length} flagged`)
    // Same items, same order, same option order, same answers and flags, question by question.
    expect(after).toEqual(before)
    expect(found).toBe(acknowledged)
    const storedAfter = await readStoredAttempt(again, attemptId)
    expect(storedAfter.attempt.deadline).toBe(started.attempt.deadline)
    expect(storedAfter.attempt.slots).toEqual(started.attempt.slots)
    expect(storedAfter.responses.length).toBe(ANSWERED)
    // The clock kept running while the browser was gone: a little less time, never more.
    expect(timerAfter).toBeLessThanOrEqual(timerBefore)
    expect(timerAfter).toBeGreaterThanOrEqual(timerBefore - elapsed - 5)
    expect(errors).toEqual([])
  })
})
