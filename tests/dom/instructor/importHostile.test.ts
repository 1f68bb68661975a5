/** The import page reports every file of a batch, in order, whatever one of them does (issue 12 §4). */
import { describe, expect, it, vi } from 'vitest'
import { webSha256 } from '../../../src/db/importResults.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { createResultFile } from '../../../src/domain/resultFile.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/import'
type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- hand edits of parsed JSON

async function resultText(learner: string, edit: (d: Data) => void = () => {}): Promise<string> {
  const item = (await fixtureItems()).get('f-q01')!
  const id = `${learner}-1`
  const file = await createResultFile({
    courseId: 'river-brief',
    exportedAt: T0,
    learner: { id: learner, name: learner.toUpperCase() },
    attempts: [{
      attempt: {
        id, courseId: 'river-brief', learnerId: learner, mode: 'assessment', sourceId: 'final', seed: 1, startedAt: T0 - 1e6, deadline: null,
        submittedAt: T0 - 1e5, submitReason: 'learner', slots: [{ itemId: item.id, version: item.version }], snapshots: { [item.version]: item },
      },
      responses: [{ attemptId: id, itemId: item.id, answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: T0 - 5e5, seq: 1 }],
    }],
  }, webSha256)
  const { checksum: _c, ...data } = JSON.parse(JSON.stringify(file)) as Data
  edit(data)
  return JSON.stringify({ ...data, checksum: `sha256:${await webSha256(canonicalJson(data))}` })
}

describe('a batch with hostile files', () => {
  it('imports the good files and names each refused one with its reason, in order', async () => {
    const { wrapper, db } = await mountInstructor(PATH, undefined, '#import-files')
    const deep = (await resultText('dan')).replace('"learner":{', `"learner":{"x":${'['.repeat(3000)}${']'.repeat(3000)},`)
    const texts: [string, string][] = [
      ['1-ann.json', await resultText('ann')],
      ['2-deep.json', deep],
      ['3-date.json', await resultText('eve', (d) => { d.attempts[0].attempt.startedAt = 1e20 })],
      ['4-version.json', await resultText('fay', (d) => { d.attempts[0].attempt.slots[0].version = 'toString' })],
      ['5-bob.json', await resultText('bob')],
    ]
    const input = wrapper.find('#import-files')
    Object.defineProperty(input.element, 'files', { value: texts.map(([name, text]) => new File([text], name, { type: 'application/json' })), configurable: true })
    await input.trigger('change')

    await vi.waitFor(() => expect(wrapper.findAll('[data-file]')).toHaveLength(5))
    const lines = wrapper.findAll('[data-file]').map((li) => li.text().replace(/\s+/g, ' '))
    expect(lines.map((l) => l.split(':')[0])).toEqual(texts.map(([name]) => name))
    expect(lines[0]).toContain('added 1 attempt for ANN')
    expect(lines[1]).toContain('nested too deeply to be a result file')
    expect(lines[2]).toContain('not a time between 2000-01-01 and 2100-01-01 UTC')
    expect(lines[3]).toContain('names no snapshot')
    expect(lines[4]).toContain('added 1 attempt for BOB')
    expect((await db.attempts.toArray()).map((a) => a.id).sort()).toEqual(['ann-1', 'bob-1'])
  })
})
