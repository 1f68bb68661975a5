/**
 * The learner's device keys (issue 12 §3): one ECDSA P-256 key pair per profile, made when the
 * profile form creates the profile (stores/deviceKey.ts, right after the profile's transaction),
 * or else — a profile made before device keys existed, or one whose key could not be made then —
 * at its first export.
 * The private key is a non-extractable CryptoKey kept in IndexedDB by structured clone: it signs
 * on this device and cannot be read out, not even by a backup (it is never in one).
 *
 * Where WebCrypto is missing (a very old browser, or a page that is not a secure context), no key
 * is made and files are exported unsigned; the export page says so. Nothing here makes an export
 * fail.
 */
import { signFile } from '../domain/deviceSignature.ts'
import type { FileSigner } from '../domain/resultFile.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import type { DeviceKeyRecord } from './records.ts'
import { makeDeviceKey } from './deviceKeyMaker.ts'
import { webSubtle } from './webSubtle.ts'

export { makeDeviceKey }

/**
 * The profile's key, made and stored now if it has none yet (profiles made before device keys).
 * Undefined when this browser cannot make one. Two tabs making one at once keep the first.
 */
export async function deviceKeyFor(db: DebriefDb, learnerId: string, now: number, subtle = webSubtle()): Promise<DeviceKeyRecord | undefined> {
  const stored = await guarded(() => db.deviceKeys.get(learnerId))
  if (stored !== undefined) return stored
  const made = await makeDeviceKey(learnerId, now, subtle)
  if (made === undefined) return undefined
  return guarded(() =>
    db.transaction('rw', db.deviceKeys, async () => {
      const first = await db.deviceKeys.get(learnerId)
      if (first !== undefined) return first
      await db.deviceKeys.add(made)
      return made
    }),
  )
}

/**
 * What signs a profile's file: its key (made now if it has none), or undefined — never an error —
 * when this browser cannot sign or the key cannot be read or made. Only a profile of this device
 * has a key; a learner imported here has none.
 */
export async function profileSigner(db: DebriefDb, learnerId: string, now: number, subtle = webSubtle()): Promise<FileSigner | undefined> {
  if (subtle === undefined) return undefined
  try {
    const learner = await db.learners.get(learnerId)
    const key = learner?.origin === 'local' ? await deviceKeyFor(db, learnerId, now, subtle) : undefined
    return key === undefined ? undefined : (body, text) => signFile(body, key, subtle, text)
  } catch {
    return undefined
  }
}
