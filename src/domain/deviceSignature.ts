/**
 * Device keys (issue 12 §3): a learner's device signs every result file it exports with its own
 * ECDSA P-256 key (ES256), and the instructor's device checks the signature on import.
 *
 * What is signed: the canonical JSON (canonicalJson.ts, UTF-8) of the whole file without
 * `checksum` and `signature` — every other field, at every depth: the very text the checksum is
 * computed over (resultFile.ts), so reading a file makes that text once for both. An edit that
 * recomputes the checksum but keeps the old signature fails verification here; removing the
 * signature leaves an unsigned file with a valid checksum.
 *
 * How the public key travels: in the file, `signature.publicKey`, a JWK with exactly
 * `{ kty: 'EC', crv: 'P-256', x, y }` (x and y base64url of 32 bytes). Its fingerprint is the
 * first 16 hex digits of SHA-256 of that JWK's canonical JSON, shown as "key 3f9a 0c1e 52b7 9d04".
 *
 * Pure over WebCrypto: the caller passes `subtle` (the browser's or Node's `crypto.subtle`).
 * `verifyFile` never throws on hostile input: sizes are bounded and the JWK is checked before use.
 */
import { canonicalJson } from './canonicalJson.ts'
import type { Obj } from './validate.ts'

export const SIGNATURE_ALG = 'ES256'

export interface PublicJwk {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
}

export interface FileSignature {
  alg: typeof SIGNATURE_ALG
  publicKey: PublicJwk
  /** base64url of the 64-byte IEEE P1363 signature (r ‖ s), as WebCrypto makes it. */
  value: string
}

/** A device's key pair as the learner's device keeps it: the private key cannot be exported. */
export interface DeviceKeyPair {
  privateKey: CryptoKey
  publicJwk: PublicJwk
  fingerprint: string
}

export type SignatureStatus =
  | { status: 'signed'; fingerprint: string; publicKey: PublicJwk }
  | { status: 'unsigned' }
  /** `malformed`: the signature field is not one this app makes; `mismatch`: it does not verify. */
  | { status: 'bad-signature'; reason: 'malformed' | 'mismatch' }

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const
/** 32 bytes in base64url without padding: 43 characters, the last one carrying 2 spare zero bits. */
const COORDINATE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/
/** 64 bytes in base64url without padding: 86 characters, the last one carrying 4 spare zero bits. */
const SIGNATURE_VALUE = /^[A-Za-z0-9_-]{85}[AQgw]$/

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const hasExactly = (o: Obj, keys: readonly string[]) => {
  const own = Object.keys(o)
  return own.length === keys.length && keys.every((k) => Object.hasOwn(o, k))
}

/** Whether `value` is a P-256 public key as this app writes it, and nothing else. */
export function isPublicJwk(value: unknown): value is PublicJwk {
  return isObj(value) && hasExactly(value, ['kty', 'crv', 'x', 'y']) && value.kty === 'EC' && value.crv === 'P-256'
    && typeof value.x === 'string' && COORDINATE.test(value.x) && typeof value.y === 'string' && COORDINATE.test(value.y)
}

/** Whether `value` is a signature field exactly as signFile writes it. */
export function isFileSignature(value: unknown): value is FileSignature {
  return isObj(value) && hasExactly(value, ['alg', 'publicKey', 'value']) && value.alg === SIGNATURE_ALG && isPublicJwk(value.publicKey)
    && typeof value.value === 'string' && SIGNATURE_VALUE.test(value.value)
}

/** The public key as it travels: only the four fields of a P-256 JWK. */
export function publicJwkOf(jwk: JsonWebKey): PublicJwk {
  const { kty, crv, x, y } = jwk
  const out = { kty, crv, x, y }
  if (!isPublicJwk(out)) throw new Error('This is not a P-256 public key.')
  return out
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')

/** First 16 hex digits of SHA-256 of the key's canonical JSON. */
export async function fingerprintOf(jwk: PublicJwk, subtle: SubtleCrypto): Promise<string> {
  return hex(await subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(jwk)))).slice(0, 16)
}

/** A fingerprint as an instructor reads it: "key 3f9a 0c1e 52b7 9d04". */
export function keyLabel(fingerprint: string): string {
  return `key ${fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint}`
}

export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  let text = ''
  for (const b of new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))) text += String.fromCharCode(b)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** The text a signature (and the checksum) covers: the file without `checksum` and `signature`, canonical. */
export function signedText(data: Obj): string {
  const { checksum: _checksum, signature: _signature, ...rest } = data
  return canonicalJson(rest)
}

/**
 * Signs a file's content (everything but `checksum` and `signature`) with the device's key;
 * `text`, when given, is signedText(data) already made.
 */
export async function signFile(data: Obj, key: DeviceKeyPair, subtle: SubtleCrypto, text = signedText(data)): Promise<FileSignature> {
  const value = await subtle.sign(ES256, key.privateKey, new TextEncoder().encode(text))
  return { alg: SIGNATURE_ALG, publicKey: key.publicJwk, value: toBase64Url(value) }
}

/**
 * Whether a file (as written, before any migration) is signed, and by which key. Never throws:
 * a signature field that is not exactly what signFile writes is `malformed`, one whose key or
 * value does not verify the content is `mismatch`. `text`, when given, is signedText(data)
 * already made (the checksum's text).
 */
export async function verifyFile(data: Obj, subtle: SubtleCrypto, text?: string): Promise<SignatureStatus> {
  if (!Object.hasOwn(data, 'signature') || data.signature === undefined) return { status: 'unsigned' }
  const signature = data.signature
  if (!isFileSignature(signature)) return { status: 'bad-signature', reason: 'malformed' }
  try {
    const publicKey = await subtle.importKey('jwk', { ...signature.publicKey, ext: true }, ECDSA, false, ['verify'])
    const ok = await subtle.verify(ES256, publicKey, fromBase64Url(signature.value), new TextEncoder().encode(text ?? signedText(data)))
    if (!ok) return { status: 'bad-signature', reason: 'mismatch' }
    return { status: 'signed', fingerprint: await fingerprintOf(signature.publicKey, subtle), publicKey: signature.publicKey }
  } catch {
    // A point that is not on the curve, or anything the content cannot be encoded from.
    return { status: 'bad-signature', reason: 'malformed' }
  }
}
