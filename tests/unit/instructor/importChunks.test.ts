/**
 * A batch is imported in chunks, a run of files in one transaction (src/db/importChunk.ts), for
 * speed (issue 12 §9). It must give exactly what importing the files one at a time gives, and a
 * file that fails must fail alone.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { IMPORT_CHUNK } from '../../../src/db/importChunk.ts'
import { importResultFiles, importResultText, type ImportOptions } from '../../../src/db/importResults.ts'
import { createResultFile, serializeResultFile, type ResultAttemptEntry } from '../../../src/domain/resultFile.ts'
import type { ImportOutcome } from '../../../src/domain/resultImport.ts'
import { COURSE, honest, INSTRUCTOR, sha256, T0 } from '../../fixtures/importAttacks.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

const options: ImportOptions = { courseId: COURSE.id, now: T0 + 11 * 86_400_000, course: INSTRUCTOR, sha256 }
const HOUR = 3_600_000
const final = (id: string, n: number) => honest({ id, blueprintId: 'final', startedAt: T0 + n * HOUR, seed: n + 1 })

/** One file per entry of `spec`: [file name, learner id, learner name, attempts]. */
async function batch(spec: [string, string, string, ResultAttemptEntry[]][]): Promise<{ name: string; text: string }[]> {
  return Promise.all(spec.map(async ([name, id, learnerName, attempts]) => {
    const file = await createResultFile({ courseId: COURSE.id, exportedAt: T0 + 10 * 86_400_000, learner: { id, name: learnerName }, attempts: attempts.map((e) => ({ ...e, attempt: { ...e.attempt, learnerId: id } })) }, sha256)
    return { name, text: serializeResultFile(file) }
  }))
}

/**
 * Files that depend on the files before them in the same chunk: a learner's fourth to sixth
 * finals in a second file (flagged only if the first file's three are seen), a copy (already
 * imported), the same learner under another name (kept back), and fillers so the batch crosses
 * a chunk boundary.
 */
async function dependentBatch() {
  const fillers: [string, string, string, ResultAttemptEntry[]][] = Array.from({ length: IMPORT_CHUNK }, (_, i) => [`filler-${i}.json`, `filler-${i}`, `Filler ${i}`, [honest({ id: `filler-${i}-quiz`, seed: i + 1 })]])
  const files = await batch([
    ['lea-1.json', 'lea', 'Lea', [0, 1, 2].map((n) => final(`lea-final-${n + 1}`, n))],
    ['lea-2.json', 'lea', 'Lea', [3, 4, 5].map((n) => final(`lea-final-${n + 1}`, n))],
    ...fillers.slice(0, 10),
    ['impostor.json', 'lea', 'Not Lea', [honest({ id: 'impostor-quiz' })]],
    ...fillers.slice(10),
    ['kim.json', 'kim', 'Kim', [honest({ id: 'kim-quiz' })]],
  ])
  // The same file again, in the next chunk: already imported.
  return [...files, { ...files[0]!, name: 'lea-1-again.json' }]
}

/** What a database holds, to compare two imports (the conflict rows without their generated ids). */
async function contents(db: DebriefDb) {
  const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1))
  return {
    learners: byKey(await db.learners.toArray(), (l) => l.id),
    attempts: byKey(await db.attempts.toArray(), (a) => a.id),
    responses: (await db.responses.count()),
    flags: byKey(await db.importFlags.toArray(), (f) => f.attemptId),
    conflicts: (await db.importConflicts.toArray()).map(({ id: _id, ...c }) => c),
  }
}

const shape = (o: ImportOutcome) => ('conflictId' in o ? { ...o, conflictId: 'a number' } : o)

let one: DebriefDb
let many: DebriefDb
beforeEach(async () => {
  one = new DebriefDb(uniqueName())
  many = new DebriefDb(uniqueName())
  await Promise.all([one.open(), many.open()])
})
afterEach(() => {
  one.close()
  many.close()
})

