import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import {
  createResultFile, migrateResultFile, parseResultFile, RESULT_FILE_MIGRATIONS, RESULT_FILE_VERSION, serializeResultFile, type ResultFile,
} from '../../../src/domain/resultFile.ts'
import { mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const T0 = Date.UTC(2025, 0, 6, 9)

async function makeFile(): Promise<ResultFile> {
  const attempt = startAttempt({ blueprint: mixedBlueprint, banks: mixedBanks, learnerId: 'ann', courseId: 'c1', attemptId: 'at1', seed: 5, now: T0, previousAttempts: [] })
  return createResultFile({
    courseId: 'c1',
    exportedAt: T0 + 3_600_000,
    learner: { id: 'ann', name: 'Ann Example' },
    attempts: [{
      attempt: { ...attempt, submittedAt: T0 + 60_000, submitReason: 'learner' },
      responses: [{ attemptId: 'at1', itemId: 'q-single', answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: T0 + 1000, seq: 1 }],
      manualGrades: [{ attemptId: 'at1', itemId: 'q-free', criteria: { c1: 1 }, score: 1, comment: 'ok', gradedAt: T0 + 7_200_000 }],
      assessment: { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' },
    }],
  }, sha256)
}

/** Re-sign a modified file, so only the change under test is wrong. */
async function resign(data: Record<string, unknown>): Promise<string> {
  const { checksum: _c, ...rest } = data
  return JSON.stringify({ ...rest, checksum: `sha256:${await sha256(canonicalJson(rest))}` })
}

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}')
  })

  it('drops undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
  })
})

