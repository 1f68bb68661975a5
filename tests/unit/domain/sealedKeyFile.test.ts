import { randomBytes, webcrypto } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  fromBase64,
  keyOfReleaseCode,
  openWithReleaseCode,
  openWithSecret,
  parseSealedKeyFile,
  PBKDF2_ITERATIONS,
  releaseCodeOf,
  sealKeyFile,
  toBase64,
  type SealedKeyFile,
} from '../../../src/domain/sealedKeyFile.ts'
import type { VersionedItem } from '../../../src/domain/types.ts'

const item = {
  id: 'q1', lesson: 'l1', version: 'abc123', type: 'single', stem: 'Which?', explanation: 'Because B.', passages: [], objective: 'o1',
  difficulty: 1, bloom: 'remember', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B', feedback: 'Right: B.' }], answer: 'b',
} as VersionedItem
const input = { courseId: 'c1', blueprints: ['final'], items: [item] }
const SECRET = 'correct horse battery staple'
const subtle = webcrypto.subtle as SubtleCrypto
const random = (n: number) => new Uint8Array(randomBytes(n))

/** Deterministic bytes for a reproducible file. */
function counter(): (n: number) => Uint8Array {
  let next = 1
  return (n) => Uint8Array.from({ length: n }, () => next++ & 255)
}

let file: SealedKeyFile
let releaseCode: string
beforeAll(async () => {
  file = await sealKeyFile(input, SECRET, subtle, random)
  const opened = await openWithSecret(file, SECRET, subtle)
  if (!opened.ok) throw new Error(opened.message)
  releaseCode = opened.releaseCode
})

/** The file with one byte of a base64 field flipped. */
function flipped(f: SealedKeyFile, part: 'wrappedKey' | 'payload', field: 'iv' | 'data', at = 3): SealedKeyFile {
  const bytes = fromBase64(f[part][field])!
  bytes[at] = bytes[at]! ^ 1
  return { ...f, [part]: { ...f[part], [field]: toBase64(bytes) } }
}

describe('sealKeyFile / openWithSecret / openWithReleaseCode', () => {
  it('round trip: the secret opens the items and gives the release code; the code opens the same items', async () => {
    expect(file).toMatchObject({ format: 'debrief-sealed-keys', version: 1, courseId: 'c1', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS } })
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000)
    expect(fromBase64(file.kdf.salt)!.length).toBe(16)
    expect(fromBase64(file.payload.iv)!.length).toBe(12)
    expect(fromBase64(file.wrappedKey.iv)!.length).toBe(12)
    const bySecret = await openWithSecret(file, SECRET, subtle)
    expect(bySecret).toEqual({ ok: true, courseId: 'c1', blueprints: ['final'], items: [item], releaseCode })
    expect(releaseCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(await openWithReleaseCode(file, releaseCode, subtle)).toEqual({ ok: true, courseId: 'c1', blueprints: ['final'], items: [item] })
  })

  it('holds no plaintext of the items', () => {
    const text = JSON.stringify(file)
    for (const secret of ['Because B.', 'Right: B.', '"answer"', 'Which?']) expect(text).not.toContain(secret)
  })

  it('two seals of the same input differ (fresh key, salt and IVs); an injected source of bytes repeats', async () => {
    const other = await sealKeyFile(input, SECRET, subtle, random)
    expect(other.payload.data).not.toBe(file.payload.data)
    expect(other.kdf.salt).not.toBe(file.kdf.salt)
    expect(await sealKeyFile(input, SECRET, subtle, counter())).toEqual(await sealKeyFile(input, SECRET, subtle, counter()))
  })

  it.each([
    ['a wrong secret', async () => openWithSecret(file, 'wrong', subtle), 'wrong-secret'],
    ['an empty secret', async () => openWithSecret(file, '', subtle), 'wrong-secret'],
    ['a flipped byte in the wrapped key', async () => openWithSecret(flipped(file, 'wrappedKey', 'data'), SECRET, subtle), 'wrong-secret'],
    ['a flipped byte in the wrapped key’s IV', async () => openWithSecret(flipped(file, 'wrappedKey', 'iv'), SECRET, subtle), 'wrong-secret'],
    ['a flipped byte in the payload', async () => openWithSecret(flipped(file, 'payload', 'data'), SECRET, subtle), 'damaged'],
    ['a flipped byte in the payload’s IV', async () => openWithSecret(flipped(file, 'payload', 'iv', 0), SECRET, subtle), 'damaged'],
    ['the file relabelled for another course', async () => openWithSecret({ ...file, courseId: 'c2' }, SECRET, subtle), 'wrong-secret'],
    ['a salt that is not base64', async () => openWithSecret({ ...file, kdf: { ...file.kdf, salt: '***' } }, SECRET, subtle), 'damaged'],
    ['a wrong release code', async () => openWithReleaseCode(file, releaseCodeOf(new Uint8Array(32)), subtle), 'wrong-code'],
    ['a release code too short', async () => openWithReleaseCode(file, releaseCode.slice(0, -1), subtle), 'wrong-code'],
    ['a release code with a letter Crockford leaves out', async () => openWithReleaseCode(file, 'U' + releaseCode.slice(1), subtle), 'wrong-code'],
    ['the right code on a tampered payload', async () => openWithReleaseCode(flipped(file, 'payload', 'data', 10), releaseCode, subtle), 'wrong-code'],
    ['the right code on a file relabelled for another course', async () => openWithReleaseCode({ ...file, courseId: 'c2' }, releaseCode, subtle), 'wrong-code'],
  ] as const)('%s is refused with a result, not a throw (%s)', async (_, open, reason) => {
    const result = await open()
    expect(result).toMatchObject({ ok: false, reason })
    if (!result.ok) expect(result.message).toMatch(/\.$/)
  })
})

