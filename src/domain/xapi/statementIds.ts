/**
 * Name-based statement ids (UUID version 5, RFC 9562 §5.5) for an attempt's scored statements, so
 * the instructor's device can compute the ids the learner's device gave them and void exactly
 * those. Name: `debrief/<attempt id>/<verb>/<slot>/<revision>`; slot is the item id for
 * `answered` and `attempt` for completed / passed / failed; the revision counts the instructor's
 * grade changes (0 on the learner's device; see scoredStatements.ts). Pure and synchronous.
 */

/** Debrief's namespace for statement ids (a random v4 UUID, fixed forever). */
export const STATEMENT_ID_NAMESPACE = 'b8f3f1a4-6c1d-4e0b-9a57-2d4c8e61f0a3'

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n))
}

/** SHA-1 of `bytes` (FIPS 180-4); enough for UUID v5, never for security. */
export function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32))
  view.setUint32(padded.length - 4, bitLength >>> 0)
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
  const w = new Array<number>(80)
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4)
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1)
    let [a, b, c, d, e] = h as [number, number, number, number, number]
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6]
      const t = (rotl(a, 5) + f + e + k + w[i]!) >>> 0
      e = d
      d = c
      c = rotl(b, 30) >>> 0
      b = a
      a = t
    }
    h[0] = (h[0]! + a) >>> 0
    h[1] = (h[1]! + b) >>> 0
    h[2] = (h[2]! + c) >>> 0
    h[3] = (h[3]! + d) >>> 0
    h[4] = (h[4]! + e) >>> 0
  }
  const out = new Uint8Array(20)
  const outView = new DataView(out.buffer)
  h.forEach((v, i) => outView.setUint32(i * 4, v))
  return out
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/gu, '')
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16))
}

/** UUID version 5 of `name` in `namespace`, lower case. */
export function uuidV5(namespace: string, name: string): string {
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(uuidBytes(namespace))
  input.set(nameBytes, 16)
  const hash = sha1(input).slice(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export type ScoredVerb = 'answered' | 'completed' | 'passed' | 'failed'

/** The id of one scored statement of an attempt (rules at the top of the file). */
export function scoredStatementId(attemptId: string, verb: ScoredVerb, slot: string, revision: number): string {
  return uuidV5(STATEMENT_ID_NAMESPACE, `debrief/${attemptId}/${verb}/${slot}/${revision}`)
}
