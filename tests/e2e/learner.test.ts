import { describe, expect, it } from 'vitest'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { answerAndWaitSaved, answerAnything, COURSE, secondsLeft, shownQuestion } from './learnerActions.ts'
import { answeredCount, questionRegion } from './persistent.ts'
import { builtReleaseCode, enterReleaseCode, NOT_RELEASED } from './sealedActions.ts'

const browser = useBrowser()

describe('a learner’s whole journey in Chromium', () => {
  it('reads, practises, sits the final, reloads mid-way, submits and sees the result', async () => {
    const { context, page, errors } = await newLearner(browser(), 'Ana')
    await expectAccessible(page, 'course home')

    // Read a lesson, then practise it with instant feedback and the brief's evidence.
    await page.getByRole('link', { name: 'Start the lesson' }).first().click()
    await page.locator('figure.evidence').first().waitFor()
    await expectAccessible(page, 'lesson')
    await page.getByRole('link', { name: 'Practise this lesson' }).last().click()
    await page.getByRole('button', { name: 'Check answer' }).waitFor()
    await answerAnything(page.locator('main'))
    await page.getByRole('button', { name: 'Check answer' }).click()
    await page.locator('main figure.evidence').first().waitFor()
    await expectAccessible(page, 'practice with feedback')

    // Sit the final assessment.
    await page.goto(`/course/${COURSE}/assessment/final`)
    await page.getByRole('button', { name: 'Start' }).waitFor()
    await expectAccessible(page, 'assessment start')
    await page.getByRole('button', { name: 'Start' }).click()
    await page.getByRole('heading', { name: 'Question 1 of 25' }).waitFor()
    await expectAccessible(page, 'assessment')
    for (let n = 1; n <= 5; n++) {
      await answerAndWaitSaved(page)
      if (n === 2 || n === 4) await page.getByRole('button', { name: 'Flag for review' }).click()
      if (n === 2 || n === 4) await expect.poll(() => page.getByRole('button', { name: 'Flag for review' }).getAttribute('aria-pressed')).toBe('true')
      await page.getByRole('button', { name: 'Next', exact: true }).click()
      // Next is done when the next question is on screen; answering or reading earlier races it.
      await page.getByRole('heading', { name: `Question ${n + 1} of 25` }).waitFor()
    }
    const before = await secondsLeft(page)
    await shownQuestion(questionRegion(page))
    const answersBefore = await questionRegion(page).innerText()

    // Reload in the middle: every answer, flag and the timer are where they were.
    await page.reload()
    await shownQuestion(questionRegion(page))
    expect(await answeredCount(page)).toBe('5 of 25 answered · 2 flagged')
    const after = await secondsLeft(page)
    expect(after).toBeLessThanOrEqual(before)
    expect(after).toBeGreaterThan(before - 60)
    expect(await questionRegion(page).innerText()).toBe(answersBefore)
    await page.getByRole('navigation', { name: 'Questions' }).getByRole('button', { name: /^Question 2, answered, flagged/ }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Flag for review' }).getAttribute('aria-pressed')).toBe('true')

    // Submit: the summary names what is still unanswered.
    await page.getByRole('button', { name: 'Finish and submit…' }).click()
    await expect.poll(() => page.locator('dialog').innerText()).toContain('20')
    await page.getByRole('button', { name: 'Submit now' }).click()
    await page.waitForURL(/\/result$/)
    // The final is sealed: submitted, with the five answers given, and no score until released.
    await page.getByText(NOT_RELEASED).waitFor()
    expect(await page.locator('.sealed-answers__count').textContent()).toBe('You answered 5 of 25 questions.')
    expect(await page.locator('.result-summary').count()).toBe(0)
    await expectAccessible(page, 'result')
    await enterReleaseCode(page, await builtReleaseCode())
    await page.getByText(/%/).first().waitFor()
    await expectAccessible(page, 'result, released')

    for (const [path, label] of [
      [`/course/${COURSE}/progress`, 'progress'],
      [`/course/${COURSE}/review`, 'review'],
      ['/settings', 'settings'],
      ['/profiles', 'profiles'],
      [`/course/${COURSE}`, 'course home after the final'],
    ] as const) {
      await page.goto(path)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await expectAccessible(page, label)
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
