/**
 * The instructor passphrase: PBKDF2-HMAC-SHA-256 through WebCrypto, a random 16-byte salt, and
 * only { salt, iterations, hash } stored in the settings table — never the passphrase.
 *
 * What this is worth: on a device the learner controls it keeps a curious learner out of the
 * instructor pages; it does not protect the data, which anyone with the browser's developer
 * tools can read (or delete, along with the passphrase) in IndexedDB.
 */
import { randomBytes } from '../platform/clock.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

/** OWASP (2023) asks for 600,000 iterations of PBKDF2-HMAC-SHA-256; we never accept fewer than 210,000. */
export const PBKDF2_ITERATIONS = 600_000
export const MIN_ITERATIONS = 210_000
const KEY = 'instructorPassphrase'
const SALT_BYTES = 16
const HASH_BITS = 256

export interface PassphraseRecord {
  /** Base64. */
  salt: string
  iterations: number
  /** Base64 of the derived 256 bits. */
  hash: string
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS)
  return new Uint8Array(bits)
}

/** Compares in time independent of where the first difference is. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

function isRecord(value: unknown): value is PassphraseRecord {
  const r = value as Partial<PassphraseRecord> | null
  return r !== null && typeof r === 'object' && typeof r.salt === 'string' && typeof r.hash === 'string' && typeof r.iterations === 'number'
}

export function getPassphraseRecord(db: DebriefDb): Promise<PassphraseRecord | undefined> {
  return guarded(async () => {
    const row = await db.settings.get(KEY)
    return isRecord(row?.value) ? row.value : undefined
  })
}

/** Whether an instructor passphrase is set on this device. */
export async function hasPassphrase(db: DebriefDb): Promise<boolean> {
  return (await getPassphraseRecord(db)) !== undefined
}

/** Sets (or replaces) the passphrase; resolves once the record is committed. */
export async function setPassphrase(db: DebriefDb, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<void> {
  const salt = randomBytes(SALT_BYTES)
  const rounds = Math.max(MIN_ITERATIONS, iterations)
  const record: PassphraseRecord = { salt: toBase64(salt), iterations: rounds, hash: toBase64(await derive(passphrase, salt, rounds)) }
  await guarded(() => db.settings.put({ key: KEY, value: record }))
}

/** True when `passphrase` matches the stored one; false when it does not or none is set. */
export async function verifyPassphrase(db: DebriefDb, passphrase: string): Promise<boolean> {
  const record = await getPassphraseRecord(db)
  if (record === undefined || record.iterations < MIN_ITERATIONS) return false
  return sameBytes(await derive(passphrase, fromBase64(record.salt), record.iterations), fromBase64(record.hash))
}
