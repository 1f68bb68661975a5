/**
 * Hostile result files (issue 12 §4): each edit an attacker can make with a text editor and the
 * documented checksum is refused with code 'invalid', the JSON path and a message, or read safely.
 */
import { describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { parseResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'
import { asData, genuineFile, resign, sha256 } from './hostileFiles.ts'

type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- hand edits of parsed JSON

async function edited(edit: (data: Data) => void): Promise<string> {
  const data = asData(await genuineFile()) as Data
  edit(data)
  return resign(data)
}

const parse = (text: string) => parseResultFile(text, { sha256, courseId: 'c1' })
const attempt = (d: Data) => d.attempts[0].attempt
const firstVersion = (d: Data): string => attempt(d).slots[0].version

describe('refused with the path and a message saying what to fix', () => {
  it.each<[string, (d: Data) => void, string, string]>([
    ['an empty learner id', (d) => { d.learner.id = ''; attempt(d).learnerId = '' }, 'learner.id', 'is empty'],
    ['an empty attempt id', (d) => { attempt(d).id = '' }, 'attempts[0].attempt.id', 'is empty'],
    ['an id of 201 characters', (d) => { attempt(d).id = 'a'.repeat(201) }, 'attempts[0].attempt.id', 'at most 200'],
    ['an empty item id in a slot', (d) => { attempt(d).slots[0].itemId = '' }, 'attempts[0].attempt.slots[0].itemId', 'is empty'],
    ['an empty option id in a shown order', (d) => { attempt(d).slots.find((s: Data) => s.order).order[0] = '' }, 'attempts[0].attempt.slots', 'is empty'],
    ['an empty response item id', (d) => { d.attempts[0].responses[0].itemId = '' }, 'attempts[0].responses[0].itemId', 'is empty'],
    ['startedAt 1e20', (d) => { attempt(d).startedAt = 1e20 }, 'attempts[0].attempt.startedAt', 'not a time between 2000-01-01 and 2100-01-01 UTC'],
    ['a deadline before 2000', (d) => { attempt(d).deadline = 0 }, 'attempts[0].attempt.deadline', 'not a time between'],
    ['submittedAt in 2100', (d) => { attempt(d).submittedAt = Date.UTC(2100, 0, 1) }, 'attempts[0].attempt.submittedAt', 'not a time between'],
    ['a savedAt of -1', (d) => { d.attempts[0].responses[0].savedAt = -1 }, 'attempts[0].responses[0].savedAt', 'not a time between'],
    ['a gradedAt of 1e20', (d) => { d.attempts[0].manualGrades[0].gradedAt = 1e20 }, 'attempts[0].manualGrades[0].gradedAt', 'not a time between'],
    ['an export dated 1970', (d) => { d.exportedAt = '1970-01-01T00:00:00.000Z' }, 'exportedAt', 'not a time between'],
    ['a negative seq', (d) => { d.attempts[0].responses[0].seq = -1 }, 'attempts[0].responses[0].seq', 'whole number, 0 or more'],
    ['a fractional seq', (d) => { d.attempts[0].responses[0].seq = 1.5 }, 'attempts[0].responses[0].seq', 'whole number'],
    ['a fractional seed', (d) => { attempt(d).seed = 0.5 }, 'attempts[0].attempt.seed', 'whole number'],
    ['points 1e308', (d) => { attempt(d).snapshots[firstVersion(d)].points = 1e308 }, '.points', 'between 0 and 1000'],
    ['negative points', (d) => { attempt(d).snapshots[firstVersion(d)].points = -5 }, '.points', 'between 0 and 1000'],
    ['a manual score of 1e6', (d) => { d.attempts[0].manualGrades[0].score = 1e6 }, 'attempts[0].manualGrades[0].score', 'between 0 and 1000'],
    ['a pass mark of 70', (d) => { d.attempts[0].assessment.passMark = 70 }, 'attempts[0].assessment.passMark', 'between 0 and 1'],
    ['a snapshot pattern with nested quantifiers', (d) => {
      const short = Object.values(attempt(d).snapshots).find((i) => (i as Data).type === 'short') as Data
      short.patterns = ['^(a+)+$']
    }, '.patterns[0]', 'nested quantifiers'],
    ['feedback that is not text', (d) => { attempt(d).snapshots[firstVersion(d)].explanation = { html: '<b>' } }, '.explanation', 'should be text'],
    ['a huge number in a field no check reads', (d) => { attempt(d).extra = -1e16 }, 'attempts[0].attempt.extra', 'between -1000000000000000 and 1000000000000000'],
    ['a slot naming version "toString", which has no snapshot', (d) => { attempt(d).slots[0].version = 'toString' }, 'attempts[0].attempt.slots[0].version', 'names no snapshot'],
    ['a slot naming version "constructor"', (d) => { attempt(d).slots[0].version = 'constructor' }, 'attempts[0].attempt.slots[0].version', 'names no snapshot'],
    ['a slot naming version "hasOwnProperty"', (d) => { attempt(d).slots[0].version = 'hasOwnProperty' }, 'attempts[0].attempt.slots[0].version', 'names no snapshot'],
    ['a snapshot filed under another version', (d) => { attempt(d).snapshots[firstVersion(d)].version = 'other' }, '.version', 'the version it is filed under'],
    ['a name of 5,000 characters', (d) => { d.learner.name = 'A'.repeat(5000) }, 'learner.name', 'at most 60'],
    ['a name of nothing but zero-width characters', (d) => { d.learner.name = '\u200B\u200D\uFEFF' }, 'learner.name', 'is empty once invisible characters are removed'],
  ])('%s', async (_why, edit, path, message) => {
    const result = await parse(await edited(edit))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid')
    expect(result.error.path).toContain(path)
    expect(result.error.message).toContain(message)
    expect(result.error.message).toContain('Export it again')
  })

  it('a number that JSON.parse reads as Infinity (1e400) is refused', async () => {
    const data = asData(await genuineFile()) as Data
    data.extra = Infinity // the checksum an attacker computes sees null, as JSON.stringify writes it
    const text = (await resign(data)).replace('"extra":null', '"extra":1e400')
    expect(await parse(text)).toMatchObject({ ok: false, error: { code: 'invalid', path: 'extra', message: expect.stringContaining('should be a number') } })
  })

  it('a snapshot keyed "__proto__" is refused, not turned into a prototype', async () => {
    const data = asData(await genuineFile()) as Data
    const version = firstVersion(data)
    const text = (await resign(data)).replaceAll(`"${version}"`, '"__proto__"')
    const tampered = JSON.parse(text) as Data
    const result = await parse(await resign(tampered))
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('cannot be used as an id') } })
  })
})

