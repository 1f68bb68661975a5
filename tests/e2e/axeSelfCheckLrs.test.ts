/**
 * The LRS pages in Chromium, with axe-core's full rules (contrast included, which happy-dom cannot
 * check): the instructor's "LRS and outbox" page (empty, with field errors, after a Test
 * connection, after saving an override) and the learner's "Sending to your organisation's LRS"
 * section once an LRS is set on the device. The LRS is a same-origin stand-in (page.route), so no
 * CORS is involved; its answers are the test's.
 */
import type { Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl, expectAccessible, newLearner, useBrowser } from './browser.ts'
import { openInstructorMode, WAIT } from './instructorActions.ts'

const browser = useBrowser()
const PASSPHRASE = 'a long instructor passphrase'

describe('the LRS pages pass axe-core in Chromium', () => {
  it('instructor: LRS and outbox; learner: the LRS section of "Your data"', async () => {
    const { context, page, errors } = await newLearner(browser(), 'Ana')
    const posts: string[] = []
    await page.route('**/fake-lrs/xapi/**', async (route: Route) => {
      const url = new URL(route.request().url())
      if (url.pathname.endsWith('/about')) return route.fulfill({ status: 200, contentType: 'application/json', body: '{"version":["1.0.3"]}' })
      if (route.request().method() === 'POST') {
        posts.push(route.request().postData() ?? '')
        return route.fulfill({ status: 200, contentType: 'application/json', body: '[]' })
      }
      return route.fulfill({ status: 404, body: 'No Statement found' })
    })
    await openInstructorMode(page, PASSPHRASE)
    await page.getByRole('navigation', { name: 'Instructor' }).getByRole('link', { name: 'LRS' }).click()
    await page.getByRole('heading', { level: 1, name: 'LRS and outbox' }).waitFor(WAIT)
    await expectAccessible(page, 'instructor LRS (no LRS)')

    await page.getByLabel('xAPI endpoint').fill('http://lrs.example.org/xapi')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('#lrs-endpoint-errors').waitFor(WAIT)
    await expectAccessible(page, 'instructor LRS with field errors')

    await page.getByLabel('xAPI endpoint').fill(`${baseUrl()}/fake-lrs/xapi`)
    await page.getByLabel('Key (Basic authentication user)').fill('debrief-key')
    await page.getByLabel('Secret').fill('a-secret')
    await page.getByLabel('Learner accounts’ home page').fill('https://example.org/learners')
    await page.getByRole('button', { name: 'Test connection' }).click()
    await page.getByText('Connected: the LRS speaks xAPI 1.0.3, and it accepts the key and secret.').waitFor(WAIT)
    await expectAccessible(page, 'instructor LRS after Test connection')

    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText(/^Saved: this device now sends to this LRS/u).waitFor(WAIT)
    await page.getByRole('table', { name: 'Statements by state' }).waitFor(WAIT)
    await expectAccessible(page, 'instructor LRS with an override')

    await page.goto('/settings')
    await page.getByRole('heading', { level: 2, name: 'Sending to your organisation’s LRS' }).waitFor(WAIT)
    expect(await page.getByTestId('lrs-waiting').textContent()).toBe('No statements wait to be sent.')
    await expectAccessible(page, 'Your data with an LRS')
    expect(await page.content()).not.toContain('a-secret')
    expect(posts).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
