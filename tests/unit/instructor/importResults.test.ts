import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAttempt } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { exportLearnerResults, importResultFiles, importResultText, webSha256 } from '../../../src/db/importResults.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { createResultFile, serializeResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { FREE_ANSWER, freetext, makeAttempt, manual, respond, RIGHT_SINGLE, single, T0 } from './fixtures.ts'

const NOW = T0 + 86_400_000
const options = { courseId: 'c1', now: NOW }

async function makeFile(attemptIds = ['b1', 'b2'], learner = { id: 'ben', name: 'Ben' }): Promise<ResultFile> {
  return createResultFile({
    courseId: 'c1',
    exportedAt: T0 + 3_600_000,
    learner,
    attempts: attemptIds.map((id, i) => ({
      attempt: makeAttempt({ id, learnerId: learner.id, startedAt: T0 + i, items: [single, freetext] }),
      responses: [respond(id, single.id, RIGHT_SINGLE), respond(id, freetext.id, FREE_ANSWER)],
      manualGrades: [manual(id, freetext.id, 3)],
      assessment: { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' },
    })),
  }, webSha256)
}

/** Re-sign a modified file, so only the change under test is wrong. */
async function resign(data: Record<string, unknown>): Promise<string> {
  const { checksum: _c, ...rest } = data
  return JSON.stringify({ ...rest, checksum: `sha256:${await webSha256(canonicalJson(rest))}` })
}

async function counts(db: DebriefDb) {
  return { learners: await db.learners.count(), attempts: await db.attempts.count(), responses: await db.responses.count(), manualGrades: await db.manualGrades.count() }
}

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => db.close())

describe('importing a result file', () => {
  it('adds the learner, attempts, responses and instructor grades', async () => {
    await importResultText(db, 'ben.json', serializeResultFile(await makeFile()), options)
    expect(await counts(db)).toEqual({ learners: 1, attempts: 2, responses: 4, manualGrades: 2 })
  })

  it('reports what it added', async () => {
    expect(await importResultText(db, 'ben.json', serializeResultFile(await makeFile()), options)).toEqual({
      fileName: 'ben.json', ok: true, learner: { id: 'ben', name: 'Ben' }, newLearner: true, added: 2, alreadyImported: 0,
    })
  })

  it('marks a learner from another device as imported', async () => {
    await importResultText(db, 'ben.json', serializeResultFile(await makeFile()), options)
    expect((await db.learners.get('ben'))?.origin).toBe('imported')
  })

  it('keeps a learner whose profile is on this device local', async () => {
    await createLearner(db, { id: 'ben', name: 'Ben here', createdAt: 1 })
    await importResultText(db, 'ben.json', serializeResultFile(await makeFile()), options)
    expect(await db.learners.get('ben')).toMatchObject({ name: 'Ben here', origin: 'local' })
  })

  it('adds nothing the second time the same file is imported', async () => {
    const text = serializeResultFile(await makeFile())
    await importResultText(db, 'ben.json', text, options)
    const before = await counts(db)
    const second = await importResultText(db, 'ben.json', text, options)
    expect([second, await counts(db)]).toEqual([{ fileName: 'ben.json', ok: true, learner: { id: 'ben', name: 'Ben' }, newLearner: false, added: 0, alreadyImported: 2 }, before])
  })

  it('adds only the attempts it has not seen from a later export', async () => {
    await importResultText(db, 'old.json', serializeResultFile(await makeFile(['b1'])), options)
    const outcome = await importResultText(db, 'new.json', serializeResultFile(await makeFile(['b1', 'b2'])), options)
    expect(outcome).toMatchObject({ added: 1, alreadyImported: 1 })
  })

  it('imports many files, each on its own', async () => {
    const outcomes = await importResultFiles(db, [
      { name: 'ben.json', text: serializeResultFile(await makeFile()) },
      { name: 'bad.json', text: '{' },
      { name: 'cy.json', text: serializeResultFile(await makeFile(['c1'], { id: 'cy', name: 'Cy' })) },
    ], options)
    expect(outcomes.map((o) => [o.fileName, o.ok])).toEqual([['ben.json', true], ['bad.json', false], ['cy.json', true]])
  })
})

