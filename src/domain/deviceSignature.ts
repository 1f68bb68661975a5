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
import { isFileSignature, isPublicJwk, SIGNATURE_ALG, signedText, type FileSignature, type PublicJwk, type SignatureStatus } from './signatureShape.ts'
import type { Obj } from './validate.ts'

export { isFileSignature, isPublicJwk, SIGNATURE_ALG, signedText, type FileSignature, type PublicJwk, type SignatureStatus } from './signatureShape.ts'

/** A device's key pair as the learner's device keeps it: the private key cannot be exported. */
export interface DeviceKeyPair {
  privateKey: CryptoKey
  publicJwk: PublicJwk
  fingerprint: string
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const

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
