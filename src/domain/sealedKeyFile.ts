/**
 * The key file of a course's sealed assessments (docs/sealed-assessments.md): the full items the
 * learners' chunks carry only as stubs, encrypted so a learner's device can hold none of them.
 *
 * - A random 256-bit data key K encrypts (AES-GCM, random 96-bit IV) the JSON
 *   `{ courseId, blueprints, items }`.
 * - K is wrapped (AES-GCM, its own IV) by a key derived from the deploy secret with PBKDF2-SHA-256
 *   (310,000 iterations, random 128-bit salt): the instructor's unlock code is that secret.
 * - The release code is K itself in Crockford base32: it opens the payload and nothing else, so an
 *   instructor can hand it to learners when results are released without giving away the secret.
 * - Both encryptions bind the format, version and course id as additional data, so a file edited
 *   to name another course, or any flipped byte, is refused.
 * Pure over WebCrypto: the caller passes `SubtleCrypto` in (and, to seal, a source of random
 * bytes), as src/domain touches no globals; the same code runs in Node 20 (the build, the tests)
 * and in browsers (`crypto.subtle`). Nothing here throws on bad input: every outcome is a result.
 */
import { parseJsonWithin } from './safeJson.ts'
import type { VersionedItem } from './types.ts'

export const KEY_FILE_FORMAT = 'debrief-sealed-keys'
export const KEY_FILE_VERSION = 1
export const PBKDF2_ITERATIONS = 310_000
/** A key file holds one course's sealed items; 5 million characters is far above any course. */
export const MAX_KEY_FILE_CHARS = 5_000_000

export interface SealedPayload {
  courseId: string
  /** The sealed blueprints' ids. */
  blueprints: string[]
  /** The full sealed items. */
  items: VersionedItem[]
}

export interface SealedKeyFile {
  format: typeof KEY_FILE_FORMAT
  version: typeof KEY_FILE_VERSION
  courseId: string
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  wrappedKey: { iv: string; data: string }
  payload: { iv: string; data: string }
}

export type OpenResult =
  | { ok: true; courseId: string; blueprints: string[]; items: VersionedItem[] }
  | { ok: false; reason: 'wrong-secret' | 'wrong-code' | 'damaged'; message: string }
export type OpenWithSecretResult = (OpenResult & { ok: false }) | (OpenResult & { ok: true; releaseCode: string })
export type ParseResult = { ok: true; file: SealedKeyFile } | { ok: false; message: string }

/** Random bytes (src/platform/clock.ts `randomBytes` in the app, node:crypto in the build). */
export type RandomBytes = (length: number) => Uint8Array
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Bytes as a plain ArrayBuffer (WebCrypto's parameter type). */
function buf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!)
  return btoa(binary)
}

/** undefined for text that is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

// ---- Release codes: Crockford base32 of K, in groups of 4 ----

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** The release code of a 32-byte data key: 52 Crockford base32 characters in groups of four. */
export function releaseCodeOf(key: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of key) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31]
  return out.match(/.{1,4}/g)!.join('-')
}

/**
 * The data key a release code stands for; undefined when it is not one. Case, dashes and spaces
 * do not matter, and the look-alikes Crockford allows are read as he says (O → 0, I and L → 1).
 */
export function keyOfReleaseCode(code: string): Uint8Array | undefined {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (clean.length !== 52) return undefined
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of clean) {
    const digit = CROCKFORD.indexOf(ch)
    if (digit < 0) return undefined
    value = (value << 5) | digit
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
    value &= (1 << bits) - 1
  }
  // 52 × 5 = 260 bits: 32 bytes and 4 padding bits, which must be zero.
  if (out.length !== 32 || value !== 0) return undefined
  return new Uint8Array(out)
}

// ---- Crypto ----

function additionalData(courseId: string): ArrayBuffer {
  return buf(encoder.encode(`${KEY_FILE_FORMAT}:${KEY_FILE_VERSION}:${courseId}`))
}

async function wrappingKey(subtle: SubtleCrypto, secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await subtle.importKey('raw', buf(encoder.encode(secret)), 'PBKDF2', false, ['deriveKey'])
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

function aesKey(subtle: SubtleCrypto, raw: Uint8Array): Promise<CryptoKey> {
  return subtle.importKey('raw', buf(raw), 'AES-GCM', false, ['encrypt', 'decrypt'])
}

async function encrypt(subtle: SubtleCrypto, key: CryptoKey, iv: Uint8Array, data: Uint8Array, aad: ArrayBuffer): Promise<string> {
  return toBase64(new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: aad }, key, buf(data))))
}

/** undefined when the key is wrong or the data was changed. */
async function decrypt(subtle: SubtleCrypto, key: CryptoKey, box: { iv: string; data: string }, aad: ArrayBuffer): Promise<Uint8Array | undefined> {
  const iv = fromBase64(box.iv)
  const data = fromBase64(box.data)
  if (iv === undefined || data === undefined) return undefined
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: aad }, key, buf(data)))
  } catch {
    return undefined
  }
}

