/**
 * Backup row checks for the rows that name learners and their keys on an instructor's device: a
 * learner's identity (also inside a kept-back file), kept-back files (importConflicts) and pinned
 * device keys. The other tables' checks and the rules are in backupRows.ts.
 */
import { checkAllowance } from './allowanceCheck.ts'
import { cleanName, MAX_NAME_LENGTH } from './names.ts'
import { checkResultStructure } from './resultFileStructure.ts'
import { isPublicJwk } from './signatureShape.ts'
import { arr, between, id, integer, Invalid, nullableNum, obj, oneOf, optional, str, time, type Obj } from './validate.ts'

/** A learner's id, name, origin and extra time (a learner row, or the one a kept-back file was compared with). */
export function learnerIdentity(r: Obj): void {
  id(r.id, 'id')
  const name = str(r.name, 'name')
  const clean = cleanName(name)
  if (clean === '') throw new Invalid('name', 'is empty once invisible characters are removed')
  if (clean !== name) throw new Invalid('name', 'holds invisible or control characters, or spaces at its ends, that a name typed in Debrief cannot have')
  if (name.length > MAX_NAME_LENGTH) throw new Invalid('name', `is ${name.length} characters long: a name has at most ${MAX_NAME_LENGTH}`)
  optional(r.origin, (v, p) => oneOf(v, ['local', 'imported'], p), 'origin')
  optional(r.allowance, checkAllowance, 'allowance')
}

/** Checks a nested value with `check`, the problem's path under `prefix`. */
function under(prefix: string, check: () => void): void {
  try {
    check()
  } catch (error) {
    if (error instanceof Invalid) throw new Invalid(error.path === '' ? prefix : `${prefix}.${error.path.replace(/^\./, '')}`, error.message)
    throw error
  }
}

function attemptSummaries(value: unknown, path: string): void {
  arr(value, path).forEach((v, i) => {
    const a = obj(v, `${path}[${i}]`)
    id(a.id, `${path}[${i}].id`)
    id(a.sourceId, `${path}[${i}].sourceId`)
    time(a.startedAt, `${path}[${i}].startedAt`)
    if (nullableNum(a.submittedAt, `${path}[${i}].submittedAt`) !== null) time(a.submittedAt, `${path}[${i}].submittedAt`)
    optional(a.score, (s, p) => {
      const score = obj(s, p)
      between(score.points, -1e6, 1e6, `${p}.points`)
      between(score.max, 0, 1e6, `${p}.max`)
    }, `${path}[${i}].score`)
  })
}

/** A file kept back on import (src/domain/importConflicts.ts ImportConflict): the file is checked as a result file. */
export function importConflict(r: Obj): void {
  integer(r.id, 'id', 1)
  id(r.courseId, 'courseId')
  str(r.fileName, 'fileName')
  time(r.receivedAt, 'receivedAt')
  str(r.message, 'message')
  oneOf(r.learner, ['new', 'known', 'other-name', 'local-profile'], 'learner')
  arr(r.conflictingAttemptIds, 'conflictingAttemptIds').forEach((v, i) => id(v, `conflictingAttemptIds[${i}]`))
  const file = obj(r.file, 'file')
  under('file', () => {
    // The file was stored as read, its name already cleaned: any other name was put there later.
    if (checkResultStructure(file).learnerName !== obj(file.learner, 'learner').name) throw new Invalid('learner.name', 'is not the name as Debrief reads it (invisible or control characters, or spaces at its ends)')
  })
  if (file.courseId !== r.courseId) throw new Invalid('file.courseId', 'is not the conflict\'s course')
  const device = obj(r.device, 'device')
  optional(device.learner, (v) => under('device.learner', () => learnerIdentity(obj(v, ''))), 'device.learner')
  attemptSummaries(device.attempts, 'device.attempts')
  attemptSummaries(r.fileAttempts, 'fileAttempts')
  id(r.newLearnerId, 'newLearnerId')
}

/** A key the instructor's device saw for a learner (src/db/records.ts SeenKey), under `path`. */
function seenKey(value: unknown, path: string, when: string): void {
  const k = obj(value, path)
  if (typeof k.fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(k.fingerprint)) throw new Invalid(`${path}.fingerprint`, 'is not 16 lower-case hex digits')
  if (!isPublicJwk(k.publicJwk)) throw new Invalid(`${path}.publicJwk`, 'is not a P-256 public key ({ kty: "EC", crv: "P-256", x, y })')
  str(k.fromFile, `${path}.fromFile`)
  time(k[when], `${path}.${when}`)
}

/** A learner's pinned device key (src/db/records.ts PinnedKeyRecord). */
export function pinnedKey(r: Obj): void {
  id(r.learnerId, 'learnerId')
  seenKey(r, '', 'pinnedAt')
  optional(r.offered, (v, p) => seenKey(v, p, 'at'), 'offered')
  optional(r.history, (v, p) => arr(v, p).forEach((h, i) => {
    seenKey(h, `${p}[${i}]`, 'at')
    time(obj(h, '').replacedAt, `${p}[${i}].replacedAt`)
  }), 'history')
}
