/** Issue 14 §5: `npm run report` with certainty (scripts/report.ts buildReport; rules in docs/cbm.md). */
import { describe, expect, it } from 'vitest'
import { buildReport, type ReportEntry } from '../../../scripts/report.ts'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { cbmAttempt, WORKED_EXAMPLE, type Answered } from '../../fixtures/cbmAttempt.ts'
import { readCsv } from '../../fixtures/readCsv.ts'

const WITH: AssessmentInfo = { id: 'final', title: 'Final', passMark: 0.56, gradingMethod: 'highest', certainty: true, passOn: 'cbm' }
const WITHOUT: AssessmentInfo = { id: 'final', title: 'Final', passMark: 0.56, gradingMethod: 'highest' }

function entry(learner: string, answers: readonly Answered[], assessment: AssessmentInfo): ReportEntry {
  const { attempt, responses } = cbmAttempt(answers, `${learner}-1`)
  return { learner: { id: learner, name: learner }, entry: { attempt: { ...attempt, learnerId: learner }, responses, assessment } }
}

const veryWrong: Answered[] = [{ outcome: 'wrong', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }, { outcome: 'right', certainty: 3 }]

describe('report with certainty', () => {
  const files = buildReport([entry('ann', WORKED_EXAMPLE, WITH), entry('bob', veryWrong, WITH), entry('cy', veryWrong, WITH), entry('dee', veryWrong, WITH)])

  it('gives each attempt accuracy, CBM mark, bonus, Brier and confidence index (the worked example, hand-computed)', () => {
    const ann = readCsv(files['gradebook.csv']!).find((r) => r['learner id'] === 'ann')!
    expect([ann['accuracy %'], ann['CBM average mark'], ann['CBM bonus %'], ann['accuracy + bonus %'], ann['Brier score'], ann['confidence index']]).toEqual(['58.33', '0.3333', '-2.5', '55.83', '0.2009', '0.1944'])
    // Passing on CBM: 55.83 % misses the 56 % mark although accuracy reaches it.
    expect([ann.percent, ann.passed]).toEqual(['58.33', 'false'])
  })

  it('keeps the flags column last', () => {
    const header = files['gradebook.csv']!.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',')
    expect(header.slice(-7)).toEqual(['accuracy %', 'CBM average mark', 'CBM bonus %', 'accuracy + bonus %', 'Brier score', 'confidence index', 'flags'])
  })

  it('lists each answer’s certainty and CBM mark', () => {
    const rows = readCsv(files['responses.csv']!).filter((r) => r['learner id'] === 'ann')
    expect(rows.map((r) => [r.certainty, r['CBM mark']])).toEqual([['3', '3'], ['3', '3'], ['3', '-6'], ['2', '2'], ['1', '0'], ['2', '0']])
  })

  it('flags the item where confident wrong answers cluster', () => {
    // Item i1: wrong and very sure for bob, cy and dee (3 of 4: flagged); i3: only ann (1 of 4).
    const items = new Map(readCsv(files['item-statistics.csv']!).map((r) => [r.item, r]))
    expect([items.get('i1')?.['very sure and wrong'], items.get('i1')?.['misconception flag']]).toEqual(['3', 'true'])
    expect([items.get('i3')?.['very sure and wrong'], items.get('i3')?.['misconception flag']]).toEqual(['1', 'false'])
  })

  it('has no certainty columns when no attempt has certainty', () => {
    const plain = buildReport([entry('ann', WORKED_EXAMPLE, WITHOUT)])
    for (const name of ['gradebook.csv', 'responses.csv', 'item-statistics.csv']) expect(plain[name]).not.toMatch(/CBM|Brier|certainty|very sure/)
    expect(readCsv(plain['gradebook.csv']!)[0]?.passed).toBe('true')
  })
})
