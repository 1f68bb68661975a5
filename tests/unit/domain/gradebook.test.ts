import { describe, expect, it } from 'vitest'
import { gradebookCsv, gradebookRows, gradebookTable, type GradebookInput, type GradebookRow } from '../../../src/domain/gradebook.ts'
import { filterRows, pageRows, sortRows } from '../../../src/domain/gradebookView.ts'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import type { Attempt, GradingMethod, ManualGrade, SavedResponse } from '../../../src/domain/types.ts'
import {
  byAttempt, FREE_ANSWER, freetext, makeAttempt, manual, respond, RIGHT_SINGLE, RIGHT_TF, single, T0, truefalse, WRONG_SINGLE, WRONG_TF,
} from '../instructor/fixtures.ts'

const final = (gradingMethod: GradingMethod = 'highest', passMark = 0.6): AssessmentInfo => ({ id: 'final', title: 'Final', passMark, gradingMethod })
const ana = { id: 'ana', name: 'Ana', origin: 'local' as const }
const ben = { id: 'ben', name: 'Ben', origin: 'imported' as const }

function input(attempts: Attempt[], responses: SavedResponse[], options: { assessments?: AssessmentInfo[]; manualGrades?: ManualGrade[] } = {}): GradebookInput {
  return {
    learners: [ana, ben],
    assessments: options.assessments ?? [final()],
    attempts,
    responses: byAttempt(responses),
    manualGrades: byAttempt(options.manualGrades ?? []),
  }
}

/** Ana: 50 % first, 100 % second, 0 % third. */
const threeAttempts = {
  attempts: [makeAttempt({ id: 'a1', startedAt: T0 }), makeAttempt({ id: 'a2', startedAt: T0 + 1e6 }), makeAttempt({ id: 'a3', startedAt: T0 + 2e6 })],
  responses: [
    respond('a1', single.id, RIGHT_SINGLE), respond('a1', truefalse.id, WRONG_TF),
    respond('a2', single.id, RIGHT_SINGLE, T0 + 1e6 + 1), respond('a2', truefalse.id, RIGHT_TF, T0 + 1e6 + 1),
    respond('a3', single.id, WRONG_SINGLE, T0 + 2e6 + 1), respond('a3', truefalse.id, WRONG_TF, T0 + 2e6 + 1),
  ],
}

const rowOf = (rows: GradebookRow[], id: string) => rows.find((r) => r.learnerId === id)!

describe('gradebook rows', () => {
  it.each([
    ['highest', 100],
    ['first', 50],
    ['last', 0],
    ['average', 50],
  ] as const)('grades by the %s attempt', (method, expected) => {
    const { rows } = gradebookRows(input(threeAttempts.attempts, threeAttempts.responses, { assessments: [final(method)] }))
    expect(rowOf(rows, 'ana').cells.final?.grade).toBe(expected)
  })

  it.each([
    ['highest', 100],
    ['first', 100],
    ['last', 0],
    ['average', 200 / 3],
  ] as const)('gives per-objective percents from the attempts the %s method picks', (method, o1) => {
    const { rows } = gradebookRows(input(threeAttempts.attempts, threeAttempts.responses, { assessments: [final(method)] }))
    expect(rowOf(rows, 'ana').objectives.o1).toBeCloseTo(o1, 6)
  })

  it('lists the objectives seen in graded attempts', () => {
    expect(gradebookRows(input(threeAttempts.attempts, threeAttempts.responses)).objectives).toEqual(['o1', 'o2'])
  })

  it('counts submitted attempts and open ones apart', () => {
    const attempts = [...threeAttempts.attempts, makeAttempt({ id: 'a4', startedAt: T0 + 3e6, submitted: false })]
    const cell = rowOf(gradebookRows(input(attempts, threeAttempts.responses)).rows, 'ana').cells.final
    expect([cell?.attempts, cell?.open]).toEqual([3, 1])
  })

  it('takes the last activity from the newest answer', () => {
    const { rows } = gradebookRows(input(threeAttempts.attempts, [...threeAttempts.responses, respond('a3', single.id, RIGHT_SINGLE, T0 + 5e6, 2)]))
    expect(rowOf(rows, 'ana').lastActivity).toBe(T0 + 5e6)
  })

  it('ignores practice and attempts at unknown assessments', () => {
    const attempts = [makeAttempt({ id: 'p1', mode: 'practice', sourceId: 'l1' }), makeAttempt({ id: 'x1', sourceId: 'gone' })]
    expect(rowOf(gradebookRows(input(attempts, [])).rows, 'ana').cells.final?.attempts).toBe(0)
  })

  it('lists learners without attempts with empty cells', () => {
    const cell = rowOf(gradebookRows(input([], [])).rows, 'ben').cells.final
    expect(cell).toEqual({ grade: null, attempts: 0, open: 0, lastActivity: null, passed: null, result: 'not-attempted', pending: 0 })
  })

  it.each([
    ['reaches the pass mark', [RIGHT_SINGLE, RIGHT_TF], [], true],
    ['falls short with nothing pending', [RIGHT_SINGLE, WRONG_TF], [], false],
  ] as const)('passes when the grade %s', (_name, [s, tf], _grades, passed) => {
    const attempts = [makeAttempt({ id: 'a1' })]
    const { rows } = gradebookRows(input(attempts, [respond('a1', single.id, s), respond('a1', truefalse.id, tf)]))
    expect(rowOf(rows, 'ana').cells.final?.passed).toBe(passed)
  })

  it('leaves pass or fail open while free text waits for an instructor', () => {
    const attempts = [makeAttempt({ id: 'a1', items: [single, freetext] })]
    const cell = rowOf(gradebookRows(input(attempts, [respond('a1', single.id, RIGHT_SINGLE), respond('a1', freetext.id, FREE_ANSWER)])).rows, 'ana').cells.final
    expect([cell?.grade, cell?.passed, cell?.pending]).toEqual([20, null, 1])
  })

  it('counts an instructor’s grade in the total and decides pass or fail', () => {
    const attempts = [makeAttempt({ id: 'a1', items: [single, freetext] })]
    const responses = [respond('a1', single.id, RIGHT_SINGLE), respond('a1', freetext.id, FREE_ANSWER)]
    const cell = rowOf(gradebookRows(input(attempts, responses, { manualGrades: [manual('a1', freetext.id, 3)] })).rows, 'ana').cells.final
    expect([cell?.grade, cell?.passed, cell?.pending]).toEqual([80, true, 0])
  })
})

