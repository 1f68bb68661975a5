/** `npm run report` grades a sealed final: the learner's file holds stubs, the YAML the full items. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../scripts/report.ts'
import { serializeResultFile } from '../../../src/domain/resultFile.ts'
import { isStub } from '../../../src/domain/sealed.ts'
import type { ResultAttemptEntry } from '../../../src/domain/resultFile.ts'
import { honest, INSTRUCTOR, resultFile } from '../../fixtures/importAttacks.ts'
import { readCsv } from '../../fixtures/readCsv.ts'
import { rightAnswerToStub } from '../../fixtures/sealedAnswers.ts'

let dir = ''
const lines: string[] = []
let entry: ResultAttemptEntry

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'debrief-report-sealed-'))
  const sat = honest({ id: 'sealed-final', blueprintId: 'final' })
  // Right answers to every slot but the first, which stays wrong: 24 of 25 points.
  const responses = sat.responses.map((r, i) => (i === 0 ? r : { ...r, answer: rightAnswerToStub(INSTRUCTOR.items.get(sat.attempt.slots[i]!.version)!) }))
  entry = { ...sat, responses }
  writeFileSync(join(dir, 'ana.json'), serializeResultFile(await resultFile('ana', [entry])))
  expect(await main([join(dir, 'ana.json'), '--out', join(dir, 'out')], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) })).toBe(0)
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('report command: a sealed final', () => {
  it('the file carries stubs only', () => {
    expect(entry.attempt.slots.every((s) => isStub(entry.attempt.snapshots[s.version]))).toBe(true)
    expect(entry.attempt.slots).toHaveLength(25)
  })

  it('grades it from the course\'s full items, unflagged', () => {
    const row = readCsv(readFileSync(join(dir, 'out', 'gradebook.csv'), 'utf8')).find((r) => r['attempt id'] === 'sealed-final')!
    expect(row).toMatchObject({ flags: '', score: '24', max: '25', percent: '96', passed: 'true' })
    expect(lines[0]).toMatch(/ana\.json: not signed; 1 attempt\(s\), 0 flagged/)
  })
})
