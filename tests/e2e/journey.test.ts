import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, newDevice, useBrowser } from './browser.ts'
import { readStores } from './persistent.ts'

const browser = useBrowser()

/** The furthest fraction of a lesson read, as IndexedDB holds it (not as the page shows it). */
async function furthestRead(page: Page): Promise<number> {
  const { lessonProgress } = await readStores(page, ['lessonProgress'])
  return Math.max(0, ...(lessonProgress as { readFraction: number }[]).map((row) => row.readFraction))
}


describe('a new learner in Chromium', () => {
  it('creates a profile, reads part of a lesson, reloads and finds the progress kept', async () => {
    const { context, page, errors } = await newDevice(browser())

    await page.goto('/')
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(page.url()).toMatch(/\/course\/nk-troops-ukraine$/)
    await expectAccessible(page, 'course home, no profile')

    await page.getByLabel('Your name').fill('Ana')
    await page.getByRole('button', { name: 'Start learning' }).click()
    await page.getByRole('heading', { name: 'Start here' }).waitFor()
    await expectAccessible(page, 'course home')

    await page.getByRole('link', { name: 'Start the lesson' }).click()
    await page.locator('figure.evidence').first().waitFor()
    await expect.poll(() => page.getByRole('region', { name: 'By the end of this lesson you can' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(2)
    await expectAccessible(page, 'lesson')

    // Read about half way; once IndexedDB holds that, reload: the lesson must still be in progress.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2))
    await expect.poll(() => furthestRead(page)).toBeGreaterThanOrEqual(0.4)
    await page.reload()
    await page.getByRole('link', { name: 'Debrief' }).click()
    await page.getByRole('heading', { name: 'Pick up where you left off' }).waitFor()
    await page.getByText('In progress', { exact: true }).first().waitFor()
    await expect.poll(() => page.getByRole('link', { name: 'Continue reading' }).count()).toBe(1)

    expect(errors).toEqual([])
    await context.close()
  })
})
