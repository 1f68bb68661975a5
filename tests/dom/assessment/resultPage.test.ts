import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answer } from '../../../src/domain/types.ts'
import { addLearner, FINAL_ITEMS, handAttempt, manualClock, MINUTE, mountOn, START, storeAttempt } from './assessmentApp.ts'

enableAutoUnmount(afterEach)
beforeEach(() => {
  manualClock(START + 60 * MINUTE)
})

const RIGHT: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'a' },
  'f-q02': { type: 'truefalse', value: true },
  'f-q04': { type: 'short', text: 'the river' },
  'f-q05': { type: 'cloze', blanks: { word: 'expected', months: '12' } },
}
const WRONG: Record<string, Answer> = { 'f-q01': { type: 'single', optionId: 'b' } }

interface Sitting {
  id: string
  blueprintId?: string
  itemIds?: string[]
  answers: Record<string, Answer>
  /** Instructor grades on this attempt's free text. */
  grades?: { itemId: string; score: number; comment: string }[]
  /** Open this attempt's result (else the first one's). */
  open?: boolean
}

/** Stores submitted attempts (in order, a minute apart) and opens the first one's result (or the one marked `open`). */
async function showResult(...sittings: Sitting[]) {
  const shown = sittings.find((s) => s.open) ?? sittings[0]!
  const app = await mountOn(`/course/river-brief/attempt/${shown.id}/result`, {
    seed: async (db) => {
      await addLearner(db)
      for (const [i, s] of sittings.entries()) {
        const startedAt = START + i * 2 * MINUTE
        const attempt = await handAttempt({
          id: s.id,
          blueprintId: s.blueprintId ?? 'final',
          itemIds: s.itemIds ?? FINAL_ITEMS,
          startedAt,
          minutes: s.blueprintId === 'quiz-l1' ? null : 10,
          submittedAt: startedAt + MINUTE,
        })
        await storeAttempt(db, attempt, s.answers)
        for (const g of s.grades ?? []) await db.manualGrades.add({ attemptId: s.id, itemId: g.itemId, criteria: { c1: g.score }, score: g.score, comment: g.comment, gradedAt: startedAt + 5 * MINUTE })
      }
    },
  })
  await vi.waitFor(() => expect(app.wrapper.find('h1').text()).toMatch(/^Your result/))
  return app
}

const quiz = (answers: Record<string, Answer>, itemIds?: string[], id = 'q1'): Sitting => ({ id, blueprintId: 'quiz-l1', answers, ...(itemIds ? { itemIds } : {}) })
/** What names f-q01's key (option a): its explanation, the feedback of wrong option b, the mark on a, the evidence. */
const F_Q01_KEY = ['The brief says the river "reportedly" burst its banks.', 'The brief gives no confirmation; it says "reportedly".', 'Correct answer']
const objectiveRow = (w: VueWrapper, id: string) => w.find(`[data-objective="${id}"]`)

