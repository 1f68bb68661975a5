/**
 * A full disk during an assessment: with the origin's quota forced small and filled up, a save
 * fails visibly with a clear message, the answer stays on screen, what was saved before is
 * intact, the answers can be downloaded, and saving resumes once there is space again.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { STORAGE_MESSAGES } from '../../src/db/errors.ts'
import { baseUrl, collectErrors } from './browser.ts'
import { answerAnything, createProfile } from './learnerActions.ts'
import { answeredCount, answerFirst, attemptIdOf, goToQuestion, questionState, readStoredAttempt, startFinal, usePersistentDevice } from './persistent.ts'

const QUOTA = 8 * 1_048_576
const device = usePersistentDevice('quota')

/**
 * Fills the origin's storage with random (incompressible) data in a database of its own,
 * in smaller and smaller pieces, until not even a small write fits. Returns the bytes written.
 */
function fillStorage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('filler', 1)
      request.onupgradeneeded = () => request.result.createObjectStore('junk', { autoIncrement: true })
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const put = (size: number) =>
      new Promise<boolean>((resolve) => {
        const bytes = new Uint8Array(size)
        for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)))
        const tx = db.transaction('junk', 'readwrite')
        tx.objectStore('junk').add(bytes)
        tx.oncomplete = () => resolve(true)
        tx.onabort = () => resolve(false)
      })
    let written = 0
    for (const size of [1_048_576, 131_072, 16_384, 2_048, 256]) {
      for (let tries = 0; tries < 200 && (await put(size)); tries++) written += size
    }
    db.close()
    return written
  })
}

function deleteFiller(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('filler')
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error)
      }),
  )
}

describe('answering when the device is out of space', () => {
  it('says the answer is not saved, keeps it on screen, offers a download, and saves once space is free', async () => {
    // No service worker: its offline copy would take up the space this test measures.
    const context = await device.open({ serviceWorkers: 'block' })
    const page = await context.newPage()
    const errors = collectErrors(page)
    // A small quota for this origin. Chromium applies the override only to an origin that has not
    // used storage yet, so it is set on a static file of the origin before the app first runs.
    await page.goto('/robots.txt')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl(), quotaSize: QUOTA })
    await createProfile(page, 'Quinn')
    const attemptPath = await startFinal(page)
    const attemptId = attemptIdOf(attemptPath)
    await answerFirst(page, 2)
    const savedBefore = await readStoredAttempt(page, attemptId)
    expect(savedBefore.responses).toHaveLength(2)

    // Fill what is left of the quota, as photos and other apps would fill a phone.
    const filled = await fillStorage(page)
    expect(filled).toBeGreaterThan(QUOTA / 2)
    expect(filled).toBeLessThan(QUOTA)

    // Answer question 3: the save fails, and the page says so plainly.
    await goToQuestion(page, 3)
    const question = page.locator('.assessment-question')
    const blank = await questionState(page)
    await answerAnything(question)
    await page.locator('#assessment-question-heading').click()
    await expect.poll(() => question.locator('.assessment-save__text').textContent(), { timeout: 10_000 }).toBe('Not saved — try again')
    await expect.poll(() => page.locator('.assessment-page__error').textContent()).toBe(STORAGE_MESSAGES.quota)
    expect(await page.locator('.storage-banner').innerText()).toBe(STORAGE_MESSAGES.quota)
    // The answer is still on screen, though not saved: the counter counts only saved answers.
    const onScreen = await questionState(page)
    expect(onScreen).not.toEqual(blank)
    expect(await answeredCount(page)).toBe('2 of 25 answered')

    // The learner can take every answer on screen away as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my answers' }).click()])
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { attempts: { attempt: { id: string }; responses: { itemId: string }[] }[] }
    expect(file.attempts[0]?.attempt.id).toBe(attemptId)
    expect(file.attempts[0]?.responses.map((r) => r.itemId).sort()).toEqual(savedBefore.attempt.slots.slice(0, 3).map((s) => s.itemId).sort())

    // What was saved before is untouched.
    const savedDuring = await readStoredAttempt(page, attemptId)
    expect(savedDuring.responses).toEqual(savedBefore.responses)

    // Space comes back: "Try again" saves the answer that stayed on screen.
    await deleteFiller(page)
    await question.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => question.locator('.assessment-save__text').textContent(), { timeout: 10_000 }).toBe('Saved')
    expect(await questionState(page)).toEqual(onScreen)
    await expect.poll(() => answeredCount(page)).toBe('3 of 25 answered')
    expect(await page.locator('.storage-banner').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Download my answers' }).count()).toBe(0)

    // And it is really stored: a reload shows all three answers.
    await page.reload()
    await page.locator('.assessment-question .question-item').waitFor()
    expect(await answeredCount(page)).toBe('3 of 25 answered')
    await goToQuestion(page, 3)
    expect(await questionState(page)).toEqual(onScreen)
    expect(errors).toEqual([])
  })
})
