/** A batch import reports every file, in order, whatever one of them does (issue 12 §4). */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { importResultFiles, webSha256 } from '../../../src/db/importResults.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { makeAttempt, respond, RIGHT_SINGLE, single, T0 } from './fixtures.ts'

const NOW = T0 + 86_400_000
type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- hand edits of parsed JSON

async function fileText(learner: { id: string; name: string }, attemptId: string, edit?: (data: Data) => void): Promise<string> {
  const file = await createResultFile({
    courseId: 'c1',
    exportedAt: T0 + 3_600_000,
    learner,
    attempts: [{ attempt: makeAttempt({ id: attemptId, learnerId: learner.id }), responses: [respond(attemptId, single.id, RIGHT_SINGLE)] }],
  }, webSha256)
  if (edit === undefined) return serializeResultFile(file)
  const { checksum: _c, ...data } = JSON.parse(JSON.stringify(file)) as Data
  edit(data)
  return JSON.stringify({ ...data, checksum: `sha256:${await webSha256(canonicalJson(data))}` })
}

/** [good, deep-nested, 1e20 date, toString version, good]. */
async function hostileBatch(): Promise<{ name: string; text: string }[]> {
  const deep = (await fileText({ id: 'dan', name: 'Dan' }, 'd1')).replace('"learner": {', `"learner": {"x": ${'['.repeat(3000)}${']'.repeat(3000)},`)
  return [
    { name: 'ann.json', text: await fileText({ id: 'ann', name: 'Ann' }, 'a1') },
    { name: 'deep.json', text: deep },
    { name: 'date.json', text: await fileText({ id: 'eve', name: 'Eve' }, 'e1', (d) => { d.attempts[0].attempt.startedAt = 1e20 }) },
    { name: 'proto.json', text: await fileText({ id: 'fay', name: 'Fay' }, 'f1', (d) => { d.attempts[0].attempt.slots[0].version = 'toString' }) },
    { name: 'bob.json', text: await fileText({ id: 'bob', name: 'Bob' }, 'b1') },
  ]
}

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => db.close())

describe('a batch with hostile files', () => {
  it('imports the two good files and refuses the three others with their reasons, in order', async () => {
    const outcomes = await importResultFiles(db, await hostileBatch(), { courseId: 'c1', now: NOW })
    expect(outcomes.map((o) => [o.fileName, o.ok ? 'imported' : o.code])).toEqual([
      ['ann.json', 'imported'], ['deep.json', 'too-deep'], ['date.json', 'invalid'], ['proto.json', 'invalid'], ['bob.json', 'imported'],
    ])
    expect(outcomes.map((o) => (o.ok ? '' : (o.path ?? '')))).toEqual(['', '', 'attempts[0].attempt.startedAt', 'attempts[0].attempt.slots[0].version', ''])
    expect((await db.attempts.toArray()).map((a) => a.id).sort()).toEqual(['a1', 'b1'])
    expect((await db.learners.toArray()).map((l) => l.id).sort()).toEqual(['ann', 'bob'])
  })

  it('reports a file that throws anything as that file’s error and goes on', async () => {
    const files = await hostileBatch()
    const marker = '"name":"Eve"'
    // A checksum function that throws on one file stands for any unexpected failure inside it.
    const sha256 = async (text: string) => {
      if (text.includes(marker)) throw new RangeError('boom')
      return webSha256(text)
    }
    const outcomes = await importResultFiles(db, files, { courseId: 'c1', now: NOW, sha256 })
    expect(outcomes.map((o) => (o.ok ? 'imported' : o.code))).toEqual(['imported', 'too-deep', 'unexpected', 'invalid', 'imported'])
    expect(outcomes[2]).toMatchObject({ ok: false, message: expect.stringContaining('boom') })
  })
})
