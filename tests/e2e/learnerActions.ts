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
 * The question shown inside `scope`, once its renderer is there with its inputs. Questions are
 * found by item id: after "Next" the new question's element (or its placeholder) is there at once,
 * so the id read here is the question on screen, and its field names (from the id) never change.
 */
export async function shownQuestion(scope: Locator): Promise<Locator> {
  const itemId = await scope.locator('.question-item').first().getAttribute('data-item-id')
  const question = scope.locator(`.question-item[data-item-id="${itemId}"]`)
  await scope.locator(`.question-item[data-item-id="${itemId}"][data-state="ready"]`).waitFor()
  return question
}

/**
 * Gives some answer to the question inside `scope`, whatever its type: the first choice of
 * every radio group, the first checkbox, the second option of every drop-down, text in every
 * box, or one move of an ordering list. A "How sure are you?" group (certainty, issue 14) is not
 * an answer: it is left alone, and a question with only that group is answered like one with no
 * inputs (an ordering list).
 */
export async function answerAnything(scope: Locator): Promise<void> {
  const question = await shownQuestion(scope)
  const radioNames = await question.locator('input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.filter((i) => i.closest('.certainty') === null).map((i) => (i as HTMLInputElement).name))])
  for (const name of radioNames) await question.locator(`input[type="radio"][name="${name}"]`).first().check()
  const checkbox = question.locator('input[type="checkbox"]').first()
  if (await checkbox.count()) await checkbox.check()
  for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 })
  for (const box of await question.locator('input[type="text"], input:not([type]), textarea').all()) {
    await box.fill('A small deployment limits dissent and ideological contamination')
  }
  const move = question.getByRole('button', { name: /down$/ }).first()
  const answerInputs = await question.locator('input, select, textarea').evaluateAll((inputs) => inputs.filter((i) => i.closest('.certainty') === null).length)
  if (radioNames.length === 0 && answerInputs === 0 && (await move.count())) await move.click()
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
