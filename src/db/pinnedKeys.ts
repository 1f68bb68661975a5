/**
 * Learners' device keys as the instructor's device knows them (issue 12 §3, trust on first use;
 * rules in src/domain/deviceKeyCheck.ts). Inside an import's transaction, `withDeviceKey` pins the
 * key of a learner's first signed file, and adds the flag of a file signed by another key
 * (`key-changed`, remembering that key as the one offered) or unsigned while a key is pinned
 * (`unsigned-after-signed`) to every attempt the file writes. `trustOfferedKey` is the
 * instructor's "Trust the new key": the offered key is pinned, the old one kept in the history.
 */
import { keyDecision } from '../domain/deviceKeyCheck.ts'
import type { SignatureStatus } from '../domain/deviceSignature.ts'
import type { ResultAttemptEntry } from '../domain/resultFile.ts'
import type { DebriefDb } from './database.ts'
import { guarded, StorageError } from './errors.ts'
import type { ImportFlagRecord, PinnedKeyRecord } from './records.ts'

type Entries = { entry: ResultAttemptEntry; flags: ImportFlagRecord | undefined }[]

export interface KeyInput {
  learnerId: string
  fileName: string
  /** The file's signature as read; undefined when it was not checked (nothing is pinned or flagged). */
  signature: SignatureStatus | undefined
  now: number
}

/** The entries with the file's key flag, after pinning or noting its key (inside the import's transaction, which holds `pinnedKeys`). */
export async function withDeviceKey(db: DebriefDb, input: KeyInput, entries: Entries): Promise<Entries> {
  const { signature } = input
  if (signature === undefined || signature.status === 'bad-signature') return entries
  const pinned = await db.pinnedKeys.get(input.learnerId)
  const decision = keyDecision(pinned, signature)
  if (signature.status === 'signed') {
    const seen = { fingerprint: signature.fingerprint, publicJwk: signature.publicKey, fromFile: input.fileName, at: input.now }
    if (decision.pin) await db.pinnedKeys.put({ learnerId: input.learnerId, fingerprint: seen.fingerprint, publicJwk: seen.publicJwk, pinnedAt: input.now, fromFile: input.fileName })
    else if (pinned !== undefined && decision.flag !== undefined) await db.pinnedKeys.put({ ...pinned, offered: seen })
  }
  const flag = decision.flag
  if (flag === undefined) return entries
  return entries.map(({ entry, flags }) => {
    const row = flags ?? { attemptId: entry.attempt.id, flags: [], checkedAt: input.now, learnerGrades: [] }
    return { entry, flags: { ...row, flags: [...row.flags, flag] } }
  })
}

/** The key pinned for a learner, if any. */
export function pinnedKeyOf(db: DebriefDb, learnerId: string): Promise<PinnedKeyRecord | undefined> {
  return guarded(() => db.pinnedKeys.get(learnerId))
}

/**
 * "Trust the new key": the key last offered (a file signed by another key) becomes the pinned one;
 * the key it replaces goes to the history with the time. Flags already on attempts stay on record.
 * Throws StorageError('conflict') when no other key is waiting.
 */
export function trustOfferedKey(db: DebriefDb, learnerId: string, now: number): Promise<PinnedKeyRecord> {
  return guarded(() =>
    db.transaction('rw', db.pinnedKeys, async () => {
      const row = await db.pinnedKeys.get(learnerId)
      if (row?.offered === undefined) throw new StorageError('conflict')
      const { offered, history = [], ...current } = row
      const replaced = { fingerprint: current.fingerprint, publicJwk: current.publicJwk, fromFile: current.fromFile, at: current.pinnedAt, replacedAt: now }
      const next: PinnedKeyRecord = { learnerId, fingerprint: offered.fingerprint, publicJwk: offered.publicJwk, pinnedAt: now, fromFile: offered.fromFile, history: [...history, replaced] }
      await db.pinnedKeys.put(next)
      return next
    }),
  )
}
