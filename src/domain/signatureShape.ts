/**
 * The shape of a device signature in a result file (deviceSignature.ts has the crypto): what a
 * reader checks without WebCrypto — the structure check, the backup's row checks — and the text
 * a signature and the checksum cover. Kept apart so pages that never verify a signature do not
 * load the crypto code.
 */
import { canonicalJsonFast } from './canonicalJsonFast.ts'
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

export type SignatureStatus =
  | { status: 'signed'; fingerprint: string; publicKey: PublicJwk }
  | { status: 'unsigned' }
  /** `malformed`: the signature field is not one this app makes; `mismatch`: it does not verify. */
  | { status: 'bad-signature'; reason: 'malformed' | 'mismatch' }

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

/** The text a signature (and the checksum) covers: the file without `checksum` and `signature`, canonical. */
export function signedText(data: Obj): string {
  const { checksum: _checksum, signature: _signature, ...rest } = data
  return canonicalJsonFast(rest)
}
