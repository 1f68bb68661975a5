/**
 * A hand-computed cohort at the fixture's final with certainty turned on (issue 14): three
 * learners, five auto-graded items each, every answer right or wrong at a certainty the test
 * chooses. The figures are worked out by hand in certainty.test.ts.
 */
import { courses } from 'virtual:debrief/catalog'
import type { DebriefDb } from '../../../src/db/database.ts'
import type { Answer } from '../../../src/domain/types.ts'
import { addFinalAttempt, T0 } from './seed.ts'

type Level = 1 | 2 | 3
type Mark = `${'R' | 'W'}${Level}`

const RIGHT: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'a' },
  'f-q02': { type: 'truefalse', value: true },
  'f-q03': { type: 'numeric', text: '3' },
  'f-q04': { type: 'short', text: 'levee' },
  'f-q05': { type: 'cloze', blanks: { word: 'expected', months: '12' } },
}
const WRONG: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'b' },
  'f-q02': { type: 'truefalse', value: false },
  'f-q03': { type: 'numeric', text: '9' },
  'f-q04': { type: 'short', text: 'the bridge' },
  'f-q05': { type: 'cloze', blanks: { word: 'confirmed', months: '3' } },
}

/** Each learner's five answers, in item order f-q01..f-q05: R or W (right, wrong) and the certainty. */
export const COHORT: Record<string, readonly Mark[]> = {
  ana: ['W3', 'R3', 'R3', 'R3', 'W3'],
  ben: ['W3', 'R1', 'W1', 'R2', 'R2'],
  cy: ['W3', 'W2', 'R1', 'R1', 'R3'],
}

/** Turns certainty on (or off) for the fixture's final; returns the step that puts it back. */
export function finalCertainty(on: boolean): () => void {
  const final = courses.find((c) => c.id === 'river-brief')!.blueprints.find((b) => b.id === 'final')!
  const before = final.certainty
  if (on) final.certainty = true
  else delete final.certainty
  return () => {
    if (before === undefined) delete final.certainty
    else final.certainty = before
  }
}

/** The cohort's learners and attempts (Dee has none), with each response's certainty. */
export async function seedCohort(db: DebriefDb): Promise<void> {
  await db.learners.bulkAdd(['ana', 'ben', 'cy', 'dee'].map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1), createdAt: 1, origin: 'local' as const })))
  for (const [learner, marks] of Object.entries(COHORT)) {
    const items = Object.keys(RIGHT)
    const answers = Object.fromEntries(items.map((id, i) => [id, (marks[i]!.startsWith('R') ? RIGHT : WRONG)[id]!]))
    await addFinalAttempt(db, `${learner}-1`, learner, answers, T0)
    for (const [i, id] of items.entries()) {
      await db.responses.update([`${learner}-1`, id], { certainty: Number(marks[i]![1]) as Level })
    }
  }
}
