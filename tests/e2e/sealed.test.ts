/**
 * Issue 12 §6 end to end: the final is sealed. A learner sits it and sees only that it was
 * submitted; she exports her results; the instructor's device refuses the file until it is
 * unlocked with the unlock code (the deploy secret), then imports and grades it; the learner types
 * the release code the instructor hands out and sees her result, the same grade the gradebook shows.
 */
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { sealSecret } from '../../src/content/sealSecret.ts'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { COURSE } from './learnerActions.ts'
import { blueprint, courseContent, download, gradebookRows, instructorNav, openInstructorMode, readResult, removeTempDirs, submitAssessment, tempDir, WAIT } from './instructorActions.ts'

const browser = useBrowser()
afterAll(removeTempDirs)

/** The unlock code the build sealed the key file with (src/content/sealSecret.ts: the variable, else the project's file). */
const SECRET = sealSecret(process.cwd()).secret
const NOT_RELEASED = 'Submitted. Your instructor will release your results.'

describe('a sealed final in Chromium', () => {
  it('is submitted with no score, graded on the unlocked instructor device, and released to the learner with the release code', async () => {
    const final = blueprint('final')
    expect(final.sealed).toBe(true)
    const finalColumn = courseContent().blueprints.findIndex((b) => b.id === 'final')

    // Device A: Ana sits the final. No score, no verdict, no key: only that it is submitted.
    const { context: deviceA, page: ana, errors: errorsA } = await newLearner(browser(), 'Ana')
    deviceA.setDefaultTimeout(15_000)
    const sat = await submitAssessment(ana, 'final', 'A small force limits defections and outside ideas.')
    await ana.getByText(NOT_RELEASED).waitFor()
    expect(await ana.locator('.result-summary').count()).toBe(0)
    expect(await ana.locator('main').innerText()).not.toMatch(/\d%|[Pp]assed|incorrect/)
    await expect.poll(() => ana.locator('.sealed-answers__count').textContent(), WAIT).toBe(`You answered ${final.draws.reduce((n, d) => n + d.count, 0)} of 25 questions.`)
    await expectAccessible(ana, 'sealed result')
    await ana.goto(`/course/${COURSE}`)
    await expect.poll(() => ana.locator('[data-blueprint="final"] .assessment-list__grade').textContent(), WAIT).toBe('Submitted — results not released yet.')
    await ana.goto(`/course/${COURSE}/progress`)
    const dir = tempDir()
    const file = await download(ana, ana.getByRole('button', { name: 'Download my results for my instructor' }), dir)
    const exported = JSON.parse(readFileSync(file.path, 'utf8')) as { attempts: { attempt: { snapshots: Record<string, { explanation?: string }> } }[] }
    expect(Object.values(exported.attempts[0]!.attempt.snapshots).filter((item) => 'explanation' in item)).toEqual([])

    // Device B: the instructor. Locked, the file is refused and nothing changes.
    const { context: deviceB, page: teacher, errors: errorsB } = await newLearner(browser(), 'Ivy', { width: 1280 })
    deviceB.setDefaultTimeout(15_000)
    await openInstructorMode(teacher, 'a long instructor passphrase')
    await instructorNav(teacher, 'Import results')
    const card = teacher.getByRole('region', { name: 'Sealed assessments' })
    await card.waitFor()
    await expectAccessible(teacher, 'instructor import, sealed assessments locked')
    await teacher.locator('#import-files').setInputFiles(file.path)
    const line = teacher.locator(`.import-report__list li[data-file="${file.name}"]`)
    await expect.poll(async () => ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim(), WAIT).toContain(
      `This file holds an attempt at a sealed assessment (${final.title}). Unlock sealed assessments on this device (Instructor → Import results → Sealed assessments) and import it again. Nothing was imported.`,
    )

    // A wrong unlock code is refused; the right one shows the release code.
    await card.getByLabel('Unlock code').fill('not the unlock code')
    await card.getByRole('button', { name: 'Unlock sealed assessments' }).click()
    await expect.poll(() => card.getByRole('alert').textContent(), WAIT).toBe('That unlock code does not open this course’s sealed assessments. Check it and try again.')
    await card.getByLabel('Unlock code').fill(SECRET)
    await card.getByRole('button', { name: 'Unlock sealed assessments' }).click()
    const releaseCode = ((await card.locator('[data-release-code]').textContent(WAIT)) ?? '').trim()
    expect(releaseCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/)
    await expectAccessible(teacher, 'instructor import, sealed assessments unlocked')

    // Unlocked: the same file imports, and the gradebook grades it.
    await teacher.locator('#import-files').setInputFiles(file.path)
    await expect.poll(async () => ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim(), WAIT).toBe(`${file.name}: added 1 attempt for Ana (new learner).`)
    await instructorNav(teacher, 'Gradebook')
    await expect.poll(async () => (await gradebookRows(teacher, finalColumn)).find((r) => r.name === 'Ana')?.attempts, WAIT).toBe('1')
    const row = (await gradebookRows(teacher, finalColumn)).find((r) => r.name === 'Ana')!
    const graded = /^([\d.]+)%/.exec(row.grade)
    expect(graded, row.grade).not.toBeNull()
    expect(row.result).toMatch(/^(Passed|Not passed)$/)
    expect(errorsB).toEqual([])
    await deviceB.close()

    // Back on device A: the release code opens her result, the grade the instructor sees.
    await ana.goto(sat.url)
    await ana.getByText(NOT_RELEASED).waitFor()
    await ana.getByRole('textbox', { name: 'Release code' }).fill(releaseCode.toLowerCase())
    await ana.getByRole('button', { name: 'Show my results' }).click()
    const seen = await readResult(ana)
    expect(Math.abs(seen.percent - Number(graded![1]))).toBeLessThanOrEqual(0.5)
    expect(seen.verdict).toMatch(/^(Passed|Not passed) — you needed 70%$/)
    expect(await ana.getByText(NOT_RELEASED).count()).toBe(0)
    await expectAccessible(ana, 'sealed result, released')
    // Reloaded: the device keeps what the code opened.
    await ana.reload()
    await ana.locator('.result-summary').waitFor()
    expect(errorsA).toEqual([])
    await deviceA.close()
  })
})