describe('assessment result page', () => {
  it('shows the score, the percentage and that the learner passed', async () => {
    const { wrapper } = await showResult(quiz(RIGHT))
    expect(wrapper.find('.result-summary__percent').text()).toBe('75%')
    expect(wrapper.find('.result-summary__score').text()).toContain('3 of 4 points')
    expect(wrapper.find('.result-summary__verdict').text()).toBe('✓ Passed — you needed 70%')
  })

  it('says when the learner did not pass', async () => {
    const { wrapper } = await showResult(quiz(WRONG))
    expect(wrapper.find('.result-summary__percent').text()).toBe('0%')
    expect(wrapper.find('.result-summary__verdict').text()).toBe('✗ Not passed — you needed 70%')
  })

  it('breaks the score down by objective, with the objective in words', async () => {
    const { wrapper } = await showResult(quiz(RIGHT))
    expect(objectiveRow(wrapper, 'o1-event').text()).toBe('State what the brief reports and how sure it is.2 of 2 (100%)')
    expect(objectiveRow(wrapper, 'o1-outlook').text()).toBe('Explain what the brief expects next and why.1 of 2 (50%)')
    expect(objectiveRow(wrapper, 'o1-outlook').find('.objective-breakdown__bar span').attributes('style')).toContain('width: 50%')
  })

  it('says free-text answers wait for the instructor and the score may go up', async () => {
    const { wrapper } = await showResult(quiz({ 'f-q06': { type: 'freetext', text: 'The levee has not been repaired yet.' } }, ['f-q06', 'f-q01']))
    expect(wrapper.find('.result-summary__pending').text()).toBe('1 answer is waiting for your instructor; your score may go up.')
    expect(wrapper.find('.result-summary__verdict').text()).toBe('… Not decided yet — you needed 70%')
  })

  it('shows each answer with its marks, feedback, evidence and the right answer when the policy allows', async () => {
    const { wrapper } = await showResult(quiz(WRONG), quiz(WRONG, undefined, 'q2'), quiz(WRONG, undefined, 'q3'))
    const first = wrapper.find('[data-item="f-q01"]')
    expect((first.find('input[value="b"]').element as HTMLInputElement).checked).toBe(true)
    expect(first.find('input[value="b"]').attributes('disabled')).toBeDefined()
    expect(first.find('.question-mark').exists()).toBe(true)
    await vi.waitFor(() => expect(first.find('[data-passage="p-event"]').exists()).toBe(true))
    expect(first.find('.question-feedback').text()).toContain('The brief says the river "reportedly" burst its banks.')
    expect(wrapper.findAll('.answer-list__item')).toHaveLength(4)
  })

  describe('a quiz that shows the right answers once passed or after three attempts', () => {
    const keyOnScreen = (w: VueWrapper) => F_Q01_KEY.filter((text) => w.find('[data-item="f-q01"]').text().includes(text))

    it('after an attempt that did not pass: answers and marks, no key, and says when the key will show', async () => {
      const { wrapper } = await showResult(quiz(WRONG))
      expect(wrapper.find('[data-item="f-q01"] .question-mark').text()).toContain('Your answer — incorrect')
      expect(wrapper.find('[data-item="f-q01"] .question-feedback__state').text()).toBe('Not quite')
      expect(keyOnScreen(wrapper)).toEqual([])
      expect(wrapper.find('figure.evidence').exists()).toBe(false)
      expect(wrapper.find('.result-page__later').text()).toBe(
        'Once you pass or after your third attempt, you can also see the right answers, with the explanations and the evidence from the brief. ' +
          'You have submitted 1 attempt so far.',
      )
    })

    it('after two attempts that did not pass: still no key', async () => {
      const { wrapper } = await showResult(quiz(WRONG), quiz(WRONG, undefined, 'q2'))
      expect(keyOnScreen(wrapper)).toEqual([])
      expect(wrapper.find('.result-page__later').text()).toContain('You have submitted 2 attempts so far.')
    })

    it('after the third attempt: the key on every attempt, and nothing more to wait for', async () => {
      const { wrapper } = await showResult(quiz(WRONG), quiz(WRONG, undefined, 'q2'), quiz(WRONG, undefined, 'q3'))
      expect(keyOnScreen(wrapper)).toEqual(F_Q01_KEY)
      expect(wrapper.find('.result-page__later').exists()).toBe(false)
    })

    it('once passed: the key on the passing attempt', async () => {
      const { wrapper } = await showResult(quiz(RIGHT))
      await vi.waitFor(() => expect(wrapper.find('[data-item="f-q01"] [data-passage="p-event"]').exists()).toBe(true))
      expect(wrapper.find('[data-item="f-q01"]').text()).toContain('The brief says the river "reportedly" burst its banks.')
      expect(wrapper.find('.result-page__later').exists()).toBe(false)
    })

    it('once passed: the key on a later attempt that did not pass', async () => {
      const { wrapper } = await showResult(quiz(RIGHT), { ...quiz(WRONG, undefined, 'q2'), open: true })
      expect(wrapper.find('.result-summary__verdict').text()).toBe('✗ Not passed — you needed 70%')
      expect(keyOnScreen(wrapper)).toEqual(F_Q01_KEY)
    })

    it('an attempt with free text still to grade is not a pass', async () => {
      const { wrapper } = await showResult(quiz({ 'f-q01': RIGHT['f-q01']!, 'f-q06': { type: 'freetext', text: 'The levee has not been repaired yet.' } }, ['f-q01', 'f-q06']))
      expect(wrapper.find('.result-summary__verdict').text()).toBe('… Not decided yet — you needed 70%')
      expect(keyOnScreen(wrapper)).toEqual([])
      expect(wrapper.find('.result-page__later').exists()).toBe(true)
    })
  })

  it('hides the answers when the policy shows only the score after submitting', async () => {
    const { wrapper } = await showResult({ id: 'f1', answers: RIGHT })
    expect(wrapper.find('.result-summary__percent').text()).toBe('75%')
    expect(wrapper.find('#review-list').exists()).toBe(false)
    expect(wrapper.find('.question-item').exists()).toBe(false)
    expect(wrapper.find('.result-page__later').text()).toBe(
      'Once you have used all your attempts, you can also see your answers, feedback with the evidence from the brief and the right answers.',
    )
    expect(wrapper.findAll('a').some((a) => a.text() === 'Try again')).toBe(true)
  })

  it('shows the instructor’s points and comment on free text even while the policy hides feedback', async () => {
    const { wrapper } = await showResult({
      id: 'f1',
      itemIds: ['f-q01', 'f-q06'],
      answers: { ...RIGHT, 'f-q06': { type: 'freetext', text: 'The levee is still broken.' } },
      grades: [{ itemId: 'f-q06', score: 1.5, comment: 'Say what the repair would change.' }],
    })
    expect(wrapper.find('#review-list').exists()).toBe(false)
    expect(wrapper.find('.result-summary__score').text()).toContain('2.5 of 3 points')
    expect(wrapper.find('.result-summary__pending').exists()).toBe(false)
    expect(wrapper.find('.result-page__instructor').text()).toBe('Your instructor’s grading Question 2: 1.5 of 2 points. “Say what the repair would change.”')
  })

  it('shows the answers once the last attempt is used, and offers no other try', async () => {
    const { wrapper } = await showResult({ id: 'f1', answers: RIGHT }, { id: 'f2', answers: WRONG })
    expect(wrapper.findAll('.answer-list__item')).toHaveLength(4)
    expect(wrapper.findAll('a').some((a) => a.text() === 'Try again')).toBe(false)
  })

  it('gives the grade that counts by the blueprint’s grading method', async () => {
    const { wrapper } = await showResult({ id: 'f1', answers: WRONG }, { id: 'f2', answers: RIGHT })
    expect(wrapper.find('.result-summary__percent').text()).toBe('0%')
    expect(wrapper.find('.result-page__final').text()).toBe('Your grade for this assessment: 75%. Your highest grade counts.')
  })

  it('says plainly when the result belongs to another profile', async () => {
    const theirs = await handAttempt({ id: 'theirs', itemIds: FINAL_ITEMS, learnerId: 'ben', submittedAt: START + MINUTE })
    const { wrapper } = await mountOn('/course/river-brief/attempt/theirs/result', { seed: async (db) => (await addLearner(db), await storeAttempt(db, theirs)) })
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('This result belongs to another profile'))
    expect(wrapper.find('.result-summary').exists()).toBe(false)
  })
})
