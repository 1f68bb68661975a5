import { Rating } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import type { Grade } from '../../../src/domain/grading/index.ts'
import { dueItems, newReviewCard, ratingFor, scheduleReview, type ReviewCard } from '../../../src/domain/schedule.ts'

const NOW = new Date('2025-01-01T09:00:00Z')
const g = (state: Grade['state'], score = 0, max = 1) => ({ state, score, max })

describe('ratingFor', () => {
  it.each([
    ['incorrect', g('incorrect'), {}, Rating.Again],
    ['unanswered', g('unanswered'), {}, Rating.Again],
    ['partial', g('partial', 0.5), {}, Rating.Hard],
    ['correct', g('correct', 1), {}, Rating.Good],
    ['correct, first try, confident', g('correct', 1), { firstTry: true, confidence: 'high' as const }, Rating.Easy],
    ['correct, confident but not first try', g('correct', 1), { firstTry: false, confidence: 'high' as const }, Rating.Good],
    ['free text, provisional 0.9', g('needs-grading', 0.9), {}, Rating.Good],
    ['free text, provisional 0.4', g('needs-grading', 0.4), {}, Rating.Hard],
    ['free text, provisional 0', g('needs-grading', 0), {}, Rating.Again],
  ])('%s', (_label, grade, context, rating) => {
    expect(ratingFor(grade, context)).toBe(rating)
  })
})

describe('ratingFor with the learner’s certainty (issue 14 §4)', () => {
  it.each([
    ['very sure and right', g('correct', 1), { certainty: 3 as const }, Rating.Easy],
    ['very sure and right, first try', g('correct', 1), { certainty: 3 as const, firstTry: true }, Rating.Easy],
    ['very sure and right, not first try: at most Good', g('correct', 1), { certainty: 3 as const, firstTry: false }, Rating.Good],
    ['fairly sure and right', g('correct', 1), { certainty: 2 as const }, Rating.Good],
    ['not sure but right', g('correct', 1), { certainty: 1 as const }, Rating.Hard],
    ['not sure but right, confidence high ignored', g('correct', 1), { certainty: 1 as const, firstTry: true, confidence: 'high' as const }, Rating.Hard],
    ['very sure and wrong', g('incorrect'), { certainty: 3 as const }, Rating.Again],
    ['fairly sure and wrong', g('incorrect'), { certainty: 2 as const }, Rating.Again],
    ['not sure and wrong', g('incorrect'), { certainty: 1 as const }, Rating.Again],
    ['very sure and blank', g('unanswered'), { certainty: 3 as const }, Rating.Again],
    ['very sure and half right: partial stays Hard', g('partial', 0.5), { certainty: 3 as const }, Rating.Hard],
    ['very sure free text, provisional 0.9: unchanged', g('needs-grading', 0.9), { certainty: 3 as const }, Rating.Good],
  ])('%s', (_label, grade, context, rating) => {
    expect(ratingFor(grade, context)).toBe(rating)
  })

  it('a very sure right answer comes back later than a fairly sure one, and that later than an unsure one', () => {
    const [unsure, fairly, very] = ([1, 2, 3] as const).map((certainty) => scheduleReview(undefined, g('correct', 1), NOW, { certainty }).due)
    expect(unsure).toBeLessThan(fairly!)
    expect(fairly).toBeLessThan(very!)
  })
})

describe('scheduleReview', () => {
  it('brings a missed item back sooner than a known one', () => {
    const missed = scheduleReview(undefined, g('incorrect'), NOW)
    const known = scheduleReview(undefined, g('correct', 1), NOW)
    expect(missed.due).toBeLessThan(known.due)
  })

  it('spaces a known item further after each success', () => {
    let card = scheduleReview(undefined, g('correct', 1), NOW)
    const first = card.due - NOW.getTime()
    for (let i = 0; i < 3; i++) card = scheduleReview(card, g('correct', 1), new Date(card.due))
    const after = scheduleReview(card, g('correct', 1), new Date(card.due))
    expect(after.due - card.due).toBeGreaterThan(first)
  })

  it('is deterministic (no fuzz)', () => {
    const run = () => {
      let card = scheduleReview(undefined, g('correct', 1), NOW)
      for (let i = 0; i < 5; i++) card = scheduleReview(card, g('correct', 1), new Date(card.due))
      return card
    }
    expect(run()).toEqual(run())
  })

  it('works from a card that went through JSON', () => {
    const card = scheduleReview(undefined, g('correct', 1), NOW)
    const revived = JSON.parse(JSON.stringify(card)) as ReviewCard
    expect(scheduleReview(revived, g('correct', 1), new Date(card.due))).toEqual(scheduleReview(card, g('correct', 1), new Date(card.due)))
  })

  it('counts a lapse when a reviewed item is missed', () => {
    let card = scheduleReview(undefined, g('correct', 1), NOW)
    card = scheduleReview(card, g('correct', 1), new Date(card.due))
    card = scheduleReview(card, g('correct', 1), new Date(card.due))
    expect(scheduleReview(card, g('incorrect'), new Date(card.due)).lapses).toBe(1)
  })
})

describe('dueItems', () => {
  const at = (due: number): ReviewCard => ({ ...newReviewCard(NOW), due })
  it('lists due cards, most overdue first', () => {
    const t = NOW.getTime()
    expect(dueItems({ late: at(t - 10), later: at(t - 100), future: at(t + 1), now: at(t) }, NOW)).toEqual(['later', 'late', 'now'])
  })

  it('accepts epoch milliseconds', () => {
    expect(dueItems({ a: at(5) }, 5)).toEqual(['a'])
  })
})