/** Ana's attempts for the pass-state table: 100 %, 50 %, or 20 % with free text waiting (4 of 5 points). */
const full = (id: string, at: number) => ({ attempt: makeAttempt({ id, startedAt: at }), responses: [respond(id, single.id, RIGHT_SINGLE), respond(id, truefalse.id, RIGHT_TF)] })
const half = (id: string, at: number) => ({ attempt: makeAttempt({ id, startedAt: at }), responses: [respond(id, single.id, RIGHT_SINGLE), respond(id, truefalse.id, WRONG_TF)] })
const waiting = (id: string, at: number) => ({ attempt: makeAttempt({ id, startedAt: at, items: [single, freetext] }), responses: [respond(id, single.id, RIGHT_SINGLE), respond(id, freetext.id, FREE_ANSWER)] })
const unsubmitted = (id: string, at: number) => ({ attempt: makeAttempt({ id, startedAt: at, submitted: false }), responses: [] })
type Sat = ReturnType<typeof full>

describe('pass state under the grading method (pass mark 60 %)', () => {
  it.each<[string, GradingMethod, Sat[], ManualGrade[], number | null, string, boolean | null]>([
    ['highest: already passed by a fully graded attempt, so a pending one cannot change it', 'highest', [full('a1', T0), waiting('a2', T0 + 1e6)], [], 100, 'passed', true],
    ['highest: a pending attempt could still become the best (was failed: only the best so far was looked at)', 'highest', [half('a1', T0), waiting('a2', T0 + 1e6)], [], 50, 'pending', null],
    ['highest: once graded, the best attempt decides', 'highest', [half('a1', T0), waiting('a2', T0 + 1e6)], [manual('a2', freetext.id, 1)], 50, 'failed', false],
    ['last: the last attempt is pending, so an earlier pass does not decide', 'last', [full('a1', T0), waiting('a2', T0 + 1e6)], [], 20, 'pending', null],
    ['last: an earlier pending attempt cannot become the last', 'last', [waiting('a1', T0), half('a2', T0 + 1e6)], [], 50, 'failed', false],
    ['first: a later pending attempt cannot change the first', 'first', [half('a1', T0), waiting('a2', T0 + 1e6)], [], 50, 'failed', false],
    ['first: the first attempt is pending', 'first', [waiting('a1', T0), full('a2', T0 + 1e6)], [], 20, 'pending', null],
    ['average: any pending attempt moves the mean', 'average', [half('a1', T0), waiting('a2', T0 + 1e6)], [], 35, 'pending', null],
    ['average: graded in full, the mean decides', 'average', [half('a1', T0), waiting('a2', T0 + 1e6)], [manual('a2', freetext.id, 4)], 75, 'passed', true],
    ['an attempt started and never submitted is open, not failed', 'highest', [unsubmitted('a1', T0)], [], null, 'open', null],
    ['a failed attempt and an open one: failed so far (an open attempt is no pending grade)', 'highest', [half('a1', T0), unsubmitted('a2', T0 + 1e6)], [], 50, 'failed', false],
    ['no attempt at all', 'highest', [], [], null, 'not-attempted', null],
  ])('%s', (_label, method, sat, manualGrades, grade, result, passed) => {
    const { rows } = gradebookRows(input(sat.map((s) => s.attempt), sat.flatMap((s) => s.responses), { assessments: [final(method)], manualGrades }))
    const cell = rowOf(rows, 'ana').cells.final
    expect([cell?.grade, cell?.result, cell?.passed]).toEqual([grade, result, passed])
  })

  it.each([
    ['pending', [waiting('a1', T0)], 'pending'],
    ['open', [unsubmitted('a1', T0)], 'open'],
    ['failed', [half('a1', T0)], 'failed'],
    ['no attempt: empty', [], ''],
  ] as const)('writes the result in the CSV as a word: %s', (_label, sat, word) => {
    const book = gradebookRows(input(sat.map((s) => s.attempt), sat.flatMap((s) => s.responses)))
    const table = gradebookTable(book.rows, [final()], book.objectives)
    expect(table.rows[0]?.[6]).toBe(word)
  })

  it('filters learners whose attempt is open', () => {
    const { rows } = gradebookRows(input([unsubmitted('a1', T0).attempt], []))
    expect(filterRows(rows, { query: '', assessmentId: 'final', outcome: 'open' }).map((r) => r.learnerId)).toEqual(['ana'])
  })
})

