import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { gradeResponse, itemMax } from '../../../src/domain/grading/index.ts'
import { checkItem } from '../../../src/domain/validateItem.ts'
import { canGradeLocally, fullAnswer, fullOrder, isStub, publicItem, stubMatches, tokenMap, unsealAttempt } from '../../../src/domain/sealed.ts'
import type { Answer, ItemType, VersionedItem } from '../../../src/domain/types.ts'
import { rightAnswerToStub } from '../../fixtures/sealedAnswers.ts'

const loaded = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
const items = loaded.courses[0]!.banks.flatMap((b) => b.items)
const byType = (type: ItemType) => items.filter((i) => i.type === type)

/** Fields that give a key, feedback or grading rule away, at any depth. */
const KEY_FIELDS = ['answer', 'answers', 'correct', 'feedback', 'wrongFeedback', 'explanation', 'accept', 'patterns', 'partial', 'reject', 'tolerance', 'modelAnswer', 'concepts', 'category', 'weight', 'allowTypo', 'caseSensitive', 'accentSensitive', 'unitsCaseSensitive', 'scoring']

function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out))
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k)
      keysDeep(v, out)
    }
  }
  return out
}

describe('publicItem', () => {
  it('the course has every item type to test against', () => {
    expect(loaded.problems).toEqual([])
    for (const type of ['single', 'multiple', 'truefalse', 'matching', 'ordering', 'categorize', 'cloze', 'short', 'numeric', 'freetext'] as const) expect(byType(type).length, type).toBeGreaterThan(0)
  })

  it.each(items.map((i) => [i.id, i] as const))('%s: no key field, and the kept fields are the full item’s', (_, full) => {
    const stub = publicItem(full)
    const keys = keysDeep(stub)
    for (const field of KEY_FIELDS) expect(keys.has(field), field).toBe(false)
    expect(stub).toMatchObject({ id: full.id, version: full.version, lesson: full.lesson, type: full.type, stem: full.stem, objective: full.objective, difficulty: full.difficulty, bloom: full.bloom, sealed: true })
    expect(stub.points).toBe(itemMax(full))
    expect(isStub(stub)).toBe(true)
    expect(isStub(full)).toBe(false)
    expect(stubMatches(stub, full)).toBe(true)
    expect(publicItem(stub)).toBe(stub)
  })

  it.each(items.map((i) => [i.id, i] as const))('%s: the right answer given to the stub grades full marks on the full item', (_, full) => {
    const grade = gradeResponse(full, fullAnswer(full, rightAnswerToStub(full)))
    if (full.type === 'freetext') expect(grade.state).toBe('needs-grading')
    else expect(grade.score).toBe(itemMax(full))
  })

  it('ordering: steps become tokens in alphabetical text order, so neither ids nor order give the key', () => {
    for (const full of byType('ordering')) {
      const stub = publicItem(full)
      if (stub.type !== 'ordering' || full.type !== 'ordering') throw new Error('type')
      const texts = stub.steps.map((s) => s.text)
      expect(texts).toEqual([...texts].sort())
      expect(stub.steps.map((s) => s.id)).toEqual(texts.map((_, i) => `k${i + 1}`))
      expect(new Set(texts)).toEqual(new Set(full.steps.map((s) => s.text)))
    }
  })

  it('matching: prompts keep their ids with no match; choices are tokens in text order, distractors included', () => {
    for (const full of byType('matching')) {
      const stub = publicItem(full)
      if (stub.type !== 'matching' || full.type !== 'matching') throw new Error('type')
      expect(stub.pairs).toEqual(full.pairs.map((p) => ({ id: p.id, prompt: p.prompt, match: '' })))
      const texts = (stub.distractors ?? []).map((c) => c.text)
      expect(texts).toEqual([...texts].sort())
      expect(texts.length).toBe(full.pairs.length + (full.distractors?.length ?? 0))
      for (const c of stub.distractors ?? []) expect(full.pairs.some((p) => p.id === c.id)).toBe(false)
    }
  })

  it('cloze: drop-down options sorted, typed blanks only an id', () => {
    for (const full of byType('cloze')) {
      const stub = publicItem(full)
      if (stub.type !== 'cloze' || full.type !== 'cloze') throw new Error('type')
      expect(stub.text).toBe(full.text)
      full.blanks.forEach((b, i) => expect(stub.blanks[i]).toEqual(b.options ? { id: b.id, options: [...b.options].sort() } : { id: b.id }))
    }
  })

  it('free text keeps minWords and loses rubric and model answer; numeric keeps units', () => {
    const free = byType('freetext').find((i) => i.type === 'freetext' && i.minWords !== undefined)
    if (free) expect(publicItem(free)).toMatchObject({ minWords: (free as { minWords: number }).minWords, rubric: [] })
    const numeric = byType('numeric').find((i) => i.type === 'numeric' && i.units !== undefined)!
    expect(publicItem(numeric)).toMatchObject({ units: (numeric as { units: string[] }).units })
  })
})

describe('stubMatches', () => {
  const full = byType('single')[0]!
  const stub = publicItem(full)
  it.each([
    ['the same stub', stub, full, true],
    ['a stub with an edited stem', { ...stub, stem: stub.stem + '!' }, full, false],
    ['a stub with the answer put back', { ...stub, answer: 'a' }, full, false],
    ['a stub of another item', publicItem(byType('single')[1]!), full, false],
    ['the full item instead of a stub', full, full, false],
    ['a stub compared with a stub', stub, stub, false],
    ['not an object', 'stub', full, false],
  ] as const)('%s → %s', (_, a, b, expected) => {
    expect(stubMatches(a, b as VersionedItem)).toBe(expected)
  })
})