describe('result file round trip', () => {
  it('parses what it creates', async () => {
    const file = await makeFile()
    expect(await parseResultFile(serializeResultFile(file), { sha256, courseId: 'c1', now: T0 + 4_000_000 })).toEqual({ ok: true, file })
  })

  it('writes the checksum as sha256 and 64 hex digits', async () => {
    expect((await makeFile()).checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('keeps the checksum valid when keys are reordered', async () => {
    const file = await makeFile()
    const reordered = Object.fromEntries(Object.entries(file).reverse())
    expect((await parseResultFile(JSON.stringify(reordered), { sha256 })).ok).toBe(true)
  })

  it('accepts a leading byte-order mark', async () => {
    expect((await parseResultFile(`\uFEFF${serializeResultFile(await makeFile())}`, { sha256 })).ok).toBe(true)
  })
})

describe('parseResultFile rejections', () => {
  const codeOf = async (text: string, options: { courseId?: string; now?: number } = {}) => {
    const result = await parseResultFile(text, { sha256, ...options })
    return result.ok ? 'ok' : result.error.code
  }

  it('not-json', async () => {
    expect(await codeOf('{"format": "debrief-result",')).toBe('not-json')
  })

  it('wrong-format', async () => {
    expect(await codeOf(JSON.stringify({ format: 'moodle-backup', version: 1 }))).toBe('wrong-format')
  })

  it('wrong-format for a JSON array', async () => {
    expect(await codeOf('[]')).toBe('wrong-format')
  })

  it('future-version', async () => {
    const file = { ...(await makeFile()), version: RESULT_FILE_VERSION + 1 }
    expect(await codeOf(JSON.stringify(file))).toBe('future-version')
  })

  it('bad-checksum after an edit', async () => {
    const file = await makeFile()
    const edited = { ...file, learner: { ...file.learner, name: 'Mallory' } }
    expect(await codeOf(JSON.stringify(edited))).toBe('bad-checksum')
  })

  it('wrong-course', async () => {
    expect(await codeOf(serializeResultFile(await makeFile()), { courseId: 'other' })).toBe('wrong-course')
  })

  it('invalid, with the path of a missing field', async () => {
    const file = JSON.parse(serializeResultFile(await makeFile())) as { attempts: { responses: Record<string, unknown>[] }[] }
    delete file.attempts[0]?.responses[0]?.seq
    const result = await parseResultFile(await resign(file), { sha256 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', path: 'attempts[0].responses[0].seq' } })
  })

  it('invalid when a slot has no snapshot', async () => {
    const file = JSON.parse(serializeResultFile(await makeFile())) as { attempts: { attempt: { snapshots: Record<string, unknown> } }[] }
    delete file.attempts[0]?.attempt.snapshots['v-single']
    expect(await codeOf(await resign(file))).toBe('invalid')
  })

  it('invalid when an answer has the wrong shape', async () => {
    const file = JSON.parse(serializeResultFile(await makeFile())) as { attempts: { responses: { answer: unknown }[] }[] }
    const response = file.attempts[0]?.responses[0]
    if (response) response.answer = { type: 'single', optionId: 7 }
    expect(await codeOf(await resign(file))).toBe('invalid')
  })

  it('invalid when exported in the future', async () => {
    expect(await codeOf(serializeResultFile(await makeFile()), { now: T0 - 3 * 86_400_000 })).toBe('invalid')
  })

  it('says how to fix the problem in plain English', async () => {
    const result = await parseResultFile(serializeResultFile(await makeFile()), { sha256, courseId: 'other' })
    expect(result.ok ? '' : result.error.message).toBe('This result file belongs to the course "c1", not "other". Import it into that course instead.')
  })
})

describe('migration chain', () => {
  it('has one released step per version, from 1 up to the current version', () => {
    expect(RESULT_FILE_MIGRATIONS.map((m) => m.from)).toEqual([1, 2, 3, 4])
  })

  it('runs each up() in turn until the target version', () => {
    const chain = [
      { from: 0, up: (d: Record<string, unknown>) => ({ ...d, learner: { id: d.learnerId, name: '' } }) },
      { from: 1, up: (d: Record<string, unknown>) => ({ ...d, renamed: true }) },
    ]
    expect(migrateResultFile({ version: 0, learnerId: 'ann' }, chain, 2)).toEqual({ version: 2, learnerId: 'ann', learner: { id: 'ann', name: '' }, renamed: true })
  })

  it('leaves a current file unchanged', () => {
    const data = { version: RESULT_FILE_VERSION, x: 1 }
    expect(migrateResultFile(data)).toBe(data)
  })

  it('throws when a step is missing', () => {
    expect(() => migrateResultFile({ version: 0 }, [], 1)).toThrow(/No upgrade from result-file version 0/)
  })
})

type Damaged = { slots: { version: string }[]; snapshots: unknown }

describe('version 1 files (before cloze drop-downs were shuffled)', () => {
  const V1 = readFileSync(new URL('../../fixtures/result-files/v1.json', import.meta.url), 'utf8')

  it('the fixture is a file version 1 wrote, with a cloze drop-down and no blankOrders', () => {
    const raw = JSON.parse(V1) as { version: number }
    expect(raw.version).toBe(1)
    expect(V1).toContain('"q-cloze"')
    expect(V1).not.toContain('blankOrders')
  })

  it('reads, checksum intact, as the current version with the drop-downs in the authored order they were shown in', async () => {
    const result = await parseResultFile(V1, { sha256, courseId: 'c1' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.file.version).toBe(RESULT_FILE_VERSION)
    const slots = result.file.attempts[0]!.attempt.slots
    // Only the drop-down blank is listed; the typed blanks ("year", "city") have no order.
    expect(slots.find((s) => s.itemId === 'q-cloze')?.blankOrders).toEqual({ month: ['March', 'June', 'October'] })
    expect(slots.filter((s) => s.itemId !== 'q-cloze').every((s) => s.blankOrders === undefined)).toBe(true)
  })

  it('keeps everything else of the attempt as version 1 wrote it', async () => {
    const result = await parseResultFile(V1, { sha256 })
    if (!result.ok) throw new Error(result.error.message)
    const before = (JSON.parse(V1) as ResultFile).attempts[0]!
    const after = result.file.attempts[0]!
    expect(after.responses).toEqual(before.responses)
    expect(after.attempt.slots.map(({ blankOrders: _b, ...rest }) => rest)).toEqual(before.attempt.slots)
    expect(after.attempt.snapshots).toEqual(before.attempt.snapshots)
  })

  it.each([
    ['a slot naming no snapshot', (a: Damaged) => void (a.slots[0]!.version = 'missing')],
    ['snapshots that are not an object', (a: Damaged) => void (a.snapshots = [])],
    ['a cloze snapshot whose blanks are not a list', (a: Damaged) => void (Object.values(a.snapshots as Record<string, { type: string; blanks: unknown }>).find((i) => i.type === 'cloze')!.blanks = 'x')],
  ])('leaves %s for the structural check to report (the upgrade never throws)', async (_why, damage) => {
    const data = JSON.parse(V1) as { attempts: { attempt: Damaged }[] }
    damage(data.attempts[0]!.attempt)
    const result = await parseResultFile(await resign(data), { sha256 })
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid')
  })
})

describe('version 2 files (before the learner’s extra time was carried)', () => {
  const V2 = readFileSync(new URL('../../fixtures/result-files/v2.json', import.meta.url), 'utf8')

  it('the fixture is a file version 2 wrote, with blankOrders and no allowance', () => {
    const raw = JSON.parse(V2) as { version: number; learner: object }
    expect(raw.version).toBe(2)
    expect(V2).toContain('blankOrders')
    expect(raw.learner).toEqual({ id: 'ann', name: 'Ann Example' })
  })

  it('reads, checksum intact, as the current version with no allowance and everything else as written', async () => {
    const result = await parseResultFile(V2, { sha256, courseId: 'c1' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.file.version).toBe(RESULT_FILE_VERSION)
    expect(result.file.learner).toEqual({ id: 'ann', name: 'Ann Example' })
    const { version: _v, ...rest } = result.file
    const { version: _w, ...before } = JSON.parse(V2) as ResultFile
    expect(rest).toEqual(before)
  })
})

describe('version 3 files (before device signatures)', () => {
  const V3 = readFileSync(new URL('../../fixtures/result-files/v3.json', import.meta.url), 'utf8')

  it('the fixture is a file version 3 wrote, with an allowance and no signature', () => {
    const raw = JSON.parse(V3) as { version: number; learner: object; signature?: unknown }
    expect(raw.version).toBe(3)
    expect(raw.learner).toEqual({ id: 'ann', name: 'Ann Example', allowance: { multiplier: 1.25, extraMinutes: 10 } })
    expect(raw.signature).toBeUndefined()
  })

  it('reads, checksum intact, as the current version, unsigned, everything else as written', async () => {
    const result = await parseResultFile(V3, { sha256, courseId: 'c1', subtle: crypto.subtle })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.file.version).toBe(RESULT_FILE_VERSION)
    expect(result.signature).toEqual({ status: 'unsigned' })
    const { version: _v, ...rest } = result.file
    const { version: _w, ...before } = JSON.parse(V3) as ResultFile
    expect(rest).toEqual(before)
  })

  it('the 3 → 4 step invents no signature', () => {
    const up = RESULT_FILE_MIGRATIONS.find((m) => m.from === 3)!
    const data = JSON.parse(V3) as Record<string, unknown>
    expect(up.up(data)).toEqual(data)
  })
})

describe('the learner’s extra time (version 3)', () => {
  const withAllowance = async (allowance: unknown) => {
    const file = await makeFile()
    return resign({ ...file, learner: { ...file.learner, allowance } } as unknown as Record<string, unknown>)
  }

  it('is written when it grants extra time, and read back', async () => {
    const file = await createResultFile({ courseId: 'c1', exportedAt: T0, learner: { id: 'ann', name: 'Ann', allowance: { multiplier: 1.5, extraMinutes: 0 } }, attempts: [] }, sha256)
    expect(file.learner).toEqual({ id: 'ann', name: 'Ann', allowance: { multiplier: 1.5 } })
    const result = await parseResultFile(serializeResultFile(file), { sha256 })
    expect(result.ok && result.file.learner.allowance).toEqual({ multiplier: 1.5 })
  })

  it('is left out when it grants nothing', async () => {
    const file = await createResultFile({ courseId: 'c1', exportedAt: T0, learner: { id: 'ann', name: 'Ann', allowance: { multiplier: 1 } }, attempts: [] }, sha256)
    expect(file.learner).toEqual({ id: 'ann', name: 'Ann' })
  })

  it.each<[string, unknown, string]>([
    ['a multiplier of 10', { multiplier: 10 }, 'learner.allowance.multiplier'],
    ['a day of extra minutes', { extraMinutes: 1440 }, 'learner.allowance.extraMinutes'],
    ['an unknown field', { multiplier: 1.25, points: 5 }, 'learner.allowance.points'],
    ['text', 'lots', 'learner.allowance'],
  ])('refuses %s, even re-signed', async (_label, allowance, path) => {
    const result = await parseResultFile(await withAllowance(allowance), { sha256 })
    expect(result.ok ? 'accepted' : [result.error.code, result.error.path]).toEqual(['invalid', path])
  })
})
