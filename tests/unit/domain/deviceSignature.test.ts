import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { keyDecision } from '../../../src/domain/deviceKeyCheck.ts'
import {
  fingerprintOf, isPublicJwk, keyLabel, publicJwkOf, signFile, verifyFile, type DeviceKeyPair, type FileSignature, type PublicJwk,
} from '../../../src/domain/deviceSignature.ts'
import { createResultFile, parseResultFile, serializeResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'

const subtle = crypto.subtle
const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const T0 = Date.UTC(2025, 0, 6, 9)

async function keyPair(): Promise<DeviceKeyPair> {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const publicJwk = publicJwkOf(await subtle.exportKey('jwk', pair.publicKey))
  return { privateKey: pair.privateKey, publicJwk, fingerprint: await fingerprintOf(publicJwk, subtle) }
}

const KEY = await keyPair()
const OTHER = await keyPair()

function body() {
  return {
    courseId: 'c1',
    exportedAt: T0,
    learner: { id: 'ann', name: 'Ann Example', allowance: { multiplier: 1.5 } },
    attempts: [{
      attempt: {
        id: 'at1', courseId: 'c1', learnerId: 'ann', mode: 'assessment' as const, sourceId: 'final', seed: 5, startedAt: T0 - 60_000, deadline: null,
        submittedAt: T0 - 1000, submitReason: 'learner' as const, slots: [], snapshots: {},
      },
      responses: [],
    }],
  }
}

async function signedFile(key = KEY): Promise<ResultFile> {
  return createResultFile(body(), sha256, (data) => signFile(data, key, subtle))
}

/** The file with a new checksum (over all but checksum and signature), as anyone who edits it can write: only the signature can object. */
async function reseal(data: Record<string, unknown>): Promise<string> {
  const { checksum: _c, ...rest } = data
  const { signature: _s, ...covered } = rest
  return JSON.stringify({ ...rest, checksum: `sha256:${await sha256(canonicalJson(covered))}` })
}

type Loose = ResultFile & Record<string, unknown>
const clone = (file: ResultFile) => JSON.parse(JSON.stringify(file)) as Loose
const parse = (text: string) => parseResultFile(text, { sha256, subtle })

describe('signing and verifying a result file', () => {
  it('a signed file verifies, with the fingerprint of its key', async () => {
    const file = await signedFile()
    expect(file.signature?.alg).toBe('ES256')
    expect(await verifyFile(clone(file), subtle)).toEqual({ status: 'signed', fingerprint: KEY.fingerprint, publicKey: KEY.publicJwk })
    const read = await parse(serializeResultFile(file))
    expect(read.ok && read.signature).toEqual({ status: 'signed', fingerprint: KEY.fingerprint, publicKey: KEY.publicJwk })
  })

  it('the fingerprint is the first 16 hex digits of SHA-256 of the canonical JWK, shown in groups of four', async () => {
    expect(KEY.fingerprint).toBe((await sha256(canonicalJson(KEY.publicJwk))).slice(0, 16))
    expect(keyLabel('3f9a0c1e52b79d04')).toBe('key 3f9a 0c1e 52b7 9d04')
  })

  it('a file without a signature is unsigned', async () => {
    const file = await createResultFile(body(), sha256)
    expect(file.signature).toBeUndefined()
    const read = await parse(serializeResultFile(file))
    expect(read.ok && read.signature).toEqual({ status: 'unsigned' })
  })

  it('removing the signature (and writing a new checksum) makes an unsigned file', async () => {
    const { signature: _s, ...rest } = clone(await signedFile())
    const read = await parse(await reseal(rest))
    expect(read.ok && read.signature).toEqual({ status: 'unsigned' })
  })

  it('removing the signature alone leaves an unsigned file with a valid checksum (the two cover the same text)', async () => {
    const file = clone(await signedFile())
    const { signature: _s, ...rest } = file
    const read = await parse(JSON.stringify(rest))
    expect(read.ok && read.signature).toEqual({ status: 'unsigned' })
    expect(rest.checksum).toBe(`sha256:${await sha256(canonicalJson((({ checksum: _c, ...body }) => body)(rest)))}`)
  })

  it('editing the content without a new checksum is a damaged file, signed or not', async () => {
    const file = clone(await signedFile())
    file.learner.name = 'Ann Edited'
    const read = await parse(JSON.stringify(file))
    expect(read.ok ? 'ok' : read.error.code).toBe('bad-checksum')
  })

  it.each<[string, (f: Loose) => void]>([
    ['the course id', (f) => { f.courseId = 'c2' }],
    ['the export date', (f) => { f.exportedAt = '2025-01-06T09:00:00.001Z' }],
    ['the learner id', (f) => { f.learner.id = 'ben' }],
    ['the learner name', (f) => { f.learner.name = 'Ann Exampl' }],
    ['the allowance', (f) => { f.learner.allowance!.multiplier = 2 }],
    ['an attempt time', (f) => { f.attempts[0]!.attempt.submittedAt! += 1 }],
    ['an added field', (f) => { (f.attempts[0]!.attempt as unknown as Record<string, unknown>).note = 'x' }],
    ['an added __proto__ key', (f) => { Object.defineProperty(f, '__proto__', { value: { x: 1 }, enumerable: true, configurable: true, writable: true }) }],
    ['a removed attempt', (f) => { f.attempts = [] }],
    ['the format version', (f) => { (f as Record<string, unknown>).version = 3 }],
  ])('editing %s, even with a new checksum, fails verification', async (_what, edit) => {
    const data = clone(await signedFile())
    edit(data)
    expect(await verifyFile(data, subtle)).toEqual({ status: 'bad-signature', reason: 'mismatch' })
    const read = await parse(await reseal(data))
    expect(read.ok ? 'ok' : [read.error.code, read.error.message]).toEqual(['bad-signature', 'The file\'s signature does not match its content: it was changed after it was signed. Nothing was imported.'])
  })

  it('every single character of the signed content matters', async () => {
    const data = clone(await signedFile())
    const { checksum: _c, signature, ...content } = data
    const text = JSON.stringify(content)
    let checked = 0
    // Change each digit or letter of the content (one at a time) to another that keeps it JSON.
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!
      if (!/[0-9a-zA-Z]/.test(ch)) continue
      const edited = `${text.slice(0, i)}${ch === '1' ? '2' : ch === 'a' ? 'b' : /[0-9]/.test(ch) ? '1' : 'a'}${text.slice(i + 1)}`
      let parsed: Record<string, unknown>
      try {
        parsed = JSON.parse(edited) as Record<string, unknown>
      } catch {
        continue
      }
      expect(await verifyFile({ ...parsed, signature }, subtle), `character ${i}`).toEqual({ status: 'bad-signature', reason: 'mismatch' })
      checked++
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('a signature made with another key, under this key, fails', async () => {
    const data = clone(await signedFile())
    const other = clone(await signedFile(OTHER))
    data.signature!.value = other.signature!.value
    expect(await verifyFile(data, subtle)).toEqual({ status: 'bad-signature', reason: 'mismatch' })
  })

  it('a file re-signed with another key verifies, with that key\'s fingerprint', async () => {
    const data = clone(await signedFile())
    data.learner.name = 'Ann Forged'
    const { signature: _s, checksum: _c, ...rest } = data
    const resigned = { ...rest, signature: await signFile(rest, OTHER, subtle) }
    expect(await verifyFile(resigned, subtle)).toEqual({ status: 'signed', fingerprint: OTHER.fingerprint, publicKey: OTHER.publicJwk })
  })
})

describe('hostile signatures never throw, and are refused', () => {
  const jwk = KEY.publicJwk
  it.each<[string, (s: FileSignature) => unknown]>([
    ['not an object', () => 'signed'],
    ['null', () => null],
    ['a list', () => []],
    ['another algorithm', (s) => ({ ...s, alg: 'RS256' })],
    ['an extra field', (s) => ({ ...s, kid: 'x' })],
    ['a missing value', ({ value: _v, ...s }) => s],
    ['a value too short', (s) => ({ ...s, value: s.value.slice(0, 80) })],
    ['a value of 10,000 characters', (s) => ({ ...s, value: 'A'.repeat(10_000) })],
    ['a value with padding', (s) => ({ ...s, value: `${s.value.slice(0, 85)}=` })],
    ['a JWK of another curve', (s) => ({ ...s, publicKey: { ...jwk, crv: 'P-384' } })],
    ['an RSA JWK', (s) => ({ ...s, publicKey: { kty: 'RSA', n: 'x', e: 'AQAB' } })],
    ['a JWK with a private part', (s) => ({ ...s, publicKey: { ...jwk, d: jwk.x } })],
    ['a JWK with key_ops', (s) => ({ ...s, publicKey: { ...jwk, key_ops: ['verify'] } })],
    ['a JWK with a short x', (s) => ({ ...s, publicKey: { ...jwk, x: jwk.x.slice(0, 40) } })],
    ['a JWK with a long y', (s) => ({ ...s, publicKey: { ...jwk, y: `${jwk.y}AAAA` } })],
    ['a JWK whose x is standard base64', (s) => ({ ...s, publicKey: { ...jwk, x: `${jwk.x.slice(0, 41)}+A` } })],
    ['a point not on the curve', (s) => ({ ...s, publicKey: { ...jwk, y: 'A'.repeat(43) } })],
    ['a JWK that is text', (s) => ({ ...s, publicKey: JSON.stringify(jwk) })],
  ])('%s', async (_what, edit) => {
    const data = clone(await signedFile())
    Object.assign(data, { signature: edit(data.signature!) })
    expect((await verifyFile(data, subtle)).status).toBe('bad-signature')
    const read = await parse(await reseal(data))
    expect(read.ok ? 'ok' : read.error.code).toBe('bad-signature')
  })

  it.each<[string, unknown]>([
    ['x and y of 32 bytes', KEY.publicJwk],
    ['keys in another order', { y: KEY.publicJwk.y, x: KEY.publicJwk.x, crv: 'P-256', kty: 'EC' }],
  ])('accepts a JWK with %s', (_what, value) => {
    expect(isPublicJwk(value)).toBe(true)
  })

  it('publicJwkOf keeps only the four public fields', async () => {
    const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
    const exported = await subtle.exportKey('jwk', pair.publicKey)
    expect(Object.keys(publicJwkOf(exported)).sort()).toEqual(['crv', 'kty', 'x', 'y'])
    expect(() => publicJwkOf({ kty: 'RSA' })).toThrow()
  })
})

describe('trust on first use', () => {
  const signed = (fingerprint: string) => ({ status: 'signed' as const, fingerprint, publicKey: {} as PublicJwk })
  const pinned = { fingerprint: 'aaaaaaaaaaaaaaaa' }
  it.each<[string, { fingerprint: string } | undefined, Parameters<typeof keyDecision>[1], boolean, string | undefined]>([
    ['first signed file: pin', undefined, signed('aaaaaaaaaaaaaaaa'), true, undefined],
    ['signed by the pinned key', pinned, signed('aaaaaaaaaaaaaaaa'), false, undefined],
    ['signed by another key', pinned, signed('bbbbbbbbbbbbbbbb'), false, 'key-changed'],
    ['unsigned while a key is pinned', pinned, { status: 'unsigned' }, false, 'unsigned-after-signed'],
    ['unsigned, nothing pinned', undefined, { status: 'unsigned' }, false, undefined],
  ])('%s', (_what, pin, signature, pins, flag) => {
    const decision = keyDecision(pin, signature)
    expect({ pin: decision.pin, flag: decision.flag?.code }).toEqual({ pin: pins, flag })
  })

  it('says which keys differ, in plain words', () => {
    expect(keyDecision(pinned, signed('3f9a0c1e52b79d04')).flag?.message).toBe(
      'This file is signed by a different device key (key 3f9a 0c1e 52b7 9d04) than the first file from this learner (key aaaa aaaa aaaa aaaa).',
    )
    expect(keyDecision(pinned, { status: 'unsigned' }).flag?.message).toBe(
      'This file is not signed, but the first file from this learner was signed by a device key (key aaaa aaaa aaaa aaaa).',
    )
  })
})
