import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { parseResultFile } from '../../../src/domain/resultFile.ts'
import { parseBackupFile } from '../../../src/domain/backupFile.ts'
import { jsonDepth, MAX_JSON_CHARS, MAX_JSON_DEPTH, parseJsonWithin } from '../../../src/domain/safeJson.ts'
import { genuineFile, largeRealFile, sha256 } from './hostileFiles.ts'

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('jsonDepth', () => {
  it.each([
    ['a number', '1', 0],
    ['an object in a list', '[{"a":1}]', 2],
    ['brackets inside a string', '{"a":"[[[{{{"}', 1],
    ['an escaped quote inside a string', '{"a":"\\"[[["}', 1],
    ['an escaped backslash before the closing quote', '["\\\\",[1]]', 2],
    ['3,000 levels', nested(3000), 3000],
  ])('%s', (_why, text, depth) => {
    expect(jsonDepth(text)).toBe(depth)
  })

  it('agrees with the real nesting of any JSON value', () => {
    const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0)
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonDepth(JSON.stringify(v)) === depthOf(v)), { numRuns: 200 })
  })
})

describe('parseJsonWithin', () => {
  it('refuses a file nested deeper than the limit before parsing it', () => {
    expect(parseJsonWithin(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ ok: false, reason: 'too-deep', message: expect.stringContaining('nested too deeply to be a result file') })
  })

  it('reads a file exactly at the depth limit', () => {
    expect(parseJsonWithin(nested(MAX_JSON_DEPTH)).ok).toBe(true)
  })

  it('refuses a file over the size limit', () => {
    expect(parseJsonWithin(`"${'a'.repeat(MAX_JSON_CHARS)}"`)).toMatchObject({ ok: false, reason: 'too-large' })
  })

  it('keeps the size limit far above the largest real file (5 attempts × 30 items, long typed answers)', async () => {
    const text = await largeRealFile()
    expect(text.length * 5).toBeLessThan(MAX_JSON_CHARS)
    expect((await parseResultFile(text, { sha256 })).ok).toBe(true)
  })
})

describe('the parsers refuse deep JSON with a clear message', () => {
  it('result file nested 3,000 deep', async () => {
    const text = JSON.stringify(await genuineFile()).replace('"learner":{', `"learner":{"extra":${nested(3000)},`)
    expect(await parseResultFile(text, { sha256 })).toMatchObject({ ok: false, error: { code: 'too-deep', message: expect.stringContaining('nested too deeply to be a result file') } })
  })

  it('backup nested 3,000 deep', async () => {
    expect(await parseBackupFile(`{"format":"debrief-backup","x":${nested(3000)}}`, { sha256, databaseVersion: 3 })).toMatchObject({
      ok: false, message: expect.stringContaining('nested too deeply to be a Debrief backup'),
    })
  })
})

describe('canonicalJson', () => {
  /** The reference: JSON.stringify of copies built with sorted own keys (defineProperty keeps `__proto__` a key). */
  const reference = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reference)
    if (v === null || typeof v !== 'object') return v
    const out = {}
    for (const k of Object.keys(v).sort()) Object.defineProperty(out, k, { value: reference((v as Record<string, unknown>)[k]), enumerable: true })
    return out
  }

  it('writes what JSON.stringify writes of the key-sorted value, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(v) === JSON.stringify(reference(v))), { numRuns: 200 })
  })

  it('does not depend on key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => canonicalJson(o) === canonicalJson(Object.fromEntries(Object.entries(o).reverse()))), { numRuns: 200 })
  })

  it.each([
    ['undefined properties are left out', { a: undefined, b: 1 }, '{"b":1}'],
    ['undefined in a list is null', [undefined, 1], '[null,1]'],
    ['keys are sorted at every depth', { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'],
    ['a __proto__ key is written like any other', JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown, '{"__proto__":{"x":1},"b":1}'],
    ['a constructor key is written like any other', { constructor: 'c' }, '{"constructor":"c"}'],
  ])('%s', (_why, value, text) => {
    expect(canonicalJson(value)).toBe(text)
  })

  it('walks 100,000 levels without overflowing the stack', () => {
    const text = nested(100_000)
    expect(canonicalJson(JSON.parse(text))).toBe(text)
  })
})

describe('the checksum covers every key', () => {
  it.each(['__proto__', 'constructor', 'toString'])('a "%s" key added after sealing fails the checksum', async (key) => {
    const text = JSON.stringify(await genuineFile())
    const tampered = text.replace('"learner":{', `"learner":{"${key}":{"admin":true},`)
    expect(await parseResultFile(tampered, { sha256 })).toMatchObject({ ok: false, error: { code: 'bad-checksum' } })
  })
})
