/**
 * Issue 12 §1 in Chromium: a learner re-weights an item inside her result file's snapshot, sets the
 * pass mark to 0 and recomputes the documented checksum. The instructor's device imports the file
 * flagged, says why in the gradebook (axe clean), counts it nowhere, and counts it once accepted.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/canonicalJson.ts'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { COURSE } from './learnerActions.ts'
import { download, gradebookRows, instructorNav, openInstructorMode, removeTempDirs, sitAssessment, tempDir, WAIT } from './instructorActions.ts'

const browser = useBrowser()
afterAll(removeTempDirs)

async function reportLine(page: Page, fileName: string): Promise<string> {
  const line = page.locator(`.import-report__list li[data-file="${fileName}"] .import-report__line`)
  return ((await line.textContent(WAIT)) ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * The learner's edit: 1000 points on the first item, pass mark 0, checksum recomputed. She drops
 * her device's signature, which the edit breaks (a file changed under its signature is refused):
 * with no key pinned for her yet, an unsigned file is read as before, and the course check flags it.
 */
function forge(text: string): Buffer {
  const { signature: _dropped, ...data } = JSON.parse(text)
  const entry = data.attempts[0]
  const first = entry.attempt.slots[0].version
  entry.attempt.snapshots[first].points = 1000
  entry.assessment.passMark = 0
  const { checksum: _old, ...rest } = data
  return Buffer.from(JSON.stringify({ ...rest, checksum: `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}` }))
}

describe('a forged result file in Chromium', () => {
  it('is imported flagged, shown with its reasons, counted nowhere until accepted', async () => {
    const dir = tempDir()
    const { context: deviceA, page: pageA } = await newLearner(browser(), 'Ana')
    deviceA.setDefaultTimeout(15_000)
    await sitAssessment(pageA, 'quiz-l0', 'The brief reports it; it does not confirm it.')
    await pageA.goto(`/course/${COURSE}/progress`)
    const file = await download(pageA, pageA.getByRole('button', { name: 'Download my results for my instructor' }), dir)
    await deviceA.close()

    const { context: deviceB, page, errors } = await newLearner(browser(), 'Ben', { width: 1280 })
    deviceB.setDefaultTimeout(15_000)
    await openInstructorMode(page, 'a long instructor passphrase')
    await instructorNav(page, 'Import results')
    await page.locator('#import-files').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: forge(readFileSync(file.path, 'utf8')) })
    expect(await reportLine(page, file.name)).toBe(`${file.name}: added 1 attempt for Ana (new learner); 1 attempt flagged and not counted (see the gradebook for why).`)

    await instructorNav(page, 'Gradebook')
    const flagged = page.locator('.flagged')
    await flagged.waitFor()
    const text = ((await flagged.textContent()) ?? '').replace(/\s+/g, ' ')
    expect(text).toContain('differs from version')
    expect(text).toContain('pass mark 0 % (the course: 70 %)')
    const ana = (await gradebookRows(page, 0)).find((r) => r.name === 'Ana')
    expect(ana?.attempts).toBe('0')
    await expectAccessible(page, 'gradebook with a flagged attempt')

    await page.getByRole('button', { name: 'Count this attempt anyway' }).click()
    await expect.poll(async () => (await gradebookRows(page, 0)).find((r) => r.name === 'Ana')?.attempts, WAIT).toBe('1')
    expect(errors).toEqual([])
    await deviceB.close()
  })
})