describe('refusing a bad file', () => {
  const cases: [string, () => Promise<string>, string, string | undefined][] = [
    ['not JSON', async () => '{"format": "debrief-result",', 'not-json', undefined],
    ['another format', async () => JSON.stringify({ format: 'moodle-backup' }), 'wrong-format', 'format'],
    ['a newer version', async () => resign({ ...(await makeFile()), version: 99 }), 'future-version', 'version'],
    ['an altered file', async () => JSON.stringify({ ...(await makeFile()), learner: { id: 'ben', name: 'Someone else' } }), 'bad-checksum', 'checksum'],
    ['another course', async () => serializeResultFile(await createResultFile({ courseId: 'other', exportedAt: T0, learner: { id: 'ben', name: 'Ben' }, attempts: [] }, webSha256)), 'wrong-course', 'courseId'],
    ['a damaged attempt', async () => {
      const file = await makeFile()
      return resign({ ...file, attempts: [{ ...file.attempts[0]!, responses: [{ ...file.attempts[0]!.responses[0]!, seq: 'one' }] }] })
    }, 'invalid', 'attempts[0].responses[0].seq'],
  ]

  it.each(cases)('refuses %s with its reason', async (_name, text, code, path) => {
    const outcome = await importResultText(db, 'x.json', await text(), options)
    expect(outcome).toMatchObject({ fileName: 'x.json', ok: false, code, ...(path === undefined ? {} : { path }) })
  })

  it.each(cases)('changes nothing for %s', async (_name, text) => {
    await importResultText(db, 'x.json', await text(), options)
    expect(await counts(db)).toEqual({ learners: 0, attempts: 0, responses: 0, manualGrades: 0 })
  })

  it('changes nothing when a write fails half-way through a file', async () => {
    db.manualGrades.hook('creating', () => {
      throw new Error('disk gave up')
    })
    const outcome = await importResultText(db, 'ben.json', serializeResultFile(await makeFile()), options)
    expect([outcome.ok, await counts(db)]).toEqual([false, { learners: 0, attempts: 0, responses: 0, manualGrades: 0 }])
  })

  it('says nothing was saved when a write fails', async () => {
    db.manualGrades.hook('creating', () => {
      throw new Error('disk gave up')
    })
    const outcome = await importResultText(db, 'ben.json', serializeResultFile(await makeFile()), options)
    expect(outcome).toMatchObject({ ok: false, code: 'storage', message: expect.stringMatching(/^Nothing from this file was saved\./) })
  })
})

describe('exporting a learner’s results', () => {
  async function seed() {
    await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
    await addAttempt(db, makeAttempt({ id: 'done', courseId: 'c1', items: [single] }))
    await addAttempt(db, makeAttempt({ id: 'open', courseId: 'c1', submitted: false }))
    await addAttempt(db, makeAttempt({ id: 'elsewhere', courseId: 'c2' }))
    await db.responses.put(respond('done', single.id, RIGHT_SINGLE))
    await db.manualGrades.put(manual('done', single.id, 1))
  }
  const assessments = new Map([['final', { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' as const }]])

  it('exports the submitted attempts of the course only', async () => {
    await seed()
    const file = await exportLearnerResults(db, { learnerId: 'ana', courseId: 'c1', now: NOW, assessments })
    expect(file.attempts.map((a) => a.attempt.id)).toEqual(['done'])
  })

  it('round-trips: what one device exports another imports', async () => {
    await seed()
    const file = await exportLearnerResults(db, { learnerId: 'ana', courseId: 'c1', now: NOW, assessments })
    const other = new DebriefDb(uniqueName())
    await other.open()
    await importResultText(other, 'ana.json', serializeResultFile(file), { courseId: 'c1', now: NOW })
    expect([await other.attempts.get('done'), await other.responses.toArray(), await other.manualGrades.toArray()]).toEqual([
      await db.attempts.get('done'), [respond('done', single.id, RIGHT_SINGLE)], [manual('done', single.id, 1)],
    ])
    other.close()
  })
})
