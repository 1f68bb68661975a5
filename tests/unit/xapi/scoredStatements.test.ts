import { describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { ManualGrade } from '../../../src/domain/types.ts'
import { scoredStatementId } from '../../../src/domain/xapi/statementIds.ts'
import { LEARNER_REVISION, correction, revisionOf, scoredStatements } from '../../../src/domain/xapi/scoredStatements.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { ATTEMPT_ID, ITEMS, SOURCE, T0, env, expectValid, submittedAttempt } from './xapiFixtures.ts'

const { attempt, responses } = submittedAttempt()
/** A pass mark the answers can only reach with the free-text item: no decision while it is pending. */
const HIGH = { passMark: 0.7 }
const FREE: ManualGrade = { attemptId: ATTEMPT_ID, itemId: 'q-free', criteria: { r1: 2 }, score: 2, comment: 'Good.', gradedAt: T0 + 500_000 }

function verbs(list: readonly XapiStatement[]): string[] {
  return list.map((s) => s.verb.display['en-US']!)
}

describe('scored statements with name-based ids', () => {
  const learner = scoredStatements(env(), attempt, SOURCE, gradeAttempt(attempt, responses, [], HIGH), LEARNER_REVISION)

  it('are answered × item, completed and (while pending) no decision, all valid', () => {
    expect(verbs(learner)).toEqual([...ITEMS.map(() => 'answered'), 'completed'])
    for (const s of learner) expectValid(s)
  })

  it('have ids any device can compute from the attempt, verb, slot and revision', () => {
    expect(learner.map((s) => s.id)).toEqual([...ITEMS.map((i) => scoredStatementId(ATTEMPT_ID, 'answered', i.id, 0)), scoredStatementId(ATTEMPT_ID, 'completed', 'attempt', 0)])
    expect(scoredStatements(env(), attempt, SOURCE, gradeAttempt(attempt, responses, [], HIGH), LEARNER_REVISION)).toEqual(learner)
  })

  it('count revisions from the grade history: the attempt for all rows, an item for its own', () => {
    expect(revisionOf([{ itemId: 'q-free' }, { itemId: 'q-num' }, { itemId: 'q-free' }])).toEqual({ attempt: 3, items: { 'q-free': 2, 'q-num': 1 } })
  })
})

describe('a correction after a free-text grade', () => {
  const before = scoredStatements(env(), attempt, SOURCE, gradeAttempt(attempt, responses, [], HIGH), LEARNER_REVISION)
  const graded = gradeAttempt(attempt, responses, [FREE], HIGH)
  const after = scoredStatements(env(), attempt, SOURCE, graded, revisionOf([{ itemId: 'q-free' }]))
  const sent = correction(env(), before, after, FREE.gradedAt)

  it('voids the item\'s provisional answered and the completed, then sends them scored with the decision', () => {
    expect(verbs(sent)).toEqual(['voided', 'voided', 'answered', 'completed', graded.passed ? 'passed' : 'failed'])
    expect(sent.slice(0, 2).map((s) => s.object.id)).toEqual([scoredStatementId(ATTEMPT_ID, 'answered', 'q-free', 0), scoredStatementId(ATTEMPT_ID, 'completed', 'attempt', 0)])
    expect(sent[2]).toMatchObject({ id: scoredStatementId(ATTEMPT_ID, 'answered', 'q-free', 1), result: { success: true, completion: true } })
    for (const s of sent) expectValid(s)
  })

  it('leaves the items whose grade did not change alone', () => {
    const untouched = before.filter((s) => !sent.some((x) => x.object.id === s.id))
    expect(untouched).toHaveLength(ITEMS.length - 1)
  })

  it('is empty when nothing changed', () => {
    expect(correction(env(), after, after, FREE.gradedAt)).toEqual([])
  })
})