describe('sorting, filtering and paging', () => {
  const rows = gradebookRows(input(threeAttempts.attempts, threeAttempts.responses, { assessments: [final('first')] })).rows
  const many: GradebookRow[] = Array.from({ length: 120 }, (_, i) => ({ ...rows[1]!, learnerId: `l${i}`, name: `Learner ${String(i).padStart(3, '0')}` }))

  it.each([
    ['ascending', ['ana', 'ben']],
    ['descending', ['ana', 'ben']],
  ] as const)('puts learners without a grade last when sorting %s', (direction, order) => {
    expect(sortRows(rows, 'grade:final', direction).map((r) => r.learnerId)).toEqual(order)
  })

  it.each([
    ['ascending', ['ana', 'ben']],
    ['descending', ['ben', 'ana']],
  ] as const)('sorts by name %s', (direction, order) => {
    expect(sortRows(rows, 'name', direction).map((r) => r.learnerId)).toEqual(order)
  })

  it('sorts by a grade, highest first', () => {
    const sorted = sortRows([{ ...rows[0]!, learnerId: 'x', name: 'X', cells: { final: { ...rows[0]!.cells.final!, grade: 10 } } }, rows[0]!], 'grade:final', 'descending')
    expect(sorted.map((r) => r.cells.final?.grade)).toEqual([50, 10])
  })

  it.each([
    ['name, any case', { query: 'AN', outcome: 'all' }, ['ana']],
    ['not passed', { query: '', assessmentId: 'final', outcome: 'failed' }, ['ana']],
    ['passed', { query: '', assessmentId: 'final', outcome: 'passed' }, []],
    ['no attempt', { query: '', assessmentId: 'final', outcome: 'not-attempted' }, ['ben']],
  ] as const)('filters by %s', (_name, filter, ids) => {
    expect(filterRows(rows, filter).map((r) => r.learnerId)).toEqual(ids)
  })

  it('pages rows 50 at a time', () => {
    expect(pageRows(many, 3)).toMatchObject({ page: 3, pageCount: 3, total: 120, from: 101, to: 120 })
  })

  it('clamps a page past the end to the last page', () => {
    expect(pageRows(many, 9).rows[0]?.name).toBe('Learner 100')
  })

  it('gives one empty page when nothing matches', () => {
    expect(pageRows([], 1)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0, from: 0, to: 0 })
  })
})

/** Splits one CSV line the way a spreadsheet would (quotes, doubled quotes, commas). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++ }
    else if (c === '"') quoted = !quoted
    else if (c === ',' && !quoted) { cells.push(cell); cell = '' }
    else cell += c
  }
  cells.push(cell)
  return cells
}

describe('gradebook.csv', () => {
  const book = gradebookRows({ ...input(threeAttempts.attempts, threeAttempts.responses), learners: [{ id: 'ana', name: '=HYPERLINK("x"), "Ana"', origin: 'local' }] })
  const csv = gradebookCsv(book.rows, [final()], book.objectives)
  const lines = csv.slice(1).split('\r\n')

  it('starts with a byte-order mark', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
  })

  it('writes dates as ISO 8601', () => {
    expect(parseCsvLine(lines[1]!)[3]).toBe(new Date(T0 + 2e6 + 60_000).toISOString())
  })

  it('neutralises a name that looks like a formula', () => {
    expect(parseCsvLine(lines[1]!)[1]).toBe('\'=HYPERLINK("x"), "Ana"')
  })

  it('round-trips a row: the parsed cells are the table’s cells', () => {
    const table = gradebookTable(book.rows, [final()], book.objectives)
    const expected = table.rows[0]!.map((v) => (v === null || v === undefined ? '' : String(v))).map((v, i) => (i === 1 ? `'${v}` : v))
    expect(parseCsvLine(lines[1]!)).toEqual(expected)
  })

  it('names every column in the header', () => {
    expect(parseCsvLine(lines[0]!)).toEqual([
      'learner id', 'learner', 'origin', 'last activity',
      'Final: grade %', 'Final: attempts', 'Final: result', 'Final: pending grading', 'Final: last activity',
      'objective o1 %', 'objective o2 %', 'flags',
    ])
  })
})
