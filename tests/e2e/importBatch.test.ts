/**
 * Issue 12 §9 in Chromium: a batch of 100 genuine result files of the real course (5 of them
 * hostile or flagged, from the import bench's generator) chosen at once on the import page. The
 * page shows a progress bar and announces it politely about once a tenth; the report gives the
 * counts, then every file in order with its outcome; a keyboard user can show only the problems;
 * axe finds nothing; the gradebook then shows the honest learners.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { unlockSealedAssessments } from '../../scripts/benchImport.ts'
import { benchImportFiles } from '../../scripts/benchImportFiles.ts'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { instructorNav, openInstructorMode, removeTempDirs, tempDir, WAIT } from './instructorActions.ts'

const browser = useBrowser()
afterAll(removeTempDirs)

describe('importing 100 result files at once in Chromium', () => {
  it('shows progress, then every file in order with its outcome, keyboard and axe clean', async () => {
    const files = await benchImportFiles(100, 20)
    expect(files.filter((f) => f.kind !== 'honest').map((f) => f.kind)).toEqual(['forged-keys', 'redos-pattern', 'fourth-final', 'bad-checksum', 'deep-json'])
    const dir = tempDir()
    const paths = files.map((f) => {
      writeFileSync(join(dir, f.name), f.text)
      return join(dir, f.name)
    })
    const { context, page, errors } = await newLearner(browser(), 'Ben', { width: 1280 })
    context.setDefaultTimeout(60_000)
    await openInstructorMode(page, 'a long instructor passphrase')
    await instructorNav(page, 'Import results')
    await page.locator('#import-files').waitFor()
    // The files hold finals, which are sealed: the instructor unlocks them first.
    await unlockSealedAssessments(page)
    // What the page showed and said while importing.
    await page.evaluate(() => {
      const seen = { bars: 0, said: [] as string[] }
      Object.assign(window, { importSeen: seen })
      new MutationObserver(() => {
        if (document.querySelector('progress#import-progress') !== null) seen.bars++
        const said = document.querySelector('[data-import-announcement]')?.textContent ?? ''
        if (said !== '' && said !== seen.said.at(-1)) seen.said.push(said)
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await page.locator('#import-files').setInputFiles(paths)
    await page.waitForFunction((n) => document.querySelectorAll('.import-report__list li[data-file]').length === n, files.length, { timeout: 60_000 })

    const seen = await page.evaluate(() => (window as unknown as { importSeen: { bars: number; said: string[] } }).importSeen)
    expect(seen.bars).toBeGreaterThan(0)
    expect(seen.said[0]).toBe('Imported 0 of 100 files')
    expect(seen.said.at(-1)).toBe('Import finished. 100 files: 95 imported, 3 imported with flagged attempts, 2 refused.')
    expect(seen.said.length).toBeLessThanOrEqual(12)
    expect(await page.locator('[data-import-counts]').textContent()).toBe('100 files: 95 imported, 3 imported with flagged attempts, 2 refused.')
    expect(await page.locator('.import-report__list li[data-file]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-file')))).toEqual(files.map((f) => f.name))
    const line = (name: string) => page.locator(`li[data-file="${name}"]`).textContent(WAIT)
    expect(await line('learner-0099.json')).toContain('not imported. This file is nested too deeply to be a result file')
    expect(await line('learner-0079.json')).toContain('not imported. This result file was changed or damaged after it was exported')
    expect(await line('learner-0019.json')).toContain('1 attempt flagged and not counted')
    expect(await line('learner-0019.json')).toContain('differs from version')
    await expectAccessible(page, 'import report of 100 files')

    // Keyboard only: Tab to the filter, Space to show only the problems.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.matches('.import-report__filter input') ?? false)); i++) await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    expect(await page.locator('.import-report__list li[data-file]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-file')))).toEqual(files.filter((f) => f.kind !== 'honest').map((f) => f.name))
    await expectAccessible(page, 'import report, only the problems')

    await instructorNav(page, 'Gradebook')
    await page.locator('.gradebook-table').waitFor()
    expect(await page.locator('.gradebook-table tbody tr').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)
})
