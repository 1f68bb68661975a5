/**
 * After the first visit the whole course works with the network off: home, lessons, practice,
 * a whole quiz from start to result — every page loaded fresh from the service worker's copy.
 */
import { describe, expect, it } from 'vitest'
import { newLearner, useBrowser } from './browser.ts'
import { answerAndWaitSaved, answerAnything, COURSE } from './learnerActions.ts'
import { answeredCount, waitForServiceWorker } from './persistent.ts'

const browser = useBrowser()

describe('Debrief with the network off', () => {
  it('serves home, a lesson, practice, a whole quiz and its result from the offline copy', async () => {
    const { context, page, errors } = await newLearner(browser(), 'Olu')
    await waitForServiceWorker(page)

    await context.setOffline(true)
    const failed: string[] = []
    page.on('requestfailed', (request) => {
      // A request cut short by leaving the page is not a failure to load offline.
      const reason = request.failure()?.errorText ?? ''
      if (reason !== 'net::ERR_ABORTED') failed.push(`${request.url()} (${reason}) on ${page.url()}`)
    })
    // Really offline: a file the offline copy does not hold cannot be fetched.
    expect(await page.evaluate(() => fetch('/robots.txt', { cache: 'no-store' }).then(() => 'fetched', () => 'offline'))).toBe('offline')
    failed.length = 0

    // Home, loaded afresh.
    await page.goto(`/course/${COURSE}`)
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()

    // A lesson, loaded afresh, with the brief's passages.
    await page.goto(`/course/${COURSE}/lesson/l1-event`)
    await page.locator('figure.evidence').first().waitFor()

    // Practice: an answer is checked and explained with the evidence.
    await page.goto(`/course/${COURSE}/lesson/l1-event/practice`)
    await page.getByRole('button', { name: 'Check answer' }).waitFor()
    await answerAnything(page.locator('main'))
    await page.getByRole('button', { name: 'Check answer' }).click()
    await page.locator('main figure.evidence').first().waitFor()

    // A whole quiz: start, answer every question, submit, see the result.
    await page.goto(`/course/${COURSE}/assessment/quiz-l1`)
    await page.getByRole('button', { name: 'Start' }).click()
    await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor()
    const total = Number(/of (\d+)/.exec((await page.locator('#assessment-question-heading').textContent()) ?? '')?.[1])
    expect(total).toBe(7)
    for (let n = 1; n <= total; n++) {
      await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor()
      await answerAndWaitSaved(page)
      if (n < total) await page.getByRole('button', { name: 'Next', exact: true }).click()
    }
    expect(await answeredCount(page)).toBe(`${total} of ${total} answered`)
    await page.getByRole('button', { name: 'Finish and submit…' }).click()
    await page.getByRole('button', { name: 'Submit now' }).click()
    await page.waitForURL(/\/result$/)
    await page.locator('.result-summary__percent').waitFor()
    // The quiz's review: the answers with their marks now; the right answers, explanations and
    // evidence only once passed or after the third attempt (answering anything seldom passes).
    await page.locator('.answer-list__item').first().waitFor()
    expect(await page.locator('.answer-list__item').count()).toBe(total)
    if (!((await page.locator('.result-summary__verdict').textContent()) ?? '').startsWith('✓')) {
      expect(await page.locator('.answer-list figure.evidence').count()).toBe(0)
      expect(await page.locator('.result-page__later').textContent()).toContain('Once you pass or after your third attempt')
    }

    // The result again after a full reload, and the home page counting the quiz: still offline.
    await page.reload()
    await page.locator('.result-summary__percent').waitFor()
    await page.goto(`/course/${COURSE}`)
    await page.getByRole('heading', { name: 'Assessments' }).waitFor()
    expect(await context.pages()[0]!.evaluate(() => navigator.onLine)).toBe(false)
    expect(failed).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
