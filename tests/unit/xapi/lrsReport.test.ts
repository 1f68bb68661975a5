/** The import page's sentences for loading from the LRS. */
import { describe, expect, it } from 'vitest'
import { lrsOutcomeSentence, lrsProgressLabel } from '../../../src/domain/xapi/lrsReport.ts'

const BASE = { statements: 87_000, pages: 18, learners: 1000, newLearners: 1000, attempts: 3000, added: 3000, alreadyHere: 0, differs: [], flagged: 2 }

describe('lrsReport', () => {
  it.each([
    [0, 0, 'Asking the LRS for this course\'s statements…'],
    [500, 1, 'Fetched 500 statements (1 page) from the LRS…'],
    [87_000, 18, 'Fetched 87,000 statements (18 pages) from the LRS…'],
  ])('labels the progress at %i statements, %i pages', (statements, pages, label) => {
    expect(lrsProgressLabel(statements, pages)).toBe(label)
  })

  it.each([
    [BASE, 'Loaded 87,000 statements (18 pages) from the LRS: 1,000 learners (1,000 new), 3,000 attempts. 3,000 added, 0 already on this device, 2 flagged.'],
    [{ ...BASE, statements: 1, pages: 1, learners: 1, newLearners: 0, attempts: 1, added: 0, alreadyHere: 1, flagged: 0, differs: ['a1'] },
      'Loaded 1 statement (1 page) from the LRS: 1 learner (0 new), 1 attempt. 0 added, 1 already on this device, 0 flagged. 1 attempt already here is graded differently by the LRS; this device\'s copy is kept: a1.'],
    [{ ...BASE, differs: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] }, /6 attempts already here are graded differently by the LRS; this device's copy is kept: a1, a2, a3, a4, a5, …\.$/u],
  ])('says what a load did (%#)', (figures, sentence) => {
    if (typeof sentence === 'string') expect(lrsOutcomeSentence(figures)).toBe(sentence)
    else expect(lrsOutcomeSentence(figures)).toMatch(sentence)
  })
})
