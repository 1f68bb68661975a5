/**
 * Making a profile's device key (deviceKeys.ts has the rest). Kept free of other imports, so the
 * profile form can make a key without loading the signing code: the public key's canonical JSON is
 * written out directly (its four keys in sorted order, as canonicalJson writes them), and its
 * fingerprint is the first 16 hex of that text's SHA-256, as src/domain/deviceSignature.ts
 * fingerprintOf computes it (tests/unit/instructor/deviceKeys.test.ts checks they agree).
 */
import type { PublicJwk } from '../domain/signatureShape.ts'
import type { DeviceKeyRecord } from './records.ts'

/** A new key pair for a profile (not stored); undefined when this browser cannot make one. */
export async function makeDeviceKey(learnerId: string, now: number, subtle?: SubtleCrypto): Promise<DeviceKeyRecord | undefined> {
  try {
    // No WebCrypto (see webSubtle.ts): reading `.subtle` of a missing `crypto` throws, and no key is made.
    subtle ??= crypto.subtle
    if (subtle === undefined) return undefined
    const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
    const { kty, crv, x, y } = await subtle.exportKey('jwk', pair.publicKey)
    if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') return undefined
    const publicJwk: PublicJwk = { kty, crv, x, y }
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ crv, kty, x, y })))
    const fingerprint = [...new Uint8Array(digest)].slice(0, 8).map((b) => b.toString(16).padStart(2, '0')).join('')
    return { learnerId, privateKey: pair.privateKey, publicJwk, fingerprint, createdAt: now }
  } catch {
    return undefined
  }
}
