/**
 * What a learner does inside the SCORM package (the iframe of lmsHarness.ts), and what the tests
 * read back: the course frame, a quiz sat answering the choice questions right or wrong, the CMI
 * the stand-in LMS holds.
 */
import type { Frame, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Item } from '../../src/domain/types.ts'
import { blueprint, courseContent, WAIT } from './instructorActions.ts'
import { answerAnything, shownQuestion } from './learnerActions.ts'
import type { Cmi, LaunchOptions, StandInLms } from './lmsHarness.ts'

export const QUIZ = 'quiz-l1'
const CHOICE = new Set(['single', 'multiple', 'truefalse'])

export function item(id: string): Item {
  const found = courseContent().banks.flatMap((b) => b.items).find((i) => i.id === id)
  if (found === undefined) throw new Error(`No item ${id} in the course.`)
  return found
}

export function quizLength(): number {
  return blueprint(QUIZ).draws.reduce((n, d) => n + d.count, 0)
}

/** Opens the harness page and waits for the package's first screen in its frame. */
export async function launch(page: Page, lms: StandInLms, options: LaunchOptions = {}): Promise<Frame> {
  await page.goto(lms.launchUrl(options))
  const frame = await (await page.waitForSelector('iframe[title="Course"]')).contentFrame()
  if (!frame) throw new Error('The course frame did not load.')
  await frame.locator('h1').first().waitFor()
  return frame
}

/** Leaves the package as closing its window does (pagehide), and waits until the LMS heard LMSFinish / Terminate. */
export async function leave(page: Page, lms: StandInLms): Promise<void> {
  const finishes = lms.record.finishes
  await page.goto('about:blank')
  await expect.poll(() => lms.record.finishes, WAIT).toBe(finishes + 1)
}

function choose(it: Item, right: boolean): string[] {
  if (it.type === 'truefalse') return [String(right ? it.answer : !it.answer)]
  if (it.type === 'single') return [right ? it.answer : it.options.find((o) => o.id !== it.answer)!.id]
  if (it.type === 'multiple') return right ? [...it.answers] : [it.options.find((o) => !it.answers.includes(o.id))!.id]
  throw new Error(`Item ${it.id} is not a choice question.`)
}

/** Answers the question on screen (choice questions right or wrong, others anything) and waits for "Saved". */
export async function answerShown(frame: Frame, right: boolean): Promise<string> {
  const scope = frame.locator('.assessment-question')
  const question = await shownQuestion(scope)
  const id = (await question.getAttribute('data-item-id'))!
  const it = item(id)
  if (CHOICE.has(it.type)) for (const value of choose(it, right)) await question.locator(`input[value="${value}"]`).check()
  else await answerAnything(scope)
  await frame.locator('#assessment-question-heading').click()
  await expect.poll(() => scope.locator('.assessment-save__text').textContent(), WAIT).toBe('Saved')
  return id
}

/** Answers questions `from`..`to` (1-based) in order, moving on with "Next". */
export async function answerRange(frame: Frame, from: number, to: number, right: boolean): Promise<void> {
  const total = quizLength()
  for (let n = from; n <= to; n++) {
    await frame.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor()
    await answerShown(frame, right)
    if (n < total) await frame.getByRole('button', { name: 'Next', exact: true }).click()
  }
}

/** Starts the quiz from its start page. */
export async function startQuiz(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: 'Start' }).click()
  await frame.getByRole('heading', { name: `Question 1 of ${quizLength()}` }).waitFor()
}

/** Submits the attempt; resolves with the percent the result page shows (e.g. "71.43%" → 71.43). */
export async function submit(frame: Frame): Promise<number> {
  await frame.getByRole('button', { name: 'Finish and submit…' }).click()
  await frame.getByRole('button', { name: 'Submit now' }).click()
  await frame.locator('.result-summary').waitFor()
  const text = (await frame.locator('.result-summary__percent').textContent()) ?? ''
  return Number(text.replace('%', '').trim())
}

/** The interactions of a committed CMI, by index. */
export function interactions(cmi: Cmi): Record<string, string>[] {
  const out: Record<string, string>[] = []
  for (const [key, value] of Object.entries(cmi)) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key)
    if (!match || match[2]!.startsWith('_')) continue
    const n = Number(match[1])
    out[n] = { ...out[n], [match[2]!]: value }
  }
  return out
}

/** Waits until the LMS holds a commit for which `test` is true; resolves with it. */
export async function committed(lms: StandInLms, what: string, test: (cmi: Cmi) => boolean): Promise<Cmi> {
  try {
    await expect.poll(() => test(lms.record.cmi), WAIT).toBe(true)
  } catch {
    throw new Error(`The LMS was never sent a commit with ${what}. It holds: ${JSON.stringify(lms.record.cmi).slice(0, 3000)}`)
  }
  return lms.record.cmi
}
