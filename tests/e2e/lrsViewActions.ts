/**
 * Page actions for the browser test of the instructor's view from the LRS (lrsView.test.ts): a
 * learner who answers the choice questions right (or only the first few), the learner's result
 * file, an instructor device without a profile, and what the instructor's pages show.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { assembleAttempt } from '../../src/domain/assembly.ts'
import type { Item } from '../../src/domain/types.ts'
import { blueprint, courseContent, download, gradebookRows, instructorNav, tempDir, WAIT, type GradebookRowView } from './instructorActions.ts'
import { answerAnything, COURSE, shownQuestion } from './learnerActions.ts'
import { answeredCount, attemptIdOf } from './persistent.ts'

const CHOICE = new Set(['single', 'multiple', 'truefalse'])

function item(id: string): Item {
  const found = courseContent().banks.flatMap((b) => b.items).find((i) => i.id === id)
  if (found === undefined) throw new Error(`No item ${id} in ${COURSE}.`)
  return found
}

/**
 * The first seed (from `from`) whose draw of `blueprintId` holds `choices` choice questions (single,
 * multiple, true/false) and no free text. A lesson quiz's draw is stratified by type: 4 or 5 of its
 * 7 items are choice questions.
 */
export function seedDrawingChoices(blueprintId: string, choices: number, from = 1): number {
  for (let seed = from; seed < from + 10_000; seed++) {
    const types = assembleAttempt(blueprint(blueprintId), courseContent().banks, seed).slots.map((s) => item(s.itemId).type)
    if (!types.includes('freetext') && types.filter((t) => CHOICE.has(t)).length === choices) return seed
  }
  throw new Error(`No seed draws ${choices} choice questions and no free text for ${blueprintId}.`)
}

/** The option values (input `value`s) that answer a choice item right, or wrong. */
function choose(it: Item, right: boolean): string[] {
  if (it.type === 'truefalse') return [String(right ? it.answer : !it.answer)]
  if (it.type === 'single') return [right ? it.answer : it.options.find((o) => o.id !== it.answer)!.id]
  if (it.type === 'multiple') return right ? [...it.answers] : [it.options.find((o) => !it.answers.includes(o.id))!.id]
  throw new Error(`Item ${it.id} is not a choice question (${it.type}).`)
}

/**
 * Sits `blueprintId`, answering every choice question right (`right`) or wrong, and the others
 * with some answer (`answerAnything`), moves the page's clock on 3 s an item (as
 * `submitAssessment` does, so the import's time checks see a person), submits; resolves to the
 * attempt's id.
 */
export async function sitChoosing(page: Page, blueprintId: string, right: boolean): Promise<string> {
  const total = blueprint(blueprintId).draws.reduce((n, d) => n + d.count, 0)
  await page.context().clock.install()
  await page.goto(`/course/${COURSE}/assessment/${blueprintId}`)
  await page.getByRole('button', { name: 'Start' }).click()
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor()
    const scope = page.locator('.assessment-question')
    const question = await shownQuestion(scope)
    const it = item((await question.getAttribute('data-item-id'))!)
    if (CHOICE.has(it.type)) for (const value of choose(it, right)) await question.locator(`input[value="${value}"]`).check()
    else await answerAnything(scope)
    await page.locator('#assessment-question-heading').click()
    await expect.poll(() => scope.locator('.assessment-save__text').textContent(), WAIT).toBe('Saved')
    if (n < total) await page.getByRole('button', { name: 'Next', exact: true }).click()
  }
  await expect.poll(() => answeredCount(page), WAIT).toContain(`${total} of ${total} answered`)
  await page.clock.fastForward(total * 3_000)
  await page.getByRole('button', { name: 'Finish and submit…' }).click()
  await page.getByRole('button', { name: 'Submit now' }).click()
  await page.waitForURL(/\/result$/)
  await page.locator('.result-summary').waitFor()
  return attemptIdOf(new URL(page.url()).pathname)
}

