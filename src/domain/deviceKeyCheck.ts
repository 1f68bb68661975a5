/**
 * Trust on first use of learners' device keys, on the instructor's side (issue 12 §3). The first
 * signed file for a learner id pins its key; a later file signed by another key, or unsigned while
 * a key is pinned, flags every attempt of that file with the reason. The same rules serve the app
 * (src/db/pinnedKeys.ts, pins kept in the database) and `npm run report` (pins kept for one run).
 *
 * What it proves (docs/result-file.md, "Device keys"): a file signed by the pinned key came from
 * the device that sent the first file, or from someone who has that device. It does not prove who
 * sat an attempt, nor that the first file was genuine.
 */
import { keyLabel, type SignatureStatus } from './deviceSignature.ts'
import type { ImportFlag } from './importChecks.ts'

export type KeyFlagCode = 'key-changed' | 'unsigned-after-signed'

export interface KeyDecision {
  /** Set when the file disagrees with the pinned key: added to every attempt of the file. */
  flag?: ImportFlag & { code: KeyFlagCode }
  /** True for the first signed file of a learner: pin its key. */
  pin: boolean
}

/** What a file's signature means against the key pinned for its learner (none: undefined). */
export function keyDecision(pinned: { fingerprint: string } | undefined, signature: SignatureStatus): KeyDecision {
  if (signature.status === 'signed') {
    if (pinned === undefined) return { pin: true }
    if (pinned.fingerprint === signature.fingerprint) return { pin: false }
    return {
      pin: false,
      flag: {
        code: 'key-changed',
        message: `This file is signed by a different device key (${keyLabel(signature.fingerprint)}) than the first file from this learner (${keyLabel(pinned.fingerprint)}).`,
      },
    }
  }
  if (signature.status === 'unsigned' && pinned !== undefined) {
    return {
      pin: false,
      flag: {
        code: 'unsigned-after-signed',
        message: `This file is not signed, but the first file from this learner was signed by a device key (${keyLabel(pinned.fingerprint)}).`,
      },
    }
  }
  return { pin: false }
}

/** The words for a file whose signature fails: it is refused, and nothing of it is imported. */
export function badSignatureMessage(reason: 'malformed' | 'mismatch'): string {
  return reason === 'mismatch'
    ? 'The file\'s signature does not match its content: it was changed after it was signed. Nothing was imported.'
    : 'The file\'s signature is damaged (it is not a device signature Debrief makes). Nothing was imported. Ask the learner to export the file again.'
}

/** The line `npm run report` prints for a file's signature. */
export function signatureLine(signature: SignatureStatus | undefined): string {
  if (signature?.status === 'signed') return `signed with ${keyLabel(signature.fingerprint)}`
  return 'not signed'
}
