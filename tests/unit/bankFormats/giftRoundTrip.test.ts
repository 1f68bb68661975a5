/**
 * The real course to GIFT and back: each written item comes back equal except for exactly the
 * fields the `dropped` list names; what GIFT loses per type is a table asserted here; and
 * gift-pegjs (someone else's GIFT grammar) reads the same questions, titles, ids and keys.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { fromGift, toGift } from '../../../src/domain/bankFormats/gift.ts'
import type { Item } from '../../../src/domain/types.ts'
import { differingFields, realBanks } from './realCourse.ts'

const giftPegjs = createRequire(import.meta.url)('gift-pegjs') as typeof import('gift-pegjs')

const banks = realBanks()
const items = banks.flatMap((b) => b.items)
const { text, dropped } = toGift(banks)
const skipped = new Set(dropped.filter((d) => d.field === 'item').map((d) => d.itemId))
const written = items.filter((i) => !skipped.has(i.id))
const back = fromGift(text, 'course.gift')
const imported = 'items' in back ? back.items : []

/** The item field a dropped entry stands for. */
const FIELD: Record<string, string> = { 'pair feedback': 'pairs', 'part ids': 'options' }

describe('GIFT round trip of the real course', () => {
  it('writes every item of a type GIFT holds, and reads them all back', () => {
    expect('errors' in back ? back.errors : []).toEqual([])
    expect(written.length).toBe(97)
    expect(imported.map((i) => i.id)).toEqual(written.map((i) => i.id))
  })

  it.each(written.map((item, n) => [`${item.type} ${item.id}`, item, n] as const))('%s differs only in the fields the dropped list names', (_label, item, n) => {
    const named = [...new Set(dropped.filter((d) => d.itemId === item.id).map((d) => FIELD[d.field] ?? d.field))].sort()
    expect(differingFields(item, imported[n]!)).toEqual(named)
  })

  it('loses, per type, what the table says', () => {
    const lost: Record<string, Set<string>> = {}
    for (const d of dropped) {
      const type = items.find((i) => i.id === d.itemId)!.type
      ;(lost[type] ??= new Set()).add(d.field)
    }
    const table = Object.fromEntries(Object.entries(lost).map(([type, fields]) => [type, [...fields].sort()]))
    expect(table).toEqual({
      ordering: ['item'],
      cloze: ['item'],
      categorize: ['item'],
      matching: ['pair feedback'],
      short: ['allowTypo', 'patterns'],
      numeric: ['units'],
      freetext: ['minWords', 'modelAnswer', 'rubric'],
    })
    expect(items.filter((i) => ['single', 'multiple', 'truefalse'].includes(i.type)).every((i) => !dropped.some((d) => d.itemId === i.id))).toBe(true)
  })

  it('keeps ids and metadata in // [id:] and // [tag:] comments', () => {
    for (const [n, item] of written.entries()) {
      expect([imported[n]!.objective, imported[n]!.passages, imported[n]!.difficulty, imported[n]!.bloom, imported[n]!.sealed]).toEqual([item.objective, item.passages, item.difficulty, item.bloom, item.sealed])
    }
  })
})

describe('gift-pegjs, a second opinion on the GIFT we write', () => {
  const parsed = giftPegjs.parse(text)
  const questions = parsed.filter((q) => q.type !== 'Category')

  it('reads the same number of questions, with our titles and ids, and one category per bank', () => {
    expect(parsed.filter((q) => q.type === 'Category').map((q) => q.title)).toEqual(banks.map((b) => `$course$/top/nk-troops-ukraine/${b.lesson}`))
    expect(questions.map((q) => [q.title, q.id])).toEqual(written.map((i) => [i.id, i.id]))
  })

  it('reads the types and the stems', () => {
    const kind: Record<string, string> = { single: 'MC', multiple: 'MC', truefalse: 'TF', matching: 'Matching', short: 'Short', numeric: 'Numerical', freetext: 'Essay' }
    expect(questions.map((q) => q.type)).toEqual(written.map((i) => kind[i.type]))
    expect(questions.map((q) => ('stem' in q ? q.stem.text : ''))).toEqual(written.map((i) => i.stem))
  })

  it.each(written.map((item, n) => [`${item.type} ${item.id}`, item, n] as const))('%s: the right answers are marked', (_label, item: Item, n) => {
    const q = questions[n]! as unknown as Record<string, unknown>
    type Choice = { isCorrect: boolean; weight: number | null; text: { text: string } | { number: number; range: number } }
    const choices = (q.choices ?? []) as Choice[]
    const texts = (pick: (c: Choice) => boolean) => choices.filter(pick).map((c) => ('text' in c.text ? c.text.text : ''))
    switch (item.type) {
      case 'single':
        return expect(texts((c) => c.isCorrect)).toEqual([item.options.find((o) => o.id === item.answer)!.text])
      case 'multiple':
        return expect(texts((c) => (c.weight ?? 0) > 0)).toEqual(item.options.filter((o) => item.answers.includes(o.id)).map((o) => o.text))
      case 'truefalse':
        return expect(q.isTrue).toBe(item.answer)
      case 'matching':
        return expect((q.matchPairs as { subquestion: { text: string }; subanswer: string }[]).map((p) => [p.subquestion.text, p.subanswer])).toEqual([...item.pairs.map((p) => [p.prompt, p.match]), ...(item.distractors ?? []).map((d) => ['', d.text])])
      case 'short':
        return expect(texts((c) => c.isCorrect && (c.weight === null || c.weight === 100)).slice(0, item.accept.length)).toEqual(item.accept)
      case 'numeric':
        expect(choices.filter((c) => c.isCorrect).map((c) => c.text)).toEqual([{ type: 'range', number: item.answer, range: item.tolerance?.absolute ?? 0 }])
        return expect(choices.filter((c) => !c.isCorrect).map((c) => (c as unknown as { feedback: { text: string } }).feedback.text)).toEqual([item.wrongFeedback])
      case 'freetext':
        return expect(q.type).toBe('Essay')
    }
    throw new Error(`unexpected type ${item.type}`)
  })
})
