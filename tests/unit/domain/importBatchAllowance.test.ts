/**
 * Which extra time an imported deadline is checked with (src/domain/importBatch.ts): the
 * instructor's device's allowance for a learner it knows, else the file's `learner.allowance`.
 */
import { describe, expect, it } from 'vitest'
import type { Allowance } from '../../../src/domain/allowance.ts'
import { checkBatch } from '../../../src/domain/importBatch.ts'
import { honest, INSTRUCTOR, MIN, sha256, T0 } from '../../fixtures/importAttacks.ts'

/** A final whose deadline is 45 minutes after its start: 15 minutes past the 30-minute limit. */
const entry = (() => {
  const e = honest({ id: 'final-45', blueprintId: 'final' })
  return { ...e, attempt: { ...e.attempt, deadline: T0 + 45 * MIN } }
})()

describe('checkBatch: the allowance a deadline is checked with', () => {
  it.each<[string, Allowance | undefined, Map<string, Allowance | undefined> | undefined, string[]]>([
    ['a new learner, the file grants 1.5 ×', { multiplier: 1.5 }, undefined, []],
    ['a new learner, the file grants 15 extra minutes', { extraMinutes: 15 }, undefined, []],
    ['a new learner, the file grants 5 extra minutes', { extraMinutes: 5 }, undefined, ['missing-deadline']],
    ['a new learner, the file grants none', undefined, undefined, ['missing-deadline']],
    ['a known learner with 1.5 × here, the file grants none', undefined, new Map([['lea', { multiplier: 1.5 }]]), []],
    ['a known learner with none here, the file grants 1.5 ×', { multiplier: 1.5 }, new Map([['lea', undefined]]), ['missing-deadline']],
    ['a known learner with 5 minutes here, the file grants 4 ×', { multiplier: 4 }, new Map([['lea', { extraMinutes: 5 }]]), ['missing-deadline']],
    ['another learner known here, the file grants 1.5 ×', { multiplier: 1.5 }, new Map([['max', undefined]]), []],
  ])('%s', async (_case, fileAllowance, allowances, expected) => {
    const learner = { id: 'lea', name: 'Lea', ...(fileAllowance !== undefined ? { allowance: fileAllowance } : {}) }
    const [checked] = await checkBatch({ entries: [{ learner, entry }], course: INSTRUCTOR, ...(allowances !== undefined ? { allowances } : {}), sha256 })
    expect(checked!.flags.map((f) => f.code)).toEqual(expected)
  })
})
