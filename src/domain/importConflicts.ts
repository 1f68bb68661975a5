/**
 * Who is who on import (issue 12 §3): a result file names a learner id and attempt ids, and a
 * learner with a text editor can name anyone's. So before a file is written, what it claims is
 * compared with what the instructor's device already holds, and a mismatch is a conflict for the
 * instructor to resolve, never first-come-wins:
 * - learner conflict: the file's learner id is on the device with another (cleaned) name, or is a
 *   profile made on this device (origin 'local'): a file never writes into a local profile;
 * - attempt conflict: an attempt id on the device whose content differs from the file's;
 * - identical: same id, same content: idempotent, counted as "already imported";
 * - new otherwise.
 * Content is the attempt's digest (attemptDigest): canonical JSON of the attempt and its
 * responses (the newest per item, by item id), key order ignored. It leaves out what the
 * instructor's device rewrites on its own copy: the item snapshots (replaced by the course's
 * items on import) and the slots' versions (moved by a regrade).
 */
import { canonicalJson } from './canonicalJson.ts'
import { cleanName } from './names.ts'
import type { ResultFile } from './resultFile.ts'
import type { Attempt, SavedResponse } from './types.ts'
import { MAX_ID_LENGTH } from './validate.ts'

export interface DeviceLearner {
  id: string
  name: string
  origin: 'local' | 'imported'
  allowance?: { multiplier?: number; extraMinutes?: number }
}

/** One attempt as the conflict view shows it, on either side. */
export interface AttemptSummary {
  id: string
  sourceId: string
  startedAt: number
  submittedAt: number | null
  /** Points scored and possible, when the attempt could be graded. */
  score?: { points: number; max: number }
}

export type LearnerConflictReason = 'other-name' | 'local-profile'

export interface FileDecision {
  learner: 'new' | 'known' | LearnerConflictReason
  /** Attempt ids in the file's order, by what they are on the device. */
  attempts: { id: string; verdict: 'new' | 'identical' | 'conflict' }[]
}

/** The newest response per item (highest seq), as the device stores them. */
export function newestResponses(responses: readonly SavedResponse[]): SavedResponse[] {
  const byItem = new Map<string, SavedResponse>()
  for (const r of responses) {
    const current = byItem.get(r.itemId)
    if (current === undefined || r.seq > current.seq) byItem.set(r.itemId, r)
  }
  return [...byItem.values()]
}

/** The attempt's content as compared on import (rules at the top of the file). */
export function attemptDigest(attempt: Attempt, responses: readonly SavedResponse[]): string {
  const { snapshots: _snapshots, ...rest } = attempt
  const slots = attempt.slots.map(({ version: _version, ...slot }) => slot)
  const own = newestResponses(responses.filter((r) => r.attemptId === attempt.id)).sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0))
  return canonicalJson({ attempt: { ...rest, slots }, responses: own })
}

/**
 * What a file is against the device: `learner` is the device's row of the file's learner id,
 * `digests` the content digest of each of the file's attempt ids already on the device.
 */
export function decideFile(file: ResultFile, learner: DeviceLearner | undefined, digests: ReadonlyMap<string, string>): FileDecision {
  const verdict = learner === undefined ? 'new' : learner.origin === 'local' ? 'local-profile' : cleanName(learner.name) !== cleanName(file.learner.name) ? 'other-name' : 'known'
  return {
    learner: verdict,
    attempts: file.attempts.map(({ attempt, responses }) => {
      const held = digests.get(attempt.id)
      return { id: attempt.id, verdict: held === undefined ? 'new' : held === attemptDigest(attempt, responses) ? 'identical' : 'conflict' }
    }),
  }
}

/** Whether the file must wait for the instructor. */
export function isConflict(decision: FileDecision): boolean {
  return (decision.learner !== 'new' && decision.learner !== 'known') || decision.attempts.some((a) => a.verdict === 'conflict')
}

/**
 * The id a file's learner gets as "someone else": `<id>~2`, `<id>~3`, … the first one not taken,
 * so the same file and device always give the same id (the id cut to fit the id limit).
 */
export function newLearnerId(fileId: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `~${n}`
    const candidate = `${fileId.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

/** The file with its learner under another id (its attempts and responses follow). */
export function withLearnerId(file: ResultFile, learnerId: string): ResultFile {
  return {
    ...file,
    learner: { ...file.learner, id: learnerId },
    attempts: file.attempts.map((entry) => ({ ...entry, attempt: { ...entry.attempt, learnerId } })),
  }
}

/** What the outcome says of a conflict, in plain words. */
export function conflictMessage(file: ResultFile, learner: DeviceLearner | undefined, decision: FileDecision): string {
  const parts: string[] = []
  if (decision.learner === 'local-profile' && learner !== undefined) {
    parts.push(`This file names learner "${file.learner.id}", which is a profile made on this device ("${learner.name}"); a file never writes into a profile of this device.`)
  } else if (decision.learner === 'other-name' && learner !== undefined) {
    parts.push(`This file names learner "${file.learner.id}", who is already on this device as "${learner.name}"; the file says "${file.learner.name}".`)
  }
  const clashing = decision.attempts.filter((a) => a.verdict === 'conflict').map((a) => `"${a.id}"`)
  if (clashing.length > 0) {
    parts.push(`${clashing.length === 1 ? `Attempt ${clashing[0]} is` : `Attempts ${clashing.join(', ')} are`} already on this device with other answers or times.`)
  }
  return `${parts.join(' ')} Nothing was imported: choose how to resolve it below.`
}

/** A file kept back for the instructor: what it says and what the device holds, side by side. */
export interface ImportConflict {
  /** Assigned by the database. */
  id?: number
  courseId: string
  fileName: string
  receivedAt: number
  message: string
  learner: FileDecision['learner']
  /** The file's attempt ids that are on the device with other content. */
  conflictingAttemptIds: string[]
  /** The file as read (checksum verified). */
  file: ResultFile
  device: { learner?: DeviceLearner; attempts: AttemptSummary[] }
  fileAttempts: AttemptSummary[]
  /** The id "It is someone else" would give the file's learner. */
  newLearnerId: string
}

/** How the instructor resolves a conflict. */
export type ConflictChoice = 'same-person' | 'new-learner' | 'keep-device' | 'discard'

/** The choices the conflict view offers (a local profile is never written into). */
export function conflictChoices(conflict: Pick<ImportConflict, 'learner'>): ConflictChoice[] {
  if (conflict.learner === 'local-profile') return ['new-learner', 'discard']
  if (conflict.learner === 'other-name') return ['same-person', 'new-learner', 'discard']
  return ['keep-device', 'discard']
}

/** A learner's extra time in words, for the side-by-side view. */
export function allowanceWords(allowance: DeviceLearner['allowance']): string {
  const parts = [
    ...(allowance?.multiplier !== undefined && allowance.multiplier !== 1 ? [`${allowance.multiplier} × the time`] : []),
    ...(allowance?.extraMinutes !== undefined && allowance.extraMinutes > 0 ? [`${allowance.extraMinutes} extra minutes`] : []),
  ]
  return parts.length === 0 ? 'none' : parts.join(' and ')
}

/** What each choice's button says. */
export function choiceLabel(choice: ConflictChoice, conflict: Pick<ImportConflict, 'newLearnerId'>): string {
  switch (choice) {
    case 'same-person': return 'It is the same person: import'
    case 'new-learner': return `It is someone else: import as a new learner (id "${conflict.newLearnerId}")`
    case 'keep-device': return 'Keep the one on this device'
    case 'discard': return 'Discard the file'
  }
}
