import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, main } from '../../../scripts/report.ts'
import { submitAttempt } from '../../../src/domain/attempt.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import { roundTo } from '../../../src/domain/csv.ts'
import { createResultFile, serializeResultFile, type ResultAttemptEntry } from '../../../src/domain/resultFile.ts'
import { quizStatistics, type StatisticsAttempt } from '../../../src/domain/statistics.ts'
import type { Answer, SavedResponse } from '../../../src/domain/types.ts'
import { itemsByVersion, type InstructorCourse } from '../../../src/domain/importChecks.ts'
import { honest, resultFile } from '../../fixtures/importAttacks.ts'
import { mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'

/** The fixture items as the instructor's course (the report checks every attempt against it). */
const COURSES = new Map<string, InstructorCourse>([['c1', { id: 'c1', blueprints: [mixedBlueprint], items: itemsByVersion(mixedBanks), manifest: { course: 'c1', versions: {} } }]])

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const T0 = Date.UTC(2025, 2, 1, 10)
const assessment = { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' as const }

/** Each learner answers a different share of the items right, so statistics have variance. */
const answers: Record<string, Answer> = {
  'q-single': { type: 'single', optionId: 'a' },
  'q-multiple': { type: 'multiple', optionIds: ['a', 'b'] },
  'q-tf': { type: 'truefalse', value: false },
  'q-matching': { type: 'matching', matches: { m1: 'm1', m2: 'm2', m3: 'm1', m4: 'd1' } },
  'q-ordering': { type: 'ordering', order: ['s2', 's1', 's3', 's4', 's5'] },
  'q-categorize': { type: 'categorize', assignments: { t1: 'fact', t2: 'fact' } },
  'q-cloze': { type: 'cloze', blanks: { month: 'June', year: '2023' } },
  'q-short': { type: 'short', text: '=HYPERLINK("x")' },
  'q-numeric': { type: 'numeric', text: '1,000 years' },
  'q-free': { type: 'freetext', text: 'ideological dissent, small group' },
}

function entry(learner: string, attemptId: string, right: number, startOffset: number): ResultAttemptEntry {
  const attempt = startAttempt({ blueprint: mixedBlueprint, banks: mixedBanks, learnerId: learner, courseId: 'c1', attemptId, seed: right + startOffset, now: T0 + startOffset, previousAttempts: [] })
  const responses: SavedResponse[] = attempt.slots.slice(0, right).map((slot, i) => ({
    attemptId, itemId: slot.itemId, answer: answers[slot.itemId] ?? null, flagged: i === 0, savedAt: T0 + startOffset + 1000 * (i + 1), seq: 1,
  }))
  return { attempt: submitAttempt(attempt, T0 + startOffset + 600_000, 'learner'), responses, assessment }
}

const learners = [
  { id: 'ann', name: 'Ann, "A."', entries: [entry('ann', 'ann-1', 10, 0), entry('ann', 'ann-2', 4, 86_400_000)] },
  { id: 'bob', name: 'Bob', entries: [entry('bob', 'bob-1', 6, 1000)] },
  { id: 'cy', name: '=Cy', entries: [entry('cy', 'cy-1', 2, 2000)] },
  { id: 'dee', name: 'Dee', entries: [entry('dee', 'dee-1', 8, 3000)] },
]

/** Minimal RFC 4180 reader for checking our own output. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++ } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') { row.push(cell); cell = '' } else if (ch === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++ } else cell += ch
  }
  const [header = [], ...data] = rows
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

/** Further runs with the statistics options, each into its own folder. */
const RUNS: Record<string, string[]> = {
  'with-pending': ['--include-pending'],
  'all-with-pending': ['--attempts', 'all', '--include-pending'],
  last: ['--attempts', 'last'],
  first: ['--attempts', 'first'],
}

let dir = ''
let out = ''
let exitCode = -1
const errors: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'debrief-report-'))
  out = join(dir, 'out')
  mkdirSync(join(dir, 'in', 'nested'), { recursive: true })
  for (const [i, l] of learners.entries()) {
    const file = await createResultFile({ courseId: 'c1', exportedAt: T0 + 2 * 86_400_000, learner: { id: l.id, name: l.name }, attempts: l.entries }, sha256)
    writeFileSync(join(dir, 'in', i % 2 === 0 ? '' : 'nested', `${l.id}.json`), serializeResultFile(file))
  }
  // The same file twice must not count its attempts twice.
  writeFileSync(join(dir, 'in', 'nested', 'ann-copy.json'), readFileSync(join(dir, 'in', 'ann.json')))
  writeFileSync(join(dir, 'in', 'broken.json'), '{"format": "debrief-result", "version": 1, "checksum": "sha256:00')
  exitCode = await main([join(dir, 'in'), '--out', out], { stdout: () => {}, stderr: (line) => errors.push(line) }, COURSES)
  for (const [name, flags] of Object.entries(RUNS)) await main([join(dir, 'in'), '--out', join(dir, name), ...flags], { stdout: () => {}, stderr: () => {} }, COURSES)
}, 30_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const csv = (name: string) => readCsv(readFileSync(join(out, name), 'utf8'))

