/**
 * The app's import (fake-indexeddb) and `npm run report` read the same result files — every
 * attack of issue 12 and the honest ones — and must give the same flags for each attempt.
 */
import 'fake-indexeddb/auto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../scripts/report.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { importResultFiles } from '../../../src/db/importResults.ts'
import { serializeResultFile } from '../../../src/domain/resultFile.ts'
import { attackRows, COURSE, INSTRUCTOR, resultFile, T0 } from '../../fixtures/importAttacks.ts'
import { readCsv } from '../../fixtures/readCsv.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

const rows = attackRows()
const files: { name: string; text: string }[] = []
const app = new Map<string, string[]>()
const report = new Map<string, string[]>()
let dir = ''

const codes = (list: readonly { code: string }[]) => [...new Set(list.map((f) => f.code))].sort()

beforeAll(async () => {
  for (const [i, row] of rows.entries()) {
    const learner = `learner-${String(i).padStart(2, '0')}`
    files.push({ name: `${learner}.json`, text: serializeResultFile(await resultFile(learner, row.attempts, row.allowance)) })
  }
  const db = new DebriefDb(uniqueName())
  await db.open()
  const outcomes = await importResultFiles(db, files, { courseId: COURSE.id, now: T0 + 11 * 86_400_000, course: INSTRUCTOR })
  // A file whose reading refuses it is refused by the app too, as `invalid` at the same field.
  expect(outcomes.map((o) => (o.ok ? 'ok' : `${o.code} ${o.path ?? ''}`))).toEqual(rows.map((r) => (r.refusedOnRead === undefined ? 'ok' : `invalid ${r.refusedOnRead}`)))
  for (const record of await db.importFlags.toArray()) app.set(record.attemptId, codes(record.flags))
  db.close()

  dir = mkdtempSync(join(tmpdir(), 'debrief-parity-'))
  mkdirSync(join(dir, 'in'))
  for (const f of files) writeFileSync(join(dir, 'in', f.name), f.text)
  expect(await main([join(dir, 'in'), '--out', join(dir, 'out')], { stdout: () => {}, stderr: () => {} })).toBe(rows.some((r) => r.refusedOnRead !== undefined) ? 1 : 0)
  for (const r of readCsv(readFileSync(join(dir, 'out', 'gradebook.csv'), 'utf8'))) {
    const cell = r.flags ?? ''
    report.set(r['attempt id']!, cell === '' ? [] : [...new Set(cell.split(' | ').map((f) => f.split(':')[0]!))].sort())
  }
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the app\'s import and the report command flag alike', () => {
  it('check the same attempts', () => {
    expect([...app.keys()].sort()).toEqual([...report.keys()].sort())
  })

  it.each(rows.filter((r) => r.refusedOnRead === undefined).map((r) => [r.name, r] as const))('%s', (_name, row) => {
    for (const [id, expected] of Object.entries(row.expected)) expect({ id, app: app.get(id), report: report.get(id) }).toEqual({ id, app: expected, report: expected })
  })
})