describe('release codes', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255)
  const code = releaseCodeOf(key)
  it.each([
    ['as given', code],
    ['lower case', code.toLowerCase()],
    ['no dashes', code.replace(/-/g, '')],
    ['spaces instead of dashes', code.replace(/-/g, ' ')],
    ['surrounding blanks', `  ${code}\n`],
    ['O for 0 and l for 1', code.replace(/0/g, 'O').replace(/1/g, 'l')],
  ])('%s reads back to the key', (_, written) => {
    expect(keyOfReleaseCode(written)).toEqual(key)
  })
  it.each([
    ['empty', ''],
    ['one character short', code.replace(/-/g, '').slice(1)],
    ['one character long', code + '0'],
    ['a U (not in Crockford’s alphabet)', 'U' + code.slice(1)],
    ['padding bits set', code.replace(/-/g, '').slice(0, 51) + 'Z'],
  ])('%s is not a code', (_, written) => {
    expect(keyOfReleaseCode(written)).toBeUndefined()
  })
  it('is 52 characters in 13 groups of four', () => {
    expect(code.split('-')).toHaveLength(13)
    expect(code.replace(/-/g, '')).toHaveLength(52)
    expect(releaseCodeOf(new Uint8Array(32))).toBe(Array(13).fill('0000').join('-'))
  })
})

describe('parseSealedKeyFile', () => {
  it('reads a file written as JSON', () => {
    expect(parseSealedKeyFile(JSON.stringify(file))).toEqual({ ok: true, file })
  })
  const base = () => JSON.parse(JSON.stringify(file)) as Record<string, unknown>
  it.each([
    ['not JSON', (): string => 'nope', /not/i],
    ['JSON null', (): string => 'null', /not a sealed-assessment key file/],
    ['another format', () => JSON.stringify({ ...base(), format: 'debrief-results' }), /not a sealed-assessment key file/],
    ['a newer version', () => JSON.stringify({ ...base(), version: 2 }), /version 2; this app reads version 1/],
    ['no course', () => JSON.stringify({ ...base(), courseId: '' }), /missing or has the wrong form/],
    ['too few iterations', () => JSON.stringify({ ...base(), kdf: { ...file.kdf, iterations: 1000 } }), /missing or has the wrong form/],
    ['another KDF', () => JSON.stringify({ ...base(), kdf: { ...file.kdf, name: 'scrypt' } }), /missing or has the wrong form/],
    ['no payload', () => JSON.stringify({ ...base(), payload: undefined }), /missing or has the wrong form/],
    ['a payload without IV', () => JSON.stringify({ ...base(), payload: { data: 'AA==' } }), /missing or has the wrong form/],
    ['too deep', () => '['.repeat(100) + ']'.repeat(100), /nested too deeply/],
    ['too large', () => ' '.repeat(5_000_001), /too large/],
  ] as const)('%s → a message', (_, text, message) => {
    const result = parseSealedKeyFile(text())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})