describe('report command', () => {
  it('exits 1 when a file was bad', () => {
    expect(exitCode).toBe(1)
  })

  it('names the bad file and the reason on stderr', () => {
    expect(errors).toEqual([expect.stringMatching(/broken\.json: not-json: This file is not valid JSON/)])
  })

  it('writes one gradebook row per attempt, counting a duplicated file once', () => {
    expect(csv('gradebook.csv').map((r) => r['attempt id'])).toEqual(['ann-1', 'ann-2', 'bob-1', 'cy-1', 'dee-1'])
  })

  it('gradebook scores equal the engine’s', () => {
    const expected = learners.flatMap((l) => l.entries.map((e) => {
      const g = gradeAttempt(e.attempt, e.responses, [], { passMark: 0.6 })
      // passed: the engine's null (free text waiting) is written as the word "pending" (was an empty cell).
      return [e.attempt.id, String(roundTo(g.score)), String(roundTo(g.max)), String(roundTo(g.percent, 2)), g.passed === null ? 'pending' : String(g.passed), String(g.pending)]
    }))
    const actual = csv('gradebook.csv').map((r) => [r['attempt id'], r.score, r.max, r.percent, r.passed, r['pending grading']])
    expect(actual).toEqual(expected)
  })

  it.each<[string, ResultAttemptEntry, string]>([
    ['an attempt never submitted is open, not failed', { ...entry('eve', 'eve-1', 0, 0), attempt: { ...entry('eve', 'eve-1', 0, 0).attempt, submittedAt: null, submitReason: null } }, 'open'],
    ['a submitted attempt below the pass mark with nothing pending fails', entry('eve', 'eve-2', 0, 0), 'false'],
    ['without assessment settings there is nothing to judge by', { ...entry('eve', 'eve-3', 0, 0), assessment: undefined }, ''],
  ])('writes the passed column: %s', (_label, e, expected) => {
    const doc = buildReport([{ learner: { id: 'eve', name: 'Eve' }, entry: e }])['gradebook.csv'] ?? ''
    expect(readCsv(doc)[0]?.passed).toBe(expected)
  })

  it('writes a test statistics row with 0 attempts when every attempt waits for a grade', () => {
    const doc = buildReport([{ learner: { id: 'ann', name: 'Ann' }, entry: learners[0]!.entries[0]! }])['test-statistics.csv'] ?? ''
    expect(readCsv(doc).map((r) => [r.assessment, r.attempts, r['mean %']])).toEqual([['final', '0', '']])
  })

  it('numbers attempts per learner by start time and writes ISO dates', () => {
    const ann2 = csv('gradebook.csv').find((r) => r['attempt id'] === 'ann-2')
    expect([ann2?.attempt, ann2?.started]).toEqual(['2', new Date(T0 + 86_400_000).toISOString()])
  })

  it('item statistics equal the engine’s over highest attempts, pending included (highest is each learner’s first here)', () => {
    const attempts: StatisticsAttempt[] = learners.flatMap((l) => l.entries.map((e) => {
      const g = gradeAttempt(e.attempt, e.responses, [], { passMark: 0.6 })
      return { learnerId: l.id, attemptId: e.attempt.id, startedAt: e.attempt.startedAt, items: Object.fromEntries(g.perItem.map((p) => [p.itemId, { score: p.grade.score, max: p.grade.max }])) }
    }))
    const { items } = quizStatistics(attempts)
    const rows = readCsv(readFileSync(join(dir, 'with-pending', 'item-statistics.csv'), 'utf8'))
    for (const s of items) {
      const row = rows.find((r) => r.item === s.itemId)
      expect([row?.attempts, row?.['facility %'], row?.['discrimination index']]).toEqual([String(s.n), String(roundTo(s.facility)), s.discriminationIndex === null ? '' : String(roundTo(s.discriminationIndex))])
    }
  })

  // Percents (pending free text counted 0): ann-1 46.8 % pending, ann-2 28.8 %, bob-1 37.2 %, cy-1 15.4 %, dee-1 39.1 % pending.
  it.each<[string, string, string, string]>([
    ['default: the final’s method (highest) picks ann-1, bob-1, cy-1, dee-1; pending ann-1 and dee-1 are left out', 'out', '2', 'highest,false'],
    ['--include-pending: the four highest attempts', 'with-pending', '4', 'highest,true'],
    ['--attempts all --include-pending: every submitted attempt', 'all-with-pending', '5', 'all,true'],
    ['--attempts last: ann-2, bob-1, cy-1; dee’s only attempt is pending', 'last', '3', 'last,false'],
    ['--attempts first: bob-1, cy-1; ann’s first and dee’s only attempt are pending', 'first', '2', 'first,false'],
  ])('test statistics count the chosen attempts: %s', (_label, folder, count, counted) => {
    const row = readCsv(readFileSync(join(dir, folder, 'test-statistics.csv'), 'utf8'))[0]
    expect([row?.attempts, `${row?.['attempts counted']},${row?.['pending included']}`]).toEqual([count, counted])
  })

  it('writes one response row per slot', () => {
    expect(csv('responses.csv')).toHaveLength(5 * 10)
  })

  it('neutralises a formula typed by a learner', () => {
    const row = csv('responses.csv').find((r) => r['attempt id'] === 'ann-1' && r.item === 'q-short')
    expect(row?.answer).toBe('\'=HYPERLINK("x")')
  })

  it('neutralises a formula in a learner name and keeps quotes and commas', () => {
    expect(csv('gradebook.csv').map((r) => r.learner)).toEqual(['Ann, "A."', 'Ann, "A."', 'Bob', "'=Cy", 'Dee'])
  })

  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    const text = readFileSync(join(out, 'gradebook.csv'), 'utf8')
    expect([text.startsWith('\uFEFF'), text.split('\r\n').length - 1]).toEqual([true, 6])
  })
})

