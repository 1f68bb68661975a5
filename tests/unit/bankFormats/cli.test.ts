/**
 * The two commands, spawned as npm runs them (tsx), in a copy of the fixture course:
 * an import writes a bank whose only content:check problems are its placeholders, and which
 * passes once they are filled; a bad file exits 1 and writes nothing; export writes both formats.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { fromGift } from '../../../src/domain/bankFormats/gift.ts'
import { fromMoodleXml } from '../../../src/domain/bankFormats/moodleXml.ts'

const ROOT = resolve('.')
const tmp = mkdtempSync(join(tmpdir(), 'debrief-banks-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
cpSync('tests/fixtures/course', tmp, { recursive: true })
rmSync(join(tmp, 'questions/river-brief/01-flood.yaml'))
const env = { ...process.env, CI: '' }

function run(script: string, args: string[], cwd = ROOT) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', script), ...args], { cwd, env, encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const importInto = (file: string, ...extra: string[]) => run('bankImport.ts', [file, '--course', 'river-brief', '--lesson', 'l1-flood', '--questions', join(tmp, 'questions'), ...extra])
const contentCheck = () => {
  const r = run('contentCheck.ts', ['--json', '--lessons', join(tmp, 'lessons'), '--questions', join(tmp, 'questions')])
  return { code: r.code, report: JSON.parse(r.out) as { ok: boolean; problems: { file: string; field: string; message: string }[] } }
}
const imported = join(tmp, 'questions/river-brief/l1-flood-imported.yaml')

describe('npm run bank:import', () => {
  it('writes the bank YAML with a comment saying what to fill', () => {
    const r = importInto('tests/fixtures/bankFormats/river.moodle.xml')
    expect(r.err).toContain('warning: question "Flow rate"')
    expect(r.code).toBe(0)
    const text = readFileSync(imported, 'utf8')
    expect(text).toMatch(/^# Imported from river\.moodle\.xml by npm run bank:import \(9 items\)\./)
    expect(text).toContain("objective: todo-objective  -> the id of one of lesson l1-flood's objectives")
    expect(parse(text).items.map((i: { id: string }) => i.id)).toEqual(['gauge-reading-source', 'what-the-brief-reports', 'confirmed', 'who-measures', 'gauge-level', 'match-the-claims', 'explain-the-hedge', 'order-of-events', 'fill-in-the-report'])
  })

  it('refuses to overwrite it without --force', () => {
    const before = readFileSync(imported, 'utf8')
    const r = importInto('tests/fixtures/bankFormats/river.gift')
    expect([r.code, r.err.trim()]).toEqual([1, `${imported} exists already; give --force to replace it, or --out another file`])
    expect(readFileSync(imported, 'utf8')).toBe(before)
  })

  it('makes content:check report exactly the placeholders in the imported file', () => {
    const { code, report } = contentCheck()
    expect(code).toBe(1)
    const mine = report.problems.filter((p) => p.file.endsWith('l1-flood-imported.yaml'))
    const placeholders = Array.from({ length: 9 }, (_, i) => [`items[${i}].passages[0]: unknown passage "p-todo-passage"`, `items[${i}].objective: unknown objective "todo-objective"`])
    // The essay came from plain Moodle with no Debrief rubric: its one criterion is a TODO too.
    placeholders[6]!.push('items[6].rubric[0].text: is still the placeholder "TODO: …" that bank:import wrote: write this text, then run the check again')
    expect(mine.map((p) => `${p.field}: ${p.message}`)).toEqual(placeholders.flat())
    // Elsewhere only what a lesson with no real items yet lacks: coverage and the blueprints' draws.
    for (const p of report.problems.filter((x) => !mine.includes(x))) expect(p.message).toMatch(/supported by 0 item|tested by 0 item|cannot|only 0|needs/)
  })

  it('passes content:check once the author fills the placeholders', () => {
    const bank = parse(readFileSync(imported, 'utf8'))
    bank.items.forEach((item: Record<string, unknown>, i: number) => {
      item.objective = i % 2 === 0 ? 'o1-event' : 'o1-outlook'
      item.passages = [i % 2 === 0 ? 'p-event' : 'p-outlook']
      if (item.type === 'freetext') item.rubric = [{ id: 'c1', text: 'Says the gauge reading is reported, not confirmed.', points: 1, concepts: [['reported']] }]
    })
    writeFileSync(imported, stringify(bank))
    const { code, report } = contentCheck()
    expect(report.problems).toEqual([])
    expect(code).toBe(0)
  })

  it.each([
    ['a malformed file', 'tests/fixtures/bankFormats/malformed/bad-fraction.xml', 'tests/fixtures/bankFormats/malformed/bad-fraction.xml:8: question "Source": bad fraction "half"'],
    ['an unterminated GIFT answer block', 'tests/fixtures/bankFormats/malformed/unterminated-brace.gift', 'tests/fixtures/bankFormats/malformed/unterminated-brace.gift:4: question "Open": the answers "{" are never closed'],
  ])('refuses %s: file:line and the fix, exit 1, nothing written', (_label, file, message) => {
    const out = join(tmp, 'refused.yaml')
    const r = importInto(file, '--out', out)
    expect(r.code).toBe(1)
    expect(r.err).toContain(message)
    expect(r.err).toContain('nothing was written')
    expect(existsSync(out)).toBe(false)
  })

  it('refuses a 6 MB file before reading it', () => {
    const big = join(tmp, 'big.xml')
    writeFileSync(big, `<quiz>${' '.repeat(6 * 1024 * 1024)}</quiz>`)
    const r = importInto(big, '--out', join(tmp, 'big.yaml'))
    expect([r.code, r.err.trim()]).toEqual([1, `${big}:1: the file is 6.0 MB; a bank file may be at most 5 MB: split it into several files`])
    expect(existsSync(join(tmp, 'big.yaml'))).toBe(false)
  })
})

describe('npm run bank:export', () => {
  it.each([
    ['moodle-xml', 'xml', (t: string) => fromMoodleXml(t, 'x.xml'), 9, 'Wrote dist/banks/river-brief.xml: 9 of 9 items in 1 category'],
    ['gift', 'gift', (t: string) => fromGift(t, 'x.gift'), 7, 'order-of-events: not written: GIFT has no ordering questions (use Moodle XML)'],
  ])('writes every bank as %s to dist/banks/<course>.%s', (format, ext, parseBack, count, note) => {
    const r = run('bankExport.ts', ['--course', 'river-brief', '--format', format], tmp)
    expect(r.code).toBe(0)
    const file = join(tmp, `dist/banks/river-brief.${ext}`)
    expect(r.out).toContain(note)
    const back = parseBack(readFileSync(file, 'utf8'))
    expect('items' in back && back.items.length).toBe(count)
  })

  it('refuses an unknown course', () => {
    const r = run('bankExport.ts', ['--course', 'no-such-course', '--format', 'gift'], tmp)
    expect([r.code, r.err.trim()]).toEqual([1, 'there is no course "no-such-course" (courses: river-brief)'])
  })
})
