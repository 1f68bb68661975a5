/**
 * The SCORM package in real Chromium against scorm-again (lmsHarness.ts), the same story for
 * SCORM 1.2 and 2004 (scorm12.test.ts, scorm2004.test.ts): a learner passes quiz-l1, another
 * fails it, a third reloads mid-quiz and resumes, then resumes again on a fresh browser profile
 * (empty IndexedDB) from suspend_data alone; an LMS that refuses the score shows the learner one
 * plain sentence and loses nothing. Every assertion is on the CMI the LMS was sent.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scormType } from '../../src/domain/lms/scormInteractions.ts'
import type { VersionedItem } from '../../src/domain/types.ts'
import { newContext, useBrowser } from './browser.ts'
import { pinAssessmentSeed, WAIT } from './instructorActions.ts'
import { COURSE } from './learnerActions.ts'
import { useStandInLms, type Cmi, type ScormKind } from './lmsHarness.ts'
import { seedDrawingChoices } from './lrsViewActions.ts'
import { readStores } from './persistent.ts'
import { answerRange, committed, interactions, item, launch, leave, QUIZ, quizLength, startQuiz, submit } from './scormActions.ts'

const REFUSED = 'Your answers are saved on this device, but your course system (LMS) did not accept part of your progress.'

export function scormSuite(kind: ScormKind): void {
  const v12 = kind === 'scorm12'
  const el = {
    status: v12 ? 'cmi.core.lesson_status' : 'cmi.success_status',
    raw: v12 ? 'cmi.core.score.raw' : 'cmi.score.raw',
    min: v12 ? 'cmi.core.score.min' : 'cmi.score.min',
    max: v12 ? 'cmi.core.score.max' : 'cmi.score.max',
    exit: v12 ? 'cmi.core.exit' : 'cmi.exit',
    sessionTime: v12 ? 'cmi.core.session_time' : 'cmi.session_time',
    response: v12 ? 'student_response' : 'learner_response',
  }

  describe(`the ${kind} package in Chromium against scorm-again`, () => {
    const browser = useBrowser()
    const lms = useStandInLms(kind, COURSE, QUIZ)
    // 5 of 7 right passes (70 %); none of 5 right fails, whatever the other two score.
    const seed = seedDrawingChoices(QUIZ, 5)

    async function device(b: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
      const context = await newContext(b, { baseURL: lms().baseUrl, width: 1024 })
      context.setDefaultTimeout(20_000)
      await pinAssessmentSeed(context, seed)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      return { context, page, errors }
    }

    async function sit(right: boolean, learner: { id: string; name: string }): Promise<{ shown: number; cmi: Cmi; page: Page; context: BrowserContext; errors: string[] }> {
      lms().reset(learner)
      const d = await device(browser())
      const frame = await launch(d.page, lms())
      // The package opens on its assessment, as the LMS's learner: no profile chooser.
      await expect.poll(() => frame.locator('h1').first().textContent(), WAIT).toBe(`Quiz: The event and why it matters`)
      await startQuiz(frame)
      await answerRange(frame, 1, quizLength(), right)
      const shown = await submit(frame)
      const cmi = await committed(lms(), 'a score', (c) => (c[el.raw] ?? '') !== '')
      return { shown, cmi, ...d }
    }

    function expectInteractions(cmi: Cmi, slots: { itemId: string }[], right: boolean): void {
      const list = interactions(cmi)
      expect(list.map((i) => i.id)).toEqual(slots.map((s) => s.itemId))
      for (const [n, slot] of slots.entries()) {
        const it = item(slot.itemId) as VersionedItem
        expect(list[n]!.type).toBe(scormType(it, kind))
        expect(list[n]![el.response]).not.toBe('')
        if (['single', 'multiple', 'truefalse'].includes(it.type)) expect(list[n]!.result).toBe(right ? 'correct' : v12 ? 'wrong' : 'incorrect')
      }
    }

    it('reports a pass: score, status, interactions, then LMSFinish once from "Finish and return to the course"', async () => {
      const { shown, cmi, page, context, errors } = await sit(true, { id: 'pass-1', name: v12 ? 'Okafor, Ada' : 'Ada Okafor' })
      expect(Number(cmi[el.raw])).toBeCloseTo(shown, 0)
      expect(Number(cmi[el.raw])).toBeGreaterThanOrEqual(70)
      expect([cmi[el.min], cmi[el.max]]).toEqual(['0', '100'])
      expect(cmi[el.status]).toBe('passed')
      if (!v12) {
        expect(cmi['cmi.completion_status']).toBe('completed')
        expect(Number(cmi['cmi.score.scaled'])).toBeCloseTo(Number(cmi['cmi.score.raw']) / 100, 4)
      }
      const { attempts } = await readStores(page, ['attempts'])
      const attempt = attempts![0] as { slots: { itemId: string }[] }
      expectInteractions(cmi, attempt.slots, true)
      expect(cmi['cmi.suspend_data']).toBe('{"v":1}')
      expect(cmi[v12 ? 'cmi.core.student_name' : 'cmi.learner_name']).toBeDefined()

      const frame = page.frame({ url: /index\.html/ })!
      await frame.getByRole('button', { name: 'Finish and return to the course' }).click()
      await frame.getByText('Your course system has your progress.').waitFor()
      await expect.poll(() => lms().record.finishes, WAIT).toBe(1)
      const last = await committed(lms(), 'the exit', (c) => c[el.exit] !== undefined && lms().record.finishes > 0)
      expect(last[el.exit]).toBe(v12 ? '' : 'normal')
      // The session time the package set (scorm-again commits it in its own rendering).
      expect(last[el.sessionTime]).toMatch(v12 ? /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/ : /^P/)
      expect(last[el.sessionTime]).not.toMatch(/^(0{2,4}:00:00(\.0+)?|PT0H0M0S)$/)
      // pagehide after an explicit finish does not finish again.
      await page.goto('about:blank')
      expect(lms().record.finishes).toBe(1)
      expect(errors).toEqual([])
      await context.close()
    })

    it('reports a fail', async () => {
      const { shown, cmi, context, errors } = await sit(false, { id: 'fail-1', name: 'Ben' })
      expect(Number(cmi[el.raw])).toBeCloseTo(shown, 0)
      expect(Number(cmi[el.raw])).toBeLessThan(70)
      expect(cmi[el.status]).toBe('failed')
      if (!v12) expect(cmi['cmi.completion_status']).toBe('completed')
      expect(errors).toEqual([])
      await context.close()
    })

    it('resumes after a reload, and on a fresh browser profile from suspend_data alone', async () => {
      lms().reset({ id: 'resume-1', name: 'Cleo' })
      const first = await device(browser())
      let frame = await launch(first.page, lms())
      await startQuiz(frame)
      await answerRange(frame, 1, 3, true)
      const during = await committed(lms(), 'three answers', (c) => interactions(c).filter((i) => (i[el.response] ?? '') !== '').length === 3)
      // The runtime would take more: the limit is SCORM's (CMIString4096 in 1.2, 64,000 in 2004).
      expect(during['cmi.suspend_data']!.length).toBeLessThanOrEqual(v12 ? 4096 : 64_000)
      expect(JSON.parse(during['cmi.suspend_data']!).r).toHaveLength(3)

      // Reload: the LMS starts the next launch from what it holds, entry "resume".
      await leave(first.page, lms())
      expect(lms().record.cmi[el.exit]).toBe('suspend')
      frame = await launch(first.page, lms())
      await frame.getByRole('link', { name: 'Resume your attempt' }).click()
      await expect.poll(() => frame.getByText(/^\d+ of \d+ answered/).first().textContent(), WAIT).toContain(`3 of ${quizLength()} answered`)
      const stored = await readStores(first.page, ['responses'])
      await leave(first.page, lms())
      await first.context.close()

      // Another device: nothing in IndexedDB, only the LMS's suspend_data.
      const second = await device(browser())
      frame = await launch(second.page, lms())
      await frame.getByRole('link', { name: 'Resume your attempt' }).click()
      await expect.poll(() => frame.getByText(/^\d+ of \d+ answered/).first().textContent(), WAIT).toContain(`3 of ${quizLength()} answered`)
      const rebuilt = await readStores(second.page, ['responses'])
      const answers = (rows: unknown[] | undefined) => (rows as { itemId: string; answer: unknown }[]).map((r) => [r.itemId, r.answer]).sort()
      expect(answers(rebuilt.responses)).toEqual(answers(stored.responses))
      // The learner goes on where they were and submits: the LMS gets the score.
      await frame.getByRole('heading', { name: `Question 4 of ${quizLength()}` }).waitFor()
      await answerRange(frame, 4, quizLength(), true)
      await submit(frame)
      const cmi = await committed(lms(), 'a score', (c) => (c[el.raw] ?? '') !== '')
      expect(cmi[el.status]).toBe('passed')
      expect(interactions(cmi)).toHaveLength(quizLength())
      expect(second.errors).toEqual([])
      await second.context.close()
    })

    it('tells the learner plainly when the LMS refuses the score, and keeps every answer', async () => {
      lms().reset({ id: 'refused-1', name: 'Dan' })
      const d = await device(browser())
      const frame = await launch(d.page, lms(), { refuse: el.raw })
      await startQuiz(frame)
      await answerRange(frame, 1, quizLength(), true)
      await submit(frame)
      await frame.getByRole('alert').filter({ hasText: REFUSED }).waitFor()
      await expect.poll(() => frame.getByRole('alert').filter({ hasText: REFUSED }).textContent(), WAIT).toContain(`${el.raw} was refused`)
      const cmi = await committed(lms(), 'the status', (c) => c[el.status] === 'passed')
      expect(cmi[el.raw] ?? '').toBe('')
      const { responses } = await readStores(d.page, ['responses'])
      expect(responses).toHaveLength(quizLength())
      expect(d.errors).toEqual([])
      await d.context.close()
    })
  })
}
