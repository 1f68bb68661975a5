/**
 * `npm run content:check -- --strict` fails on a course that breaks any item-writing rule, and names
 * the file, line and field of the finding. One row per rule: an edit to a copy of the clean fixture
 * course that breaks exactly that rule, and the text on the line the warning must point at.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULES, type RuleId } from '../../../src/content/itemWriting.ts'
import { copyFixture } from './fixtureCourse.ts'

const BANK = 'questions/river-brief/01-flood.yaml'
const BLUEPRINTS = 'questions/river-brief/blueprints.yaml'

const TRUE_STEMS = ['Rain fell before the flood.', 'Officials ordered evacuations downstream.', 'Bridges closed along the valley road.']
const TRUE_ITEMS = TRUE_STEMS.map((stem, n) => `  - id: f-t${n}
    type: truefalse
    stem: ${stem}
    answer: true
    wrongFeedback: The brief reports it.
    explanation: The event passage reports it.
    passages: [p-event]
    objective: o1-event
    difficulty: 1
    bloom: remember
`).join('')

const DUPLICATE = `  - id: f-q02b
    type: truefalse
    stem: The brief says the flood followed three days of rain.
    answer: false
    wrongFeedback: The event passage names three days of rain.
    explanation: The event passage says "after three days of rain".
    passages: [p-event]
    objective: o1-event
    difficulty: 1
    bloom: remember
`

interface Row {
  rule: RuleId
  /** [file, from, to] edits to the fixture. */
  edits: [string, string, string][]
  /** The warning's field, and a text on the line it must point at. */
  field: string
  line: string
}

const ROWS: Row[] = [
  { rule: 'longest-key', edits: [[BANK, 'text: It is reported.', 'text: It is reported by every newspaper in the region.']], field: 'items[0].options[0].text', line: 'It is reported by every' },
  { rule: 'truefalse-balance', edits: [[BANK, '  - id: f-q03\n', `${TRUE_ITEMS}  - id: f-q03\n`]], field: 'items', line: '- id: f-q01' },
  { rule: 'clang', edits: [[BANK, 'text: It is reported.', 'text: The river is reported.']], field: 'items[0].options[0].text', line: 'The river is reported.' },
  { rule: 'all-none-of-the-above', edits: [[BANK, 'text: It is confirmed.', 'text: None of the above.']], field: 'items[0].options[1].text', line: 'None of the above.' },
  { rule: 'negative-stem', edits: [[BANK, 'stem: How sure is the brief that the river burst its banks?', 'stem: Which is not how sure the brief is?']], field: 'items[0].stem', line: 'Which is not how sure' },
  { rule: 'near-duplicate', edits: [[BANK, '  - id: f-q03\n', `${DUPLICATE}  - id: f-q03\n`]], field: 'items[2].id', line: 'id: f-q02b' },
  { rule: 'freetext-concept-in-stem', edits: [[BANK, 'stem: Why does the brief expect more flooding?', 'stem: Why does the brief expect more flooding at the levee?']], field: 'items[5].rubric[0].concepts[0]', line: 'concepts: [[levee' },
  { rule: 'unanchored-pattern', edits: [[BANK, 'accept: [the levee, levee]', 'accept: [the levee, levee]\n    patterns: [".*levee"]']], field: 'items[3].patterns[0]', line: 'patterns: [".*levee"]' },
  { rule: 'pattern-matches-reject', edits: [[BANK, 'accept: [the levee, levee]', 'accept: [the levee, levee]\n    reject: [levee]']], field: 'items[3].accept[1]', line: 'accept: [the levee, levee]' },
  {
    rule: 'dropdown-order',
    edits: [
      [BANK, 'options: [confirmed, expected, ruled out]', 'options: [expected, confirmed, ruled out]'],
      [BLUEPRINTS, '    shuffleOptions: true\n', '    shuffleOptions: false\n'],
    ],
    field: 'items[4].blanks[0].options',
    line: 'options: [expected, confirmed',
  },
]

const run = (fixture: ReturnType<typeof copyFixture>, ...extra: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/contentCheck.ts', '--lessons', fixture.lessonsDir, '--questions', fixture.questionsDir, ...extra], { encoding: 'utf8', env: { ...process.env, CI: 'false' } })

describe('content:check --strict fails on each item-writing rule, at its file and line', () => {
  it('has a row for every rule', () => {
    expect(ROWS.map((r) => r.rule).sort()).toEqual([...RULES].sort())
  })

  it.each(ROWS)('$rule', ({ rule, edits, field, line }) => {
    const fixture = copyFixture()
    for (const [file, from, to] of edits) fixture.edit(file, from, to)
    const lines = readFileSync(join(fixture.root, BANK), 'utf8').split('\n')
    const lineNo = lines.findIndex((l) => l.includes(line)) + 1
    expect(lineNo, `"${line}" in the edited bank`).toBeGreaterThan(0)

    const result = run(fixture, '--strict')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${BANK}:${lineNo}: ${field}: warning:`)
    const summary = JSON.parse(run(fixture, '--strict', '--json').stdout) as { ok: boolean; warningCounts: Record<string, number> }
    expect(summary.ok).toBe(false)
    // Exactly this rule fires: the edit breaks one rule, not several.
    expect(Object.entries(summary.warningCounts).filter(([, n]) => n > 0).map(([r]) => r)).toEqual([rule])
  })
})
