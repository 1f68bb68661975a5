import { describe, expect, it } from 'vitest'
import { expectAccessible, newDevice, useBrowser } from './browser.ts'

const browser = useBrowser()

describe('the accessibility check itself', () => {
  it('fails on a serious violation, so a passing page means something', async () => {
    const { context, page } = await newDevice(browser())
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