describe('report command line', () => {
  const run = promisify(execFile)
  const tsx = (args: string[]) => run('npx', ['tsx', 'scripts/report.ts', ...args], { cwd: process.cwd() }).then(() => 0, (e: { code: number; stderr: string }) => e.code)

  it('exits 2 with a usage message when --out is missing', async () => {
    const errorsSeen: string[] = []
    expect(await main(['x.json'], { stdout: () => {}, stderr: (l) => errorsSeen.push(l) })).toBe(2)
    expect(errorsSeen[0]).toMatch(/^Usage:/)
  })

  it.each([
    ['an unknown --attempts value', ['x.json', '--out', 'o', '--attempts', 'best']],
    ['--attempts without a value', ['x.json', '--out', 'o', '--attempts']],
  ])('exits 2 with a usage message on %s', async (_label, argv) => {
    const errorsSeen: string[] = []
    expect(await main(argv, { stdout: () => {}, stderr: (l) => errorsSeen.push(l) })).toBe(2)
    expect(errorsSeen.join('\n')).toMatch(/Usage:/)
  })

  it('exits 0 for good files when run through tsx (checked against the repository\'s course)', async () => {
    const good = join(dir, 'good')
    mkdirSync(good, { recursive: true })
    writeFileSync(join(good, 'lea.json'), serializeResultFile(await resultFile('lea', [honest({ id: 'lea-1' })])))
    expect(await tsx([good, '--out', join(dir, 'out2')])).toBe(0)
  }, 60_000)

  it('exits 2 on a usage error when run through tsx', async () => {
    expect(await tsx(['--out'])).toBe(2)
  }, 60_000)
})
