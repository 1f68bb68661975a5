import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assembleAttempt, BlueprintError, checkBlueprint, slotBlankOrders, slotOrder } from '../../../src/domain/assembly.ts'
import { shownBlankOptions } from '../../../src/domain/clozeOrder.ts'
import { startPractice } from '../../../src/domain/practice.ts'
import { createRng, seededShuffle } from '../../../src/domain/random.ts'
import type { Blueprint } from '../../../src/domain/types.ts'
import { blueprint, cloze, makeBanks, mixedBanks, mixedBlueprint, single } from '../../fixtures/items.ts'

const banks = makeBanks()

describe('seeded randomness', () => {
  it('repeats its sequence for the same seed', () => {
    const a = createRng(42)
    const b = createRng(42)
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b))
  })

  it('stays within [0, 1)', () => {
    const rng = createRng(7)
    expect(Array.from({ length: 1000 }, rng).every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('shuffles into a permutation of the input', () => {
    expect(seededShuffle([1, 2, 3, 4, 5], 9).sort()).toEqual([1, 2, 3, 4, 5])
  })
})

describe('assembleAttempt', () => {
  it('gives the same attempt for the same seed', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      expect(assembleAttempt(blueprint, banks, seed)).toEqual(assembleAttempt(blueprint, banks, seed))
    }), { numRuns: 50 })
  })

  it('usually gives different attempts for different seeds', () => {
    const pairs = fc.sample(fc.tuple(fc.integer(), fc.integer()).filter(([a, b]) => a !== b), { numRuns: 100, seed: 1 })
    const differing = pairs.filter(([a, b]) =>
      JSON.stringify(assembleAttempt(blueprint, banks, a).slots) !== JSON.stringify(assembleAttempt(blueprint, banks, b).slots)).length
    expect(differing).toBeGreaterThanOrEqual(95)
  })

  it('does not depend on the order of the banks', () => {
    expect(assembleAttempt(blueprint, [...banks].reverse(), 3)).toEqual(assembleAttempt(blueprint, banks, 3))
  })

  it('never reuses an item', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const ids = assembleAttempt(blueprint, banks, seed).slots.map((s) => s.itemId)
      expect(new Set(ids).size).toBe(ids.length)
    }), { numRuns: 50 })
  })

  it('honours each draw’s filters', () => {
    const { slots, snapshots } = assembleAttempt(blueprint, banks, 11)
    const items = slots.map((s) => snapshots[s.version])
    expect(items.slice(0, 4).every((i) => i?.lesson === 'l1')).toBe(true)
    expect(items.slice(4).every((i) => i?.lesson === 'l2' && i.difficulty >= 2)).toBe(true)
  })

  it('balances a draw across objectives', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const { slots, snapshots } = assembleAttempt(blueprint, banks, seed)
      const objectives = slots.slice(0, 4).map((s) => snapshots[s.version]?.objective)
      expect(objectives.filter((o) => o === 'l1-o1')).toHaveLength(2)
    }), { numRuns: 30 })
  })

  it('balances difficulty within an objective', () => {
    const one: Blueprint = { ...blueprint, draws: [{ objective: 'l1-o1', count: 3 }] }
    const { slots, snapshots } = assembleAttempt(one, banks, 5)
    expect(slots.map((s) => snapshots[s.version]?.difficulty).sort()).toEqual([1, 2, 3])
  })

  it('snapshots every item shown', () => {
    const { slots, snapshots } = assembleAttempt(blueprint, banks, 1)
    expect(slots.every((s) => snapshots[s.version]?.id === s.itemId)).toBe(true)
  })

  it('shuffles options into a permutation when asked', () => {
    const { slots } = assembleAttempt(blueprint, banks, 1)
    expect(slots.every((s) => [...(s.order ?? [])].sort().join() === 'a,b,c,d')).toBe(true)
  })

  it('keeps authored option order when shuffling is off', () => {
    const { slots } = assembleAttempt({ ...blueprint, shuffleOptions: false }, banks, 1)
    expect(slots.every((s) => s.order === undefined)).toBe(true)
  })

  it('always shuffles ordering steps, and never shows them solved', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const { slots } = assembleAttempt({ ...mixedBlueprint, shuffleOptions: false }, mixedBanks, seed)
      const order = slots.find((s) => s.itemId === 'q-ordering')?.order
      expect(order?.slice().sort().join()).toBe('s1,s2,s3,s4,s5')
      expect(order?.join()).not.toBe('s1,s2,s3,s4,s5')
    }), { numRuns: 50 })
  })

  it('gives matching items a shuffled list of matches and distractors', () => {
    const { slots } = assembleAttempt(mixedBlueprint, mixedBanks, 2)
    expect(slots.find((s) => s.itemId === 'q-matching')?.order?.slice().sort()).toEqual(['d1', 'm1', 'm2', 'm3', 'm4'])
  })

  it('throws a BlueprintError naming the blueprint, the draw and the counts', () => {
    const tooMany: Blueprint = { ...blueprint, draws: [{ lesson: 'l1', count: 4 }, { lesson: 'l2', objective: 'l2-o1', difficulty: [3], count: 5 }] }
    expect(() => assembleAttempt(tooMany, banks, 1)).toThrow(
      new BlueprintError({ blueprintId: 'quiz-1', drawIndex: 1, needed: 5, found: 3, message: 'Blueprint "quiz-1", draw 2 (lesson l2, objective l2-o1, difficulty 3) needs 5 items but the banks have only 3.' }),
    )
  })

  it('counts items taken by earlier draws as unavailable', () => {
    const overlapping: Blueprint = { ...blueprint, draws: [{ lesson: 'l1', count: 17 }, { lesson: 'l1', objective: 'l1-o1', count: 2 }] }
    expect(() => assembleAttempt(overlapping, banks, 1)).toThrow(BlueprintError)
  })
})