/** Encrypts `input` under a fresh data key wrapped by `secret`. */
export async function sealKeyFile(input: SealedPayload, secret: string, subtle: SubtleCrypto, random: RandomBytes): Promise<SealedKeyFile> {
  const key = random(32)
  const salt = random(16)
  const keyIv = random(12)
  const payloadIv = random(12)
  const aad = additionalData(input.courseId)
  const wrapping = await wrappingKey(subtle, secret, salt, PBKDF2_ITERATIONS)
  const payload: SealedPayload = { courseId: input.courseId, blueprints: [...input.blueprints], items: input.items }
  return {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    courseId: input.courseId,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    wrappedKey: { iv: toBase64(keyIv), data: await encrypt(subtle, wrapping, keyIv, key, aad) },
    payload: { iv: toBase64(payloadIv), data: await encrypt(subtle, await aesKey(subtle, key), payloadIv, encoder.encode(JSON.stringify(payload)), aad) },
  }
}

const DAMAGED = 'This key file is damaged: its contents do not match their checksum. Download it again from the course site.'

function payloadOf(bytes: Uint8Array, courseId: string): SealedPayload | undefined {
  const parsed = parseJsonWithin(decoder.decode(bytes), { maxChars: MAX_KEY_FILE_CHARS, what: 'a key file' })
  if (!parsed.ok) return undefined
  const p = parsed.value as Partial<SealedPayload> | null
  if (p === null || typeof p !== 'object' || p.courseId !== courseId) return undefined
  if (!Array.isArray(p.blueprints) || !p.blueprints.every((b) => typeof b === 'string')) return undefined
  if (!Array.isArray(p.items)) return undefined
  const fine = p.items.every((i: unknown) => {
    const o = i as Record<string, unknown> | null
    return o !== null && typeof o === 'object' && typeof o.id === 'string' && typeof o.version === 'string' && typeof o.type === 'string'
  })
  return fine ? { courseId, blueprints: p.blueprints, items: p.items } : undefined
}

async function openPayload(subtle: SubtleCrypto, file: SealedKeyFile, key: Uint8Array): Promise<SealedPayload | undefined> {
  const bytes = await decrypt(subtle, await aesKey(subtle, key), file.payload, additionalData(file.courseId))
  return bytes === undefined ? undefined : payloadOf(bytes, file.courseId)
}

/** The instructor's unlock: the deploy secret opens the data key, the data key the items. */
export async function openWithSecret(file: SealedKeyFile, secret: string, subtle: SubtleCrypto): Promise<OpenWithSecretResult> {
  const salt = fromBase64(file.kdf.salt)
  if (salt === undefined) return { ok: false, reason: 'damaged', message: DAMAGED }
  const key = await decrypt(subtle, await wrappingKey(subtle, secret, salt, file.kdf.iterations), file.wrappedKey, additionalData(file.courseId))
  if (key === undefined || key.length !== 32) {
    return { ok: false, reason: 'wrong-secret', message: 'That unlock code does not open this course’s sealed assessments. Check it and try again.' }
  }
  const payload = await openPayload(subtle, file, key)
  if (payload === undefined) return { ok: false, reason: 'damaged', message: DAMAGED }
  return { ok: true, ...payload, releaseCode: releaseCodeOf(key) }
}

/** A learner's (or anyone's) unlock with the release code the instructor gave out. */
export async function openWithReleaseCode(file: SealedKeyFile, code: string, subtle: SubtleCrypto): Promise<OpenResult> {
  const wrong = { ok: false as const, reason: 'wrong-code' as const, message: 'That release code does not open this course’s results. Check it with your instructor.' }
  const key = keyOfReleaseCode(code)
  if (key === undefined) return wrong
  const payload = await openPayload(subtle, file, key)
  return payload === undefined ? wrong : { ok: true, ...payload }
}

function isBox(value: unknown): value is { iv: string; data: string } {
  const o = value as Record<string, unknown> | null
  return o !== null && typeof o === 'object' && typeof o.iv === 'string' && typeof o.data === 'string'
}

/** A key file read from text (a fetch, a file); never throws. */
export function parseSealedKeyFile(text: string): ParseResult {
  const parsed = parseJsonWithin(text, { maxChars: MAX_KEY_FILE_CHARS, what: 'a key file' })
  if (!parsed.ok) return { ok: false, message: parsed.message }
  const f = parsed.value as Record<string, unknown> | null
  if (f === null || typeof f !== 'object' || f.format !== KEY_FILE_FORMAT) {
    return { ok: false, message: 'This is not a sealed-assessment key file. Download it again from the course site.' }
  }
  if (f.version !== KEY_FILE_VERSION) {
    return { ok: false, message: `This key file is version ${String(f.version)}; this app reads version ${KEY_FILE_VERSION}. Reload the app to update it, then try again.` }
  }
  const kdf = f.kdf as Record<string, unknown> | null
  const kdfFine =
    kdf !== null && typeof kdf === 'object' && kdf.name === 'PBKDF2' && kdf.hash === 'SHA-256' && typeof kdf.salt === 'string' &&
    typeof kdf.iterations === 'number' && Number.isInteger(kdf.iterations) && kdf.iterations >= PBKDF2_ITERATIONS && kdf.iterations <= 10_000_000
  if (typeof f.courseId !== 'string' || f.courseId === '' || !kdfFine || !isBox(f.wrappedKey) || !isBox(f.payload)) {
    return { ok: false, message: DAMAGED.replace('its contents do not match their checksum', 'a part of it is missing or has the wrong form') }
  }
  return { ok: true, file: f as unknown as SealedKeyFile }
}
