/**
 * Issue 14 end to end, in Chromium, with the keyboard alone: a learner answers the course's final
 * (certainty: true) with a certainty per answer, reloads and finds the same certainty, is told
 * before submitting that one answer has none, submits, opens her result with the release code
 * (the final is sealed: tests/e2e/sealedActions.ts), and reads a calibration table that matches
 * the counts worked out here from the key file's answers. axe finds nothing serious.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openWithSecret, parseSealedKeyFile } from '../../src/domain/sealedKeyFile.ts'
import type { Item } from '../../src/domain/types.ts'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { COURSE, shownQuestion } from './learnerActions.ts'
import { builtReleaseCode, enterReleaseCode, NOT_RELEASED, SEAL_SECRET } from './sealedActions.ts'

const browser = useBrowser()
const WAIT = { timeout: 15_000 }
const NAMES = { 1: 'not sure', 2: 'fairly sure', 3: 'very sure' } as const
/**
 * The certainty given to the 1st, 2nd, … single or true/false question answered; the last gets none
 * (it counts as 'not sure'). Four entries, because every draw of the final holds at least four such
 * questions and sometimes no more (one in 32 draws: five entries failed then, running past question 25).
 */
const PLAN: (1 | 2 | 3 | undefined)[] = [3, 3, 2, undefined]

/** Presses Tab (Shift+Tab) until the focused element matches `selector` and starts with `text` (at most 40 presses). */
async function tabTo(page: Page, selector: string, options: { text?: string; backwards?: boolean } = {}): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab')
    const there = await page.evaluate(
      ([s, text]) => (document.activeElement?.matches(s) ?? false) && (document.activeElement?.textContent ?? '').trim().startsWith(text),
      [selector, options.text ?? ''] as const,
    )
    if (there) return
  }
  throw new Error(`Tab never reached ${selector} ${options.text ?? ''}`)
}

const checkedCertainty = (page: Page) =>
  page.locator('.assessment-question .certainty input:checked').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)))

/** The full items of the sealed final, as the instructor's device opens the key file. */
async function keyItems(): Promise<Map<string, Item>> {
  const parsed = parseSealedKeyFile(readFileSync(`dist/sealed/${COURSE}.json`, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  const opened = await openWithSecret(parsed.file, SEAL_SECRET, crypto.subtle)
  if (!opened.ok) throw new Error(opened.message)
  return new Map(opened.items.map((i) => [i.id, i as Item]))
}

describe('certainty on the final in Chromium', () => {
  it('is given by keyboard, kept across a reload, and read back as calibration after release', async () => {
    const { context, page, errors } = await newLearner(browser(), 'Cleo')
    context.setDefaultTimeout(15_000)
    await page.goto(`/course/${COURSE}/assessment/final`)
    await page.getByRole('button', { name: 'Start' }).click()

    const given: { itemId: string; choice: string; certainty: 1 | 2 | 3 | undefined }[] = []
    for (let n = 1; given.length < PLAN.length; n++) {
      await page.getByRole('heading', { name: new RegExp(`^Question ${n} of `) }).waitFor()
      const question = await shownQuestion(page.locator('.assessment-question'))
      const type = await question.getAttribute('data-item-type')
      if (type === 'single' || type === 'truefalse') {
        const itemId = (await question.getAttribute('data-item-id'))!
        const certainty = PLAN[given.length]
        await page.locator('#assessment-question-heading').focus()
        // The answer's radios are one tab stop; Space picks the one focused.
        await tabTo(page, '.question-choice input[type="radio"]')
        await page.keyboard.press('Space')
        const choice = await page.evaluate(() => (document.activeElement as HTMLInputElement).value)
        if (certainty !== undefined) {
          // The certainty's radios are the next tab stop; Space picks "Not sure", each → one level more.
          await tabTo(page, '.certainty input[type="radio"]')
          await page.keyboard.press('Space')
          for (let k = 1; k < certainty; k++) await page.keyboard.press('ArrowRight')
          await expect.poll(() => checkedCertainty(page), WAIT).toEqual([certainty])
        }
        await expect.poll(() => page.locator('.assessment-save__text').textContent(), WAIT).toBe('Saved')
        given.push({ itemId, choice, certainty })
        if (given.length === 2) {
          // A reload (a crash is the same to IndexedDB) shows the same certainty on the same question.
          await page.reload()
          await page.getByRole('heading', { name: new RegExp(`^Question ${n} of `) }).waitFor()
          await shownQuestion(page.locator('.assessment-question'))
          await expect.poll(() => checkedCertainty(page), WAIT).toEqual([3])
          await expectAccessible(page, 'assessment with certainty')
        }
      }
      await page.locator('#assessment-question-heading').focus()
      await tabTo(page, '.assessment-page__steps button:not([disabled])')
      if (((await page.evaluate(() => document.activeElement?.textContent)) ?? '').trim() === 'Previous') await page.keyboard.press('Tab')
      if (given.length < PLAN.length) await page.keyboard.press('Enter')
    }

    // Submit by keyboard: the dialog says one answer has no certainty.
    await page.locator('#assessment-question-heading').focus()
    await tabTo(page, '.assessment-page__steps button', { text: 'Finish and submit' })
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Submit your answers?' })
    await expect.poll(() => dialog.locator('.assessment-submit__uncertain').textContent(), WAIT).toBe("You did not say how sure you were for 1 question: they count as 'not sure'.")
    await tabTo(page, '.assessment-submit__actions button', { text: 'Submit now', backwards: true })
    await page.keyboard.press('Enter')
    await page.getByText(NOT_RELEASED).waitFor()

    // Released with the release code: the calibration table matches the counts from the key.
    await enterReleaseCode(page, await builtReleaseCode())
    const items = await keyItems()
    const right = (g: (typeof given)[number]) => {
      const item = items.get(g.itemId)!
      return item.type === 'truefalse' ? String(item.answer) === g.choice : item.type === 'single' ? item.answer === g.choice : false
    }
    const expected = ([1, 2, 3] as const).map((level) => {
      const at = given.filter((g) => (g.certainty ?? 1) === level)
      const n = at.filter(right).length
      const times = at.length === 1 ? 'once' : `${at.length} times`
      return [NAMES[level], at.length === 0 ? '—' : `${n} of ${at.length}`, at.length === 0 ? `You never chose '${NAMES[level]}'.` : `You chose '${NAMES[level]}' ${times}: too few answers to judge (at least 5 are needed).`]
    })
    const table = page.locator('.calibration__levels table')
    await table.waitFor(WAIT)
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())))
    expect(rows.map(([level, count, , sentence]) => [level, count, sentence])).toEqual(expected)
    expect(await page.locator('.calibration__defaulted').textContent()).toBe("You did not say how sure you were for 1 question: they counted as 'not sure'.")
    expect(await page.locator('svg.calibration-chart').getAttribute('aria-hidden')).toBe('true')
    await expectAccessible(page, 'released result with calibration')
    expect(errors).toEqual([])
    await context.close()
  })
})
