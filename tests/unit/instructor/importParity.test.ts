/**
 * The app's import (fake-indexeddb) and `npm run report` read the same result files — every
 * attack of issue 12 and the honest ones — and must give the same flags for each attempt.
 * Device keys: five files of one learner, read in one run by both (the report pins within a run,
 * the app in its database): the first signed pins, the same key is fine, another key and an
 * unsigned file are flagged, and an edited file that kept its signature is refused by both.
 */
import 'fake-indexeddb/auto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../scripts/report.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { importResultFiles } from '../../../src/db/importResults.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { serializeResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'
import { attackRows, COURSE, deviceKeyPair, honest, INSTRUCTOR, resultFile, sha256, signedResultFile, T0 } from '../../fixtures/importAttacks.ts'
import { readCsv } from '../../fixtures/readCsv.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

const rows = attackRows()
const files: { name: string; text: string }[] = []
/** The device-key files, in reading order (the report sorts by name), and what each attempt is flagged. */
const KEY_EXPECTED: Record<string, string[]> = { 'key-first': [], 'key-same': [], 'key-other': ['key-changed'], 'key-unsigned': ['unsigned-after-signed'] }
const keyOutcomes: string[] = []
let reportErrors: string[] = []
let reportLines: string[] = []
let fingerprints: string[] = []

async function keyFiles(): Promise<{ name: string; text: string }[]> {
  const [device, attacker] = [await deviceKeyPair(), await deviceKeyPair()]
  fingerprints = [device.fingerprint, attacker.fingerprint]
  const quiz = (id: string, hour: number) => [honest({ id, startedAt: T0 + hour * 3_600_000 })]
  const { signature: _s, checksum: _c, ...unsigned } = await signedResultFile('keyed', quiz('key-unsigned', 3), device)
  const edited = JSON.parse(serializeResultFile(await signedResultFile('keyed', quiz('key-edited', 4), device))) as ResultFile & Record<string, unknown>
  edited.attempts[0]!.responses = []
  const { checksum: _e, ...editedBody } = edited
  const { signature: _k, ...covered } = editedBody
  return [
    { name: 'keyed-1.json', text: serializeResultFile(await signedResultFile('keyed', quiz('key-first', 0), device)) },
    { name: 'keyed-2.json', text: serializeResultFile(await signedResultFile('keyed', quiz('key-same', 1), device)) },
    { name: 'keyed-3.json', text: serializeResultFile(await signedResultFile('keyed', quiz('key-other', 2), attacker)) },
    { name: 'keyed-4.json', text: JSON.stringify({ ...unsigned, checksum: `sha256:${await sha256(canonicalJson(unsigned))}` }) },
    { name: 'keyed-5.json', text: JSON.stringify({ ...editedBody, checksum: `sha256:${await sha256(canonicalJson(covered))}` }) },
  ]
}
const app = new Map<string, string[]>()
const report = new Map<string, string[]>()
let dir = ''

const codes = (list: readonly { code: string }[]) => [...new Set(list.map((f) => f.code))].sort()

beforeAll(async () => {
  for (const [i, row] of rows.entries()) {
    const learner = `learner-${String(i).padStart(2, '0')}`
    files.push({ name: `${learner}.json`, text: serializeResultFile(await resultFile(learner, row.attempts, row.allowance)) })
  }
  const keyed = await keyFiles()
  const db = new DebriefDb(uniqueName())
  await db.open()
  const outcomes = await importResultFiles(db, [...keyed, ...files], { courseId: COURSE.id, now: T0 + 11 * 86_400_000, course: INSTRUCTOR })
  keyOutcomes.push(...outcomes.slice(0, keyed.length).map((o) => (o.ok ? 'ok' : o.code)))
  // A file whose reading refuses it is refused by the app too, as `invalid` at the same field.
  expect(outcomes.slice(keyed.length).map((o) => (o.ok ? 'ok' : `${o.code} ${o.path ?? ''}`))).toEqual(rows.map((r) => (r.refusedOnRead === undefined ? 'ok' : `invalid ${r.refusedOnRead}`)))
  files.push(...keyed)
  for (const record of await db.importFlags.toArray()) app.set(record.attemptId, codes(record.flags))
  db.close()

  dir = mkdtempSync(join(tmpdir(), 'debrief-parity-'))
  mkdirSync(join(dir, 'in'))
  for (const f of files) writeFileSync(join(dir, 'in', f.name), f.text)
  const errors: string[] = []
  const lines: string[] = []
  expect(await main([join(dir, 'in'), '--out', join(dir, 'out')], { stdout: (line) => lines.push(line), stderr: (line) => errors.push(line) })).toBe(1)
  reportErrors = errors
  reportLines = lines
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

  it.each(Object.entries(KEY_EXPECTED))('device keys: %s', (id, expected) => {
    expect({ id, app: app.get(id), report: report.get(id) }).toEqual({ id, app: expected, report: expected })
  })

  it('device keys: the report prints which key signed each file', () => {
    const label = (f: string) => `key ${f.match(/.{4}/g)!.join(' ')}`
    const line = (n: number) => reportLines.find((l) => l.includes(`keyed-${n}.json`)) ?? ''
    expect([1, 2, 3, 4].map((n) => line(n).split(';')[0]!.replace(/^.*keyed-\d\.json: /, ''))).toEqual([
      `signed with ${label(fingerprints[0]!)}`, `signed with ${label(fingerprints[0]!)}`, `signed with ${label(fingerprints[1]!)}`, 'not signed',
    ])
  })

  it('device keys: a file edited after it was signed is refused by both', () => {
    expect(keyOutcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'bad-signature'])
    expect(reportErrors.filter((line) => line.includes('keyed-'))).toEqual([expect.stringMatching(/keyed-5\.json: bad-signature: The file's signature does not match its content/)])
    expect([app.has('key-edited'), report.has('key-edited')]).toEqual([false, false])
  })

  it.each(rows.filter((r) => r.refusedOnRead === undefined).map((r) => [r.name, r] as const))('%s', (_name, row) => {
    for (const [id, expected] of Object.entries(row.expected)) expect({ id, app: app.get(id), report: report.get(id) }).toEqual({ id, app: expected, report: expected })
  })
})