/** The learner's result file from their progress page (the app's own export), saved into `dir`. */
export async function exportResults(page: Page, dir: string): Promise<{ path: string; name: string }> {
  await page.goto(`/course/${COURSE}/progress`)
  const file = await download(page, page.getByRole('button', { name: 'Download my results for my instructor' }), dir)
  await expect
    .poll(() => page.locator('.result-export__status').textContent(), WAIT)
    .toBe('Your result file is downloading, with 1 submitted attempt. Give it to your instructor.')
  return file
}

/**
 * Instructor mode on a device with no learner's profile (instructor pages need none): the unlock
 * page by its address, a passphrase set on first use, then the gradebook.
 */
export async function openInstructorDevice(page: Page, passphrase: string): Promise<void> {
  await page.goto(`/course/${COURSE}/instructor/unlock`)
  const form = page.locator('form.instructor-unlock')
  await form.waitFor()
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByLabel('Type the passphrase again').fill(passphrase)
  await form.getByRole('button').click()
  await page.getByRole('heading', { level: 1, name: /^Gradebook/ }).waitFor()
}

/** What an instructor device shows of the course: gradebook, learner pages, statistics, CSV. */
export interface InstructorViews {
  /** The gradebook's rows at the quiz's column. */
  rows: GradebookRowView[]
  /** The gradebook table's whole text (every assessment's columns). */
  table: string
  /** Per learner (by name): the attempt review's facts (score, outcome, times) on the learner's page. */
  facts: Record<string, string>
  /** The statistics page's text for the quiz: pending attempts left out, then included. */
  statistics: { settled: string; withPending: string }
  /** gradebook.csv as downloaded. */
  csv: Buffer
}

const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()

/** Reads every view the instructor has of `quizId` (column `quizColumn`) on this device. */
export async function readViews(page: Page, quizId: string, quizColumn: number, learners: readonly string[]): Promise<InstructorViews> {
  await instructorNav(page, 'Gradebook')
  await expect.poll(async () => (await gradebookRows(page, quizColumn)).map((r) => r.name), WAIT).toEqual([...learners])
  const rows = await gradebookRows(page, quizColumn)
  const table = text(await page.locator('.gradebook-table').textContent())
  const csv = readFileSync((await download(page, page.getByRole('button', { name: `Download CSV (${learners.length} learners)` }), tempDir())).path)
  const facts: Record<string, string> = {}
  for (const name of learners) {
    await instructorNav(page, 'Gradebook')
    await page.locator('tr.gradebook-table__row').getByRole('link', { name, exact: true }).click()
    await page.getByRole('heading', { level: 1, name }).waitFor()
    const shown = page.locator('.attempt-review__facts')
    await expect.poll(() => shown.count(), WAIT).toBe(1)
    facts[name] = text(await shown.textContent())
  }
  await instructorNav(page, 'Item statistics')
  await page.getByLabel('Assessment', { exact: true }).selectOption(quizId)
  const main = page.locator('main')
  // The score chart's code loads when there is something to draw: read once it is there.
  await main.locator('.item-stats').waitFor()
  await main.locator('.score-chart').waitFor()
  const settled = text(await main.textContent())
  await page.getByLabel('Include attempts waiting for a grade').check()
  await main.getByText('Attempts with free text still waiting for your grade are counted with their suggested scores.').waitFor()
  await main.locator('.score-chart').waitFor()
  const withPending = text(await main.textContent())
  return { rows, table, facts, statistics: { settled, withPending }, csv }
}

/** Loads from the LRS on the import page (the card shown); resolves to the outcome line. */
export async function loadFromLrs(page: Page): Promise<string> {
  const card = page.locator('[data-lrs-card]')
  await card.getByRole('button', { name: 'Load from the LRS' }).click()
  const outcome = card.locator('[data-lrs-outcome]')
  await outcome.waitFor(WAIT)
  expect(await card.locator('.lrs-card__problem').count()).toBe(0)
  return text(await outcome.textContent())
}