describe('fullAnswer and fullOrder', () => {
  const ordering = byType('ordering')[0]!
  it('maps tokens back to ids and keeps unknown tokens (they grade wrong)', () => {
    const map = tokenMap(ordering)
    const tokens = [...map.keys()]
    expect(fullAnswer(ordering, { type: 'ordering', order: [...tokens, 'k99'] })).toEqual({ type: 'ordering', order: [...tokens.map((t) => map.get(t)), 'k99'] })
    expect(fullOrder(ordering, tokens)).toEqual(tokens.map((t) => map.get(t)))
    expect(fullOrder(ordering, undefined)).toBeUndefined()
  })
  it('leaves other answers alone', () => {
    const single = byType('single')[0]!
    const answer: Answer = { type: 'single', optionId: 'b' }
    expect(fullAnswer(single, answer)).toBe(answer)
    expect(fullAnswer(ordering, { type: 'short', text: 'k1' })).toEqual({ type: 'short', text: 'k1' })
  })
})

describe('canGradeLocally', () => {
  const [a, b] = items
  it.each([
    ['all full items', { [a!.version]: a, [b!.version]: b }, true],
    ['one stub', { [a!.version]: a, [b!.version]: publicItem(b!) }, false],
    ['one missing', { [a!.version]: a }, false],
    ['a version named like an Object property', { [a!.version]: a, [b!.version]: b, constructor: a }, true],
  ] as const)('%s → %s', (_, byVersion, expected) => {
    expect(canGradeLocally([{ version: a!.version }, { version: b!.version }], byVersion as Record<string, VersionedItem>)).toBe(expected)
  })
  it('a slot whose version is an Object property name is not found by accident', () => {
    expect(canGradeLocally([{ version: 'constructor' }], {})).toBe(false)
  })
})

describe('unsealAttempt', () => {
  const chosen = [byType('matching')[0]!, byType('ordering')[0]!, byType('single')[0]!]
  const stubs = chosen.map(publicItem)
  const attempt = {
    id: 'a1',
    slots: stubs.map((s) => ({ itemId: s.id, version: s.version, ...(s.type === 'ordering' ? { order: s.steps.map((x) => x.id).reverse() } : {}) })),
    snapshots: Object.fromEntries(stubs.map((s) => [s.version, s as VersionedItem])),
  }
  const responses = chosen.map((full, i) => ({ attemptId: 'a1', itemId: full.id, answer: rightAnswerToStub(full), flagged: false, savedAt: i, seq: 1 }))
  const byVersion = new Map(chosen.map((f) => [f.version, f]))

  it('swaps stubs for the full items, maps answers and orders, and the answers grade right', () => {
    const out = unsealAttempt(attempt, responses, (v) => byVersion.get(v))
    expect(out.sealedLeft).toEqual([])
    for (const full of chosen) expect(out.attempt.snapshots[full.version]).toBe(full)
    const ordering = chosen[1]!
    expect(out.attempt.slots[1]!.order).toEqual(fullOrder(ordering, attempt.slots[1]!.order))
    out.responses.forEach((r, i) => expect(gradeResponse(chosen[i]!, r.answer).score).toBe(itemMax(chosen[i]!)))
    // Unsealing twice changes nothing more.
    expect(unsealAttempt(out.attempt, out.responses, (v) => byVersion.get(v)).responses).toEqual(out.responses)
  })

  it.each([
    ['no full item', () => undefined],
    ['another item as the full one', () => byType('single')[1]!],
    ['a stub as the full one', (v: string) => publicItem(byVersion.get(v)!)],
  ] as const)('leaves a slot sealed with %s', (_, fullOf) => {
    const out = unsealAttempt(attempt, responses, fullOf)
    expect(out.sealedLeft).toEqual(attempt.slots.map((s) => s.version))
    expect(out.attempt.snapshots).toEqual(attempt.snapshots)
    expect(out.responses).toEqual(responses)
  })

  it('only maps the answers of its own attempt', () => {
    const other = { ...responses[0]!, attemptId: 'a2' }
    expect(unsealAttempt(attempt, [other], (v) => byVersion.get(v)).responses).toEqual([other])
  })
})

describe('the result file’s structural check reads stubs', () => {
  it.each(items.map((i) => [i.id, i] as const))('%s: its stub passes checkItem', (_, full) => {
    expect(() => checkItem(publicItem(full), 'snapshot')).not.toThrow()
  })
  it.each([
    ['a full item without its key', (() => { const { answer: _a, ...rest } = byType('single')[0]! as Extract<VersionedItem, { type: 'single' }>; return rest })(), /snapshot\.answer/],
    ['a stub whose sealed is not true', { ...publicItem(byType('single')[0]!), sealed: 'yes' }, /snapshot\.sealed should be true/],
    ['a stub with an explanation is a full item, and needs its key', { ...publicItem(byType('numeric')[0]!), explanation: 'x' }, /snapshot\.answer/],
  ])('%s is refused', (_, value, message) => {
    expect(() => checkItem(value, 'snapshot')).toThrow()
    try {
      checkItem(value, 'snapshot')
    } catch (e) {
      const err = e as { path: string; message: string }
      expect(`${err.path} ${err.message}`).toMatch(message)
    }
  })
})