describe('a batch in chunks', () => {
  it('gives the same outcomes and the same database as importing each file on its own', async () => {
    const files = await dependentBatch()
    const alone: ImportOutcome[] = []
    for (const f of files) alone.push(await importResultText(one, f.name, f.text, options))
    const together = await importResultFiles(many, files, options)
    expect(together.map(shape)).toEqual(alone.map(shape))
    expect(await contents(many)).toEqual(await contents(one))
  })

  it('sees, in one chunk, the attempts an earlier file of it wrote', async () => {
    const outcomes = await importResultFiles(many, await dependentBatch(), options)
    expect(outcomes.slice(0, 2).map((o) => (o.ok ? o.flagged : o.code))).toEqual([0, 3])
    expect((await many.importFlags.get('lea-final-4'))?.flags.map((f) => f.code)).toEqual(['too-many-attempts'])
    expect(outcomes.find((o) => o.fileName === 'impostor.json')).toMatchObject({ ok: false, code: 'conflict' })
    expect(outcomes.at(-1)).toMatchObject({ ok: true, added: 0, alreadyImported: 3 })
  })

  it('says why each flagged attempt was flagged', async () => {
    const [, second] = await importResultFiles(many, await dependentBatch(), options)
    expect(second).toMatchObject({ ok: true, reasons: [4, 5, 6].map((n) => ({ attemptId: `lea-final-${n}`, messages: [expect.stringContaining(`This is attempt ${n} at`)] })) })
  })

  it('fails only the file whose write fails; the other files of its chunk are imported', async () => {
    many.responses.hook('creating', (_key, row) => {
      if (row.attemptId === 'filler-3-quiz') throw new Error('disk gave up')
    })
    const files = await dependentBatch()
    const outcomes = await importResultFiles(many, files, options)
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(files.map((f) => (f.name === 'filler-3.json' ? 'storage' : f.name === 'impostor.json' ? 'conflict' : 'ok')))
    expect(await many.attempts.get('filler-3-quiz')).toBeUndefined()
    expect(await many.learners.get('filler-3')).toBeUndefined()
    expect(await many.attempts.get('filler-4-quiz')).toBeDefined()
  })

  it('reads each file only when its chunk comes, and reports progress after every chunk', async () => {
    const files = await dependentBatch()
    const reads: number[] = []
    const progress: number[] = []
    const sources = files.map((f, i) => ({ name: f.name, text: async () => {
      reads.push(i)
      return f.text
    } }))
    await importResultFiles(many, sources, options, (sofar) => {
      progress.push(sofar.length)
      // Never more than the next chunk read ahead of what is done.
      expect(Math.max(...reads)).toBeLessThan(sofar.length + IMPORT_CHUNK)
    })
    expect(progress).toEqual([IMPORT_CHUNK, files.length])
    expect(reads.sort((a, b) => a - b)).toEqual(files.map((_, i) => i))
  })

  it('makes a file that cannot be read that file’s error', async () => {
    const [first, second] = await batch([['a.json', 'ann', 'Ann', [honest({ id: 'ann-quiz' })]], ['b.json', 'bob', 'Bob', [honest({ id: 'bob-quiz' })]]])
    const outcomes = await importResultFiles(many, [{ name: 'gone.json', text: () => Promise.reject(new Error('The file was moved')) }, first!, second!], options)
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['unexpected', 'ok', 'ok'])
    expect(outcomes[0]).toMatchObject({ message: expect.stringContaining('The file was moved') })
  })

  it('refuses a file far over the size limit without reading it, as reading it would', async () => {
    const read = await importResultText(many, 'big.json', ' '.repeat(5_000_001), options)
    const unread = await importResultFiles(many, [{ name: 'big.json', size: 15_000_001, text: () => Promise.reject(new Error('read')) }], options)
    expect(unread).toEqual([read])
    expect(read).toMatchObject({ ok: false, code: 'too-large' })
  })
})
