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

describe('the accessibility check itself', () => {
  it('fails on a serious violation, so a passing page means something', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto('/settings')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.evaluate(() => {
      const button = document.createElement('button')
      button.className = 'unlabelled'
      document.querySelector('main')!.append(button)
    })
    await expect(expectAccessible(page, 'broken page')).rejects.toThrow(/button-name \(critical\)/)
    await context.close()
  })
})
