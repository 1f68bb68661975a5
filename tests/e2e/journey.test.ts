import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, launch, newContext } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

describe('a new learner in Chromium', () => {
  it('creates a profile, reads part of a lesson, reloads and finds the progress kept', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))

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
    await expect.poll(() => page.locator('.lesson-objectives li').count()).toBeGreaterThanOrEqual(2)
    await expectAccessible(page, 'lesson')

    // Read about half way, then reload: the lesson must still be in progress.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2))
    await page.waitForTimeout(300)
    await page.reload()
    await page.getByRole('link', { name: 'Debrief' }).click()
    await page.getByRole('heading', { name: 'Pick up where you left off' }).waitFor()
    await expect.poll(() => page.locator('.lesson-list__state').first().textContent()).toBe('In progress')
    await expect.poll(() => page.getByRole('link', { name: 'Continue reading' }).count()).toBe(1)

    expect(errors).toEqual([])
    await context.close()
  })
})
