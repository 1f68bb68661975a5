import { describe, expect, it } from 'vitest'
import { regradeAttempt, regradePreview, type RegradeInput } from '../../../src/domain/regrade.ts'
import type { VersionedItem } from '../../../src/domain/types.ts'
import { byAttempt, makeAttempt, manual, respond, single, truefalse, WRONG_SINGLE } from './fixtures.ts'

/** The key changed: option b is now the right answer. */
const rekeyed: VersionedItem = { ...single, answer: 'b', version: 'v-single-2' }

function input(extra: Partial<RegradeInput> = {}): RegradeInput {
  return {
    attempts: [makeAttempt({ id: 'a1' }), makeAttempt({ id: 'open', submitted: false })],
    responses: byAttempt([respond('a1', single.id, WRONG_SINGLE)]),
    manualGrades: new Map(),
    current: new Map([[single.id, rekeyed], [truefalse.id, truefalse]]),
    optionsFor: () => ({ passMark: 0.5 }),
    ...extra,
  }
}

describe('regrade preview', () => {
  it('shows the old and new score of an answer to a changed item', () => {
    expect(regradePreview(input())).toEqual([{
      attemptId: 'a1', learnerId: 'ana', assessmentId: 'final', itemId: single.id, fromVersion: single.version, toVersion: 'v-single-2',
      oldItemScore: 0, newItemScore: 1, oldPercent: 0, newPercent: 50, manual: false,
    }])
  })

  it('leaves items at the current version and items no longer in the bank alone', () => {
    expect(regradePreview(input({ current: new Map([[truefalse.id, truefalse]]) }))).toEqual([])
  })

  it('keeps an instructor’s grade: the version changes, the score does not', () => {
    const [change] = regradePreview(input({ manualGrades: byAttempt([manual('a1', single.id, 0)]) }))
    expect([change?.manual, change?.oldItemScore, change?.newItemScore]).toEqual([true, 0, 0])
  })
})

describe('regrading an attempt', () => {
  const regraded = regradeAttempt(makeAttempt({ id: 'a1' }), rekeyed)

  it('points the slot at the new version', () => {
    expect(regraded.slots.map((s) => s.version)).toEqual(['v-single-2', truefalse.version])
  })

  it('keeps the old snapshot beside the new one', () => {
    expect(Object.keys(regraded.snapshots).sort()).toEqual([single.version, 'v-single-2', truefalse.version].sort())
  })
})
