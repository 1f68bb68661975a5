import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assembleAttempt, BlueprintError, checkBlueprint } from '../../../src/domain/assembly.ts'
import { createRng, seededShuffle } from '../../../src/domain/random.ts'
import type { Blueprint } from '../../../src/domain/types.ts'
import { blueprint, makeBanks, mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'

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
