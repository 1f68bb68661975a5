/** `npm run report` checks every attempt against the repository's course (issue 12 §1–2). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../scripts/report.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { serializeResultFile } from '../../../src/domain/resultFile.ts'
import { attackRows, resultFile } from '../../fixtures/importAttacks.ts'
import { readCsv } from '../../fixtures/readCsv.ts'

const rows = attackRows()
let dir = ''
const stdout: string[] = []
const stderr: string[] = []
let exit = -1

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'debrief-report-flags-'))
  mkdirSync(join(dir, 'in'))
  for (const [i, row] of rows.entries()) {
    const learner = `learner-${String(i).padStart(2, '0')}`
    writeFileSync(join(dir, 'in', `${learner}.json`), serializeResultFile(await resultFile(learner, row.attempts, row.allowance)))
  }
  exit = await main([join(dir, 'in'), '--out', join(dir, 'out')], { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) })
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const gradebook = () => readCsv(readFileSync(join(dir, 'out', 'gradebook.csv'), 'utf8'))
const row = (id: string) => gradebook().find((r) => r['attempt id'] === id)!

describe('report command: the course check', () => {
  it('reads every file it can, and names each file its reading refuses (exit 1)', () => {
    const refused = rows.flatMap((r, i) => (r.refusedOnRead !== undefined ? [{ i, at: r.refusedOnRead }] : []))
    expect(exit).toBe(refused.length > 0 ? 1 : 0)
    expect(stderr).toHaveLength(refused.length)
    for (const { i, at } of refused) expect(stderr.find((l) => l.includes(`learner-${String(i).padStart(2, '0')}.json: invalid:`))).toContain(at)
  })

  it.each(rows.filter((r) => r.refusedOnRead === undefined).map((r) => [r.name, r] as const))('gives the flags of the domain check: %s', (_name, r) => {
    for (const [id, codes] of Object.entries(r.expected)) {
      const flags = row(id).flags ?? ''
      expect(flags === '' ? [] : [...new Set(flags.split(' | ').map((f) => f.split(':')[0]))].sort(), r.reason).toEqual(codes)
      expect(row(id).passed === 'flagged', id).toBe(codes.length > 0)
    }
  })

  it('does not pass the forged-key file: the file\'s own keys would give 100 %, the course\'s copy gives the real score', () => {
    const forged = rows.find((r) => r.name === 'forged keys')!.attempts[0]!
    expect(gradeAttempt(forged.attempt, forged.responses, [], { passMark: 0.7 })).toMatchObject({ percent: 100, passed: true })
    expect([row('forged-keys').passed, row('forged-keys').percent]).toEqual(['flagged', '0'])
  })

  it('ignores the file\'s pass mark of 0: flagged, and not passed', () => {
    expect(row('passmark-0')).toMatchObject({ passed: 'flagged', percent: '0' })
    expect(row('passmark-0').flags).toContain('pass mark 0 % (the course: 70 %)')
  })

  it('leaves an honest file as it was: no flags, the same grade as from its own snapshots', () => {
    const honest = rows.find((r) => r.name === 'honest quiz')!.attempts[0]!
    const own = gradeAttempt(honest.attempt, honest.responses, [], { passMark: 0.7 })
    expect(row('quiz-honest')).toMatchObject({ flags: '', passed: String(own.passed), max: String(own.max), percent: String(own.percent) })
  })

  it('prints one line per file with its flags', () => {
    expect(stdout.find((l) => l.includes('learner-04.json'))).toMatch(/1 attempt\(s\), 1 flagged \(forged-keys: snapshot-mismatch\)$/)
    expect(stdout.find((l) => l.includes('learner-00.json'))).toMatch(/1 attempt\(s\), 0 flagged$/)
  })

  it('leaves flagged attempts out of the statistics', () => {
    const tests = readCsv(readFileSync(join(dir, 'out', 'test-statistics.csv'), 'utf8'))
    const quiz = tests.find((t) => t.assessment === 'quiz-l1')
    // quiz-l1: the honest quiz and the retired-version attempt are the only unflagged ones.
    expect(quiz?.attempts).toBe('2')
  })
})

describe('report command: which course', () => {
  it('checks against the course --lessons and --questions name, and refuses a file for another course', async () => {
    const errors: string[] = []
    const out = join(dir, 'other-course')
    const code = await main([join(dir, 'in', 'learner-00.json'), '--out', out, '--lessons', 'tests/fixtures/course/lessons', '--questions', 'tests/fixtures/course/questions'], { stdout: () => {}, stderr: (l) => errors.push(l) })
    expect([code, errors[0]]).toEqual([1, expect.stringMatching(/learner-00\.json: wrong-course: this file is for the course "nk-troops-ukraine", which is not in --lessons\/--questions/)])
  })

  it('exits 2 when the course folders cannot be read', async () => {
    const errors: string[] = []
    expect(await main([join(dir, 'in')], { stdout: () => {}, stderr: (l) => errors.push(l) })).toBe(2)
    expect(await main([join(dir, 'in'), '--out', join(dir, 'x'), '--lessons', join(dir, 'nowhere')], { stdout: () => {}, stderr: (l) => errors.push(l) })).toBe(2)
    expect(errors.at(-1)).toMatch(/has 1 problem\(s\)/)
  })
})

describe('report command: grades from the learner\'s device', () => {
  it('does not count them, and says so on the file\'s line', async () => {
    const entry = attackRows()[0]!.attempts[0]!
    const slot = entry.attempt.slots[0]!
    const forged = { ...entry, attempt: { ...entry.attempt, id: 'with-grades' }, responses: entry.responses.map((r) => ({ ...r, attemptId: 'with-grades' })),
      manualGrades: [{ attemptId: 'with-grades', itemId: slot.itemId, criteria: {}, score: 1000, comment: 'Full marks', gradedAt: entry.attempt.submittedAt! }] }
    const here = mkdtempSync(join(tmpdir(), 'debrief-report-grades-'))
    writeFileSync(join(here, 'g.json'), serializeResultFile(await resultFile('gia', [forged])))
    const lines: string[] = []
    expect(await main([join(here, 'g.json'), '--out', join(here, 'out')], { stdout: (l) => lines.push(l), stderr: () => {} })).toBe(0)
    expect(lines[0]).toMatch(/g\.json: not signed; 1 attempt\(s\), 0 flagged; 1 grade\(s\) from the learner's device not counted$/)
    const got = readCsv(readFileSync(join(here, 'out', 'gradebook.csv'), 'utf8'))[0]!
    expect([got.score, got.passed]).toEqual(['0', 'false'])
    rmSync(here, { recursive: true, force: true })
  })
})