describe('names are read with the app’s own name rule', () => {
  it.each([
    ['a bidi override and a reversed word', 'Ann Example\u202E dessap', 'Ann Example dessap'],
    ['an isolate and marks', '\u2066Ann\u2069 \u200EExample\u200F\u061C', 'Ann Example'],
    ['zero-width characters inside', 'An\u200Bn Ex\u2060ample\u200C\u200D\uFEFF', 'Ann Example'],
    ['decomposed accents', 'Zoe\u0301', 'Zoé'],
    ['runs of white space and a newline', '  Ann \n\t Example  ', 'Ann Example'],
  ])('%s', async (_why, name, shown) => {
    const result = await parse(await edited((d) => { d.learner.name = name }))
    expect(result.ok && result.file.learner.name).toBe(shown)
  })
})

describe('versions that are also names of Object.prototype work as ordinary keys', () => {
  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf'])('an item at version "%s" imports and grades', async (version) => {
    const data = asData(await genuineFile()) as Data
    const old = firstVersion(data)
    const a = attempt(data)
    a.snapshots = Object.fromEntries(Object.entries(a.snapshots as Data).map(([k, v]) => (k === old ? [version, { ...(v as Data), version }] : [k, v])))
    a.slots[0].version = version
    const result = await parse(await resign(data))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const entry = (result.file as ResultFile).attempts[0]!
    const grade = gradeAttempt(entry.attempt, entry.responses, entry.manualGrades ?? [], { passMark: 0.6 })
    expect(grade.perItem[0]).toMatchObject({ version, itemId: a.slots[0].itemId })
    expect(Number.isFinite(grade.percent)).toBe(true)
  })
})
