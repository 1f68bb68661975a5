/**
 * A browser that will not open IndexedDB (some private modes, locked-down devices): Debrief still
 * runs from memory, and a lasting banner says nothing is saved on this device.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { STORAGE_MESSAGES } from '../../src/db/errors.ts'
import { collectErrors, newContext, useBrowser } from './browser.ts'
import { answerAnything, COURSE, createProfile } from './learnerActions.ts'

const browser = useBrowser()

async function banner(page: Page): Promise<string> {
  const shown = page.locator('.storage-banner')
  return (await shown.count()) ? await shown.innerText() : ''
}

describe('a browser where IndexedDB cannot be opened', () => {
  it('still runs from memory and says, on every page, that nothing is saved', async () => {
    const context = await newContext(browser())
    // The browser's own IndexedDB refuses to open, as in a locked-down profile.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError')
      }
    })
    const page = await context.newPage()
    const errors = collectErrors(page)

    await createProfile(page, 'Pat')
    expect(await banner(page)).toBe(STORAGE_MESSAGES.unavailable)
    await expect.poll(() => page.evaluate(() => indexedDB.databases().then((list) => list.length))).toBe(0)

    // Read a lesson, and practise it: everything works, from memory.
    await page.getByRole('link', { name: 'Start the lesson' }).first().click()
    await page.locator('figure.evidence').first().waitFor()
    expect(await banner(page)).toBe(STORAGE_MESSAGES.unavailable)
    await page.getByRole('link', { name: 'Practise this lesson' }).last().click()
    await page.getByRole('button', { name: 'Check answer' }).waitFor()
    await answerAnything(page.locator('main'))
    await page.getByRole('button', { name: 'Check answer' }).click()
    await page.locator('main figure.evidence').first().waitFor()
    expect(await banner(page)).toBe(STORAGE_MESSAGES.unavailable)

    // Moving around the app (in-app links keep the memory copy): the banner stays.
    await page.getByRole('link', { name: 'Your data' }).first().click()
    await page.getByRole('heading', { name: 'Your data on this device' }).waitFor()
    expect(await page.getByTestId('persistence').textContent()).toContain('Nothing is being saved on this device')
    expect(await banner(page)).toBe(STORAGE_MESSAGES.unavailable)
    await page.getByRole('link', { name: 'Debrief' }).first().click()
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    expect(await banner(page)).toBe(STORAGE_MESSAGES.unavailable)
    // The profile made this session is still the learner's, in memory.
    expect(await page.locator('header').innerText()).toContain('Pat')

    // A fresh load has nothing (it was never saved), and says so again.
    await page.goto(`/course/${COURSE}`)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await banner(page)).toBe(STORAGE_MESSAGES.unavailable)
    expect(await page.getByLabel('Your name').count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })
})
