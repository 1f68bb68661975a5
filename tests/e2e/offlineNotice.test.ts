/**
 * "Ready to work offline" arrives while a learner is in an assessment: it never covers the
 * question, and it is shown once the learner leaves the assessment.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newLearner, useBrowser } from './browser.ts'
import { questionRegion, startFinal, waitForServiceWorker } from './persistent.ts'

const browser = useBrowser()
const READY = 'Debrief is ready to work offline.'

const activeWorker = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none')

/** Elements fixed on screen (notices, banners) that overlap the question on screen, described. */
function fixedOverQuestion(page: Page): Promise<string[]> {
  return questionRegion(page).evaluate((question) => {
    const q = question.getBoundingClientRect()
    return [...document.body.querySelectorAll('*')]
      .filter((el) => getComputedStyle(el).position === 'fixed')
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && r.left < q.right && r.right > q.left && r.top < q.bottom && r.bottom > q.top
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 60)}`)
  })
}

describe('the ready-to-work-offline notice during an assessment', () => {
  it('never covers the question, and shows once the assessment is left', async () => {
    const { context, page, errors } = await newLearner(browser(), 'Noor')
    await startFinal(page)
    // Make the offline copy again from scratch while the question is on screen: unregister the
    // service worker and reload, so the app installs it afresh from the assessment page.
    await waitForServiceWorker(page)
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.unregister()
      for (const key of await caches.keys()) await caches.delete(key)
    })
    await page.reload()
    await page.getByRole('heading', { name: /^Question \d+ of 25$/ }).waitFor()
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()
    await expect.poll(() => activeWorker(page), { timeout: 30_000 }).toBe('activated')
    await page.locator('[data-update]').waitFor({ state: 'attached' })

    expect(await fixedOverQuestion(page)).toEqual([])
    expect(await page.getByText(READY).count()).toBe(0)

    await page.getByRole('link', { name: 'leave and come back later' }).click()
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    await page.getByText(READY).waitFor()
    expect(await page.getByRole('status').filter({ hasText: READY }).count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })
})
