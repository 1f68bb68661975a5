import { describe, expect, it } from 'vitest'
import { count, countsSentence, isProblem, outcomeCounts, outcomeKind, progressLabel, progressTenth } from '../../../src/domain/importReport.ts'
import type { ImportOutcome } from '../../../src/domain/resultImport.ts'

const learner = { id: 'ana', name: 'Ana' }
const ok = (added: number, alreadyImported: number, flagged?: number): ImportOutcome => ({ fileName: 'f.json', ok: true, learner, newLearner: false, added, alreadyImported, ...(flagged !== undefined ? { flagged } : {}) })
const bad = (code: 'bad-checksum' | 'too-deep' | 'storage' | 'unexpected'): ImportOutcome => ({ fileName: 'f.json', ok: false, code, message: 'm' })
const conflict: ImportOutcome = { fileName: 'f.json', ok: false, code: 'conflict', message: 'm', conflictId: 1 }

describe('what became of a file', () => {
  it.each([
    ['attempts added, none flagged', ok(5, 0, 0), 'imported'],
    ['attempts added, checks off', ok(2, 0), 'imported'],
    ['some new, some already here', ok(1, 4, 0), 'imported'],
    ['one added attempt flagged', ok(5, 0, 1), 'flagged'],
    ['nothing new', ok(0, 5, 0), 'already'],
    ['an empty file', ok(0, 0, 0), 'imported'],
    ['kept back', conflict, 'conflict'],
    ['a bad checksum', bad('bad-checksum'), 'refused'],
    ['nested too deeply', bad('too-deep'), 'refused'],
    ['a failed write', bad('storage'), 'refused'],
    ['unreadable', bad('unexpected'), 'refused'],
  ] as const)('%s: %s', (_name, outcome, kind) => {
    expect(outcomeKind(outcome)).toBe(kind)
    expect(isProblem(outcome)).toBe(kind !== 'imported')
  })
})

describe('the counts before the list', () => {
  it('counts each kind and names only those present', () => {
    const outcomes = [...Array.from({ length: 1200 }, () => ok(5, 0, 0)), ok(5, 0, 2), bad('too-deep'), bad('bad-checksum'), conflict]
    expect(outcomeCounts(outcomes)).toEqual({ imported: 1200, flagged: 1, already: 0, conflict: 1, refused: 2 })
    expect(countsSentence(outcomeCounts(outcomes))).toBe('1,204 files: 1,200 imported, 1 imported with flagged attempts, 1 kept back as a conflict, 2 refused.')
  })

  it('says one file in the singular', () => {
    expect(countsSentence(outcomeCounts([ok(0, 1, 0)]))).toBe('1 file: 1 already imported.')
  })
})

describe('progress', () => {
  it.each([[0, '0'], [7, '7'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567']])('writes %i as %s', (n, text) => {
    expect(count(n)).toBe(text)
  })

  it('labels the bar with files done of the batch', () => {
    expect(progressLabel(340, 1000)).toBe('Imported 340 of 1,000 files')
    expect(progressLabel(0, 1)).toBe('Imported 0 of 1 file')
  })

  it('changes tenth only ten times over a batch of 1,000, one chunk of 25 at a time', () => {
    const tenths = new Set(Array.from({ length: 41 }, (_, i) => progressTenth(i * 25, 1000)))
    expect([...tenths]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it.each([[0, 3, 0], [1, 3, 3], [2, 3, 6], [3, 3, 10], [5, 0, 10]])('%i of %i files is tenth %i', (done, total, tenth) => {
    expect(progressTenth(done, total)).toBe(tenth)
  })
})
