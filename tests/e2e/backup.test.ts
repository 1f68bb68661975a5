/**
 * Persistence and backup: settings say how the browser keeps the data; one click downloads a
 * backup of the learner's own profile; restoring it on another device brings the profile and
 * attempt back beside that device's own profile; a damaged copy is refused and changes nothing.
 * Then the backup takeover of issue 12 §5: with instructor mode locked no whole-device backup is
 * offered and the learner's backup holds no passphrase record; a whole-device backup made by the
 * instructor, edited to drop the passphrase row, is refused on a locked device and leaves the
 * passphrase as it was.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { openInstructorMode } from './instructorActions.ts'
import { COURSE } from './learnerActions.ts'
import { answerFirst, readStores } from './persistent.ts'

const browser = useBrowser()

async function restore(page: Page, name: string, text: string): Promise<string> {
  await page.locator('#restore-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  await page.getByRole('button', { name: 'Replace with the backup' }).click()
  await page.getByRole('button', { name: 'Replace with the backup' }).waitFor({ state: 'detached' })
  return (await page.locator('.settings-message').textContent()) ?? ''
}

describe('this device’s data: persistence, backup and restore', () => {
  it('shows how the data is kept, backs it all up, restores it, and refuses a damaged copy', async () => {
    // Device 1: a learner with a submitted quiz.
    const { context: first, page, errors } = await newLearner(browser(), 'Bea')
    await page.goto(`/course/${COURSE}/assessment/quiz-l0`)
    await page.getByRole('button', { name: 'Start' }).click()
    await page.getByRole('heading', { name: /^Question 1 of / }).waitFor()
    await answerFirst(page, 2)
    await page.getByRole('button', { name: 'Finish and submit…' }).click()
    await page.getByRole('button', { name: 'Submit now' }).click()
    await page.waitForURL(/\/result$/)

    // Settings say what the browser decided about keeping the data.
    await page.goto('/settings')
    const persisted = await page.evaluate(() => navigator.storage.persisted())
    await expect
      .poll(() => page.getByTestId('persistence').textContent())
      .toBe(
        persisted
          ? 'Saved on this device, and the browser has agreed to keep it until you delete it yourself.'
          : 'Saved on this device. The browser may clear it if the device runs short of space, so make a backup from time to time.',
      )
    if (!persisted) {
      await page.getByRole('button', { name: 'Ask the browser to keep my data' }).click()
      const granted = await page.evaluate(() => navigator.storage.persisted())
      await expect
        .poll(() => page.locator('.settings-message').textContent())
        .toBe(granted ? 'Your browser will keep Debrief’s data unless you delete it yourself.' : 'Your browser did not agree to keep the data for sure. Make a backup from time to time.')
    }

    // One click: a backup file of everything on this device.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup of my profile' }).click()])
    expect(download.suggestedFilename()).toMatch(/^debrief-backup-\d{4}-\d{2}-\d{2}\.json$/)
    const backup = await readFile((await download.path())!, 'utf8')
    expect(JSON.parse(backup)).toMatchObject({ format: 'debrief-backup', version: 2, scope: { kind: 'learner' } })
    const original = await readStores(page)
    expect(original.learners).toHaveLength(1)
    expect(original.attempts).toHaveLength(1)
    expect(original.responses).toHaveLength(2)
    expect(errors).toEqual([])
    await first.close()

    // Device 2 (empty, as after clearing the browser) has a profile of its own.
    const { context: second, page: other, errors: otherErrors } = await newLearner(browser(), 'Cal')
    await other.goto('/settings')
    const before = await readStores(other)

    // A damaged copy is refused and changes nothing: one edited by hand, one cut short.
    const edited = backup.replace('"Bea"', '"Beatrix"')
    expect(edited).not.toBe(backup)
    expect(await restore(other, 'edited.json', edited)).toBe(
      'This backup has been changed or damaged since it was made (its checksum does not match), so nothing was restored.',
    )
    expect(await other.locator('.settings-message--error').count()).toBe(1)
    expect(await readStores(other)).toEqual(before)
    expect(await restore(other, 'cut.json', backup.slice(0, Math.floor(backup.length / 2)))).toBe(
      'This file is not a Debrief backup: it is not valid JSON. Choose the .json file Debrief saved when you made the backup.',
    )
    expect(await other.locator('.settings-message--error').count()).toBe(1)
    expect(await readStores(other)).toEqual(before)

    // The real file brings back the profile and the attempt, as they were, beside Cal's profile.
    expect(await restore(other, 'backup.json', backup)).toBe(
      'Restored the profile Bea and 1 attempt from the backup. Other profiles on this device were not changed.',
    )
    expect(await other.locator('.settings-message--error').count()).toBe(0)
    const restored = await readStores(other)
    for (const table of ['attempts', 'responses', 'lessonProgress', 'reviewCards']) expect(restored[table]).toEqual(original[table])
    const byName = (rows: unknown[]) => [...(rows as { name: string }[])].sort((a, b) => a.name.localeCompare(b.name))
    expect(byName(restored.learners!)).toEqual(byName([...original.learners!, ...before.learners!]))
    await other.goto(`/course/${COURSE}/assessment/quiz-l0`)
    expect(await other.locator('header').innerText()).toContain('Bea')
    await other.getByRole('heading', { name: 'Your attempts' }).waitFor()
    expect(await other.getByRole('region', { name: 'Your attempts' }).getByRole('listitem').count()).toBe(1)
    expect(otherErrors).toEqual([])
    await second.close()
  })

  it('keeps the whole device and the passphrase an instructor’s business (backup takeover)', async () => {
    const { context, page, errors } = await newLearner(browser(), 'Dee')
    await openInstructorMode(page, 'correct horse battery staple')
    await page.getByRole('link', { name: 'Your data' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your data on this device' }).waitFor()
    await expectAccessible(page, 'your data, instructor mode unlocked')
    const [whole] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup of the whole device' }).click()])
    const device = await readFile((await whole.path())!, 'utf8')
    expect(device).not.toMatch(/instructorPassphrase|"salt"/)
    const passphraseBefore = (await readStores(page, ['settings'])).settings

    // Locked (a reload locks instructor mode): only the learner's own profile is offered.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Your data on this device' }).waitFor()
    expect(await page.getByRole('button', { name: 'Download a backup of the whole device' }).count()).toBe(0)
    expect(await page.getByTestId('device-backup-locked').textContent()).toContain('only in instructor mode')
    await expectAccessible(page, 'your data, locked')
    const [own] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup of my profile' }).click()])
    expect(await readFile((await own.path())!, 'utf8')).not.toMatch(/instructorPassphrase|"salt"/)

    // The whole-device backup is refused while locked; the passphrase record is untouched.
    expect(await restore(page, 'device.json', device)).toBe(
      'This backup holds other learners’ data or an instructor’s grades, so only an instructor can restore it. Unlock instructor mode (type the passphrase), then try again. Nothing was restored.',
    )
    expect((await readStores(page, ['settings'])).settings).toEqual(passphraseBefore)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click()
    await page.getByLabel('Passphrase', { exact: true }).waitFor()
    expect(await page.getByLabel('Type the passphrase again').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