describe('checkBlueprint', () => {
  it('finds no problem in a satisfiable blueprint', () => {
    expect(checkBlueprint(blueprint, banks)).toEqual([])
  })

  it('reports a draw the banks can never fill', () => {
    const problems = checkBlueprint({ ...blueprint, draws: [{ lesson: 'nope', count: 1 }] }, banks)
    expect(problems).toMatchObject([{ drawIndex: 0, needed: 1, found: 0 }])
  })

  it('reports a draw that earlier overlapping draws may starve', () => {
    const problems = checkBlueprint({ ...blueprint, draws: [{ lesson: 'l1', count: 10 }, { lesson: 'l1', objective: 'l1-o1', count: 5 }] }, banks)
    expect(problems).toMatchObject([{ drawIndex: 1, needed: 5, found: 0 }])
  })

  it('reports a blueprint with no draws', () => {
    expect(checkBlueprint({ ...blueprint, draws: [] }, banks)).toHaveLength(1)
  })
})

describe('cloze drop-down order (slot.blankOrders)', () => {
  const threeDropdowns = { ...cloze, blanks: [...cloze.blanks, { id: 'day', accept: ['19'], options: ['12', '19', '26'] }] }

  it.each([
    ['shuffled: each drop-down blank gets a permutation of its options', threeDropdowns, true, ['day', 'month']],
    ['not shuffled when the blueprint keeps the authored order', threeDropdowns, false, undefined],
    ['nothing for an item that is not cloze', single, true, undefined],
    ['nothing for a cloze item with only typed blanks', { ...cloze, blanks: cloze.blanks.filter((b) => !b.options) }, true, undefined],
  ])('%s', (_why, item, shuffleOptions, blanks) => {
    const orders = slotBlankOrders(item, shuffleOptions, 7)
    expect(orders === undefined ? undefined : Object.keys(orders).sort()).toEqual(blanks)
    for (const b of item.type === 'cloze' ? item.blanks : []) {
      if (orders?.[b.id]) expect([...orders[b.id]!].sort()).toEqual([...b.options!].sort())
    }
  })

  it('is the same for the same seed and item, so a reload shows the same order', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      expect(slotBlankOrders(threeDropdowns, true, seed)).toEqual(slotBlankOrders(threeDropdowns, true, seed))
    }), { numRuns: 50 })
  })

  it('puts the answer first about as often as chance (1 in 3 options) over 600 seeds', () => {
    const first = Array.from({ length: 600 }, (_, seed) => slotBlankOrders(cloze, true, seed)!.month![0]).filter((o) => o === 'June').length
    // Deterministic (fixed seeds); a uniform shuffle gives 200 ± 12 (one standard deviation).
    expect(first).toBeGreaterThan(160)
    expect(first).toBeLessThan(240)
  })

  it('leaves every other option order of a seed as it was before drop-downs were shuffled', () => {
    // The drop-down orders use their own derived seed, so old seeds still give the same option orders.
    expect(slotOrder(single, true, 11)).toEqual(slotOrder(single, true, 11))
    const attempt = assembleAttempt(mixedBlueprint, mixedBanks, 5)
    for (const slot of attempt.slots) {
      const item = attempt.snapshots[slot.version]!
      expect(slot.order).toEqual(slotOrder(item, true, 5))
    }
  })

  it('is recorded in the slot by assembly and by practice', () => {
    const assessed = assembleAttempt(mixedBlueprint, mixedBanks, 5).slots.find((s) => s.itemId === cloze.id)
    expect(assessed?.blankOrders).toEqual(slotBlankOrders(cloze, true, 5))
    const practice = startPractice({ courseId: 'c', lessonId: 'l2', learnerId: 'ann', items: [cloze], attemptId: 'p1', seed: 9, now: 0 })
    expect(practice.slots[0]?.blankOrders).toEqual(slotBlankOrders(cloze, true, 9))
  })

  it.each([
    ['the recorded order', { month: ['October', 'March', 'June'] }, ['October', 'March', 'June']],
    ['no record: authored order (attempts from before the shuffle)', undefined, ['March', 'June', 'October']],
    ['a record that is not a permutation of the options: authored order', { month: ['October', 'March'] }, ['March', 'June', 'October']],
  ])('shownBlankOptions: %s', (_why, orders, expected) => {
    expect(shownBlankOptions(cloze.blanks[0]!, orders)).toEqual(expected)
  })
})
