/** Page actions shared by the browser tests: create a profile, answer whatever question is shown. */
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

export const COURSE = 'nk-troops-ukraine'

export async function createProfile(page: Page, name: string): Promise<void> {
  await page.goto('/')
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Start learning' }).click()
  await page.getByRole('heading', { name: 'Lessons' }).waitFor()
}

/**
 * Gives some answer to the question inside `scope`, whatever its type: the first choice of
 * every radio group, the first checkbox, the second option of every drop-down, text in every
 * box, or one move of an ordering list.
 */
export async function answerAnything(scope: Locator): Promise<void> {
  // A question's renderer loads on demand; until then only its stem shows.
  await scope.locator('.question-item').first().waitFor()
  await scope.locator('.question-item__loading').waitFor({ state: 'detached' })
  const radioNames = await checkFirstOfEachRadioGroup(scope)
  const checkbox = scope.locator('input[type="checkbox"]').first()
  if (await checkbox.count()) await checkbox.check()
  for (const select of await scope.locator('select').all()) await select.selectOption({ index: 1 })
  for (const box of await scope.locator('input[type="text"], input:not([type]), textarea').all()) {
    await box.fill('A small deployment limits dissent and ideological contamination')
  }
  const move = scope.getByRole('button', { name: /down$/ }).first()
  if (radioNames.length === 0 && (await scope.locator('input, select, textarea').count()) === 0 && (await move.count())) await move.click()
}

/** Checks the first choice of every radio group, one at a time (each click re-renders the answer). */
async function checkFirstOfEachRadioGroup(scope: Locator): Promise<string[]> {
  const names = () => scope.locator('input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))])
  // Group names come from Vue's useId; if the renderer is re-created while we work, read them again.
  for (let round = 0; ; round++) {
    const found = await names()
    try {
      for (const name of found) await scope.locator(`input[type="radio"][name="${name}"]`).first().check({ timeout: 5000 })
      return found
    } catch (error) {
      if (round >= 2) throw error
    }
  }
}

/** Answers the current assessment question and waits until the page says it is saved. */
export async function answerAndWaitSaved(page: Page): Promise<void> {
  const question = page.locator('.assessment-question')
  await answerAnything(question)
  // Typed answers save after a pause or when focus leaves the field.
  await page.locator('#assessment-question-heading').click()
  await expect.poll(() => question.locator('.assessment-save__text').textContent(), { timeout: 10_000 }).toBe('Saved')
}

/** Seconds left on the assessment timer ("mm:ss" or "h:mm:ss"). */
export async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? ''
  return text.split(':').map(Number).reduce((total, part) => total * 60 + part, 0)
}
