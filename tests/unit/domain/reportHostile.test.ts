/** The report command reports every file, in order, whatever one of them does (issue 12 §4). */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../scripts/report.ts'
import { itemsByVersion, type InstructorCourse } from '../../../src/domain/importChecks.ts'
import { mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'
import { asData, genuineFile, resign } from './hostileFiles.ts'

/** The instructor's course the files are for (the fixture items of `genuineFile`). */
const COURSES = new Map<string, InstructorCourse>([['c1', { id: 'c1', blueprints: [mixedBlueprint], items: itemsByVersion(mixedBanks), manifest: { course: 'c1', versions: {} } }]])

type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- hand edits of parsed JSON

async function edited(learner: { id: string; name: string }, attemptId: string, edit: (d: Data) => void): Promise<string> {
  const data = asData(await genuineFile(learner, attemptId)) as Data
  edit(data)
  return resign(data)
}

describe('npm run report with a batch of hostile files', () => {
  it('writes its CSVs for the two good files and names the three others, in order, with their reasons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debrief-hostile-'))
    const inbox = join(dir, 'in')
    mkdirSync(inbox)
    const deep = JSON.stringify(await genuineFile({ id: 'dan', name: 'Dan' }, 'd1')).replace('"learner":{', `"learner":{"x":${'['.repeat(3000)}${']'.repeat(3000)},`)
    const files: [string, string][] = [
      ['1-good.json', JSON.stringify(await genuineFile({ id: 'ann', name: 'Ann' }, 'a1'))],
      ['2-deep.json', deep],
      ['3-date.json', await edited({ id: 'eve', name: 'Eve' }, 'e1', (d) => { d.attempts[0].attempt.startedAt = 1e20 })],
      ['4-version.json', await edited({ id: 'fay', name: 'Fay' }, 'f1', (d) => { d.attempts[0].attempt.slots[0].version = 'toString' })],
      ['5-good.json', JSON.stringify(await genuineFile({ id: 'bob', name: 'Bob' }, 'b1'))],
    ]
    for (const [name, text] of files) writeFileSync(join(inbox, name), text)
    const stderr: string[] = []
    const out = join(dir, 'out')
    const code = await main([inbox, '--out', out], { stdout: () => {}, stderr: (line) => stderr.push(line) }, COURSES)

    expect(code).toBe(1)
    expect(stderr.map((line) => line.slice(inbox.length + 1).split(': ').slice(0, 2).join(': '))).toEqual([
      '2-deep.json: too-deep', '3-date.json: invalid', '4-version.json: invalid',
    ])
    expect(stderr[0]).toContain('nested too deeply')
    expect(stderr[1]).toContain('(at attempts[0].attempt.startedAt)')
    expect(stderr[2]).toContain('names no snapshot')
    const gradebook = readFileSync(join(out, 'gradebook.csv'), 'utf8').split('\r\n').filter((l) => l !== '')
    expect(gradebook.slice(1).map((l) => l.split(',')[0])).toEqual(['ann', 'bob'])
  })
})
