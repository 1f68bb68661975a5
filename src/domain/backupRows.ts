/**
 * The row checks of a backup: every row of every table is checked with the result file's own
 * structural checks (validate.ts, validateItem.ts, resultFileStructure.ts, names.ts), so a
 * restored row can never break a learner's or an instructor's page. The first problem is thrown
 * as a BackupRowError naming the table, the row (counted from 1) and the field.
 *
 * Cross-checks: no two rows of a table share a key; each attempt's learner is among the file's
 * learners and each response's attempt among its attempts (when the file holds those tables); an
 * attempt with a slot that names no snapshot has its import check in the file's importFlags (on
 * import, a slot at a version the instructor's course cannot verify keeps no snapshot, so the
 * instructor's own backup holds such attempts; any other attempt without its snapshot is refused).
 */
import { importConflict, learnerIdentity, pinnedKey } from './backupIdentityRows.ts'
import { checkCertainty } from './certaintyCheck.ts'
import { DEVICE_ONLY_SETTINGS, PASSPHRASE_KEY } from './deviceSettings.ts'
import { checkAttempt } from './resultFileStructure.ts'
import {
  arr, between, bool, everyNumberBounded, id, idList, integer, Invalid, nullableNum, obj, oneOf, optional, points, str, time, type Obj,
} from './validate.ts'
import { checkAnswer } from './validateItem.ts'

export type BackupTables = Record<string, Record<string, unknown>[]>

/**
 * The primary key fields of each table the backup knows, in the database's order. Never here:
 * `deviceKeys` (NEVER_IN_BACKUP: a private key must not leave the device) and `sealedItems` (a
 * course's sealed items, opened on this device: docs/sealed-assessments.md; a backup may leave the
 * device, and the items come back by opening the key file again). `pinnedKeys` (learners' public
 * keys an instructor pinned) is instructor data: in a whole-device backup only. Nor `outbox` (xAPI
 * statements waiting for the LRS: device data about this device's sending; a restore elsewhere must
 * not send them a second time from a second device, and the LRS, not the backup, is where they
 * belong once sent; a restored attempt's statements were already queued on the device that made it).
 */
export const BACKUP_TABLE_KEYS: Readonly<Record<string, readonly string[]>> = {
  learners: ['id'],
  lessonProgress: ['learnerId', 'courseId', 'lessonId'],
  attempts: ['id'],
  responses: ['attemptId', 'itemId'],
  reviewCards: ['learnerId', 'courseId', 'itemId'],
  settings: ['key'],
  manualGrades: ['attemptId', 'itemId'],
  gradeHistory: ['id'],
  importFlags: ['attemptId'],
  importConflicts: ['id'],
  pinnedKeys: ['learnerId'],
}

/**
 * Tables a backup never holds, and a restore ignores if a file names them: `deviceKeys`, each
 * profile's private signing key. A private key must not leave the device (and, non-extractable,
 * it cannot): a profile restored on another device gets a new key at its first export, and the
 * instructor sees the new key as "key-changed" until they trust it.
 */
export const NEVER_IN_BACKUP: readonly string[] = ['deviceKeys']

export const ACTIVE_LEARNER_KEY = 'activeLearner'
/**
 * `settings` rows of this device alone (src/domain/deviceSettings.ts): the passphrase record, and
 * the instructor's LRS override, whose secret must never leave the device in a file. A backup
 * never reads them; a restore never writes, replaces or removes them.
 */
export { DEVICE_ONLY_SETTINGS, PASSPHRASE_KEY }

export class BackupRowError extends Error {
  constructor(readonly table: string, readonly row: number, readonly field: string, reason: string) {
    super(`row ${row} of "${table}": ${field === '' ? '' : `${field} `}${reason}`)
  }
}

const LESSON_STATES = ['not-started', 'in-progress', 'done'] as const
const MAX_SECONDS = 1e9

function learner(r: Obj): void {
  learnerIdentity(r)
  time(r.createdAt, 'createdAt')
}

function lessonProgress(r: Obj): void {
  id(r.learnerId, 'learnerId')
  id(r.courseId, 'courseId')
  id(r.lessonId, 'lessonId')
  oneOf(r.state, LESSON_STATES, 'state')
  between(r.readFraction, 0, 1, 'readFraction')
  between(r.secondsSpent, 0, MAX_SECONDS, 'secondsSpent')
  time(r.updatedAt, 'updatedAt')
}

/** The indexes of an attempt row's slots that name no snapshot (an own key of `snapshots`). */
function unverifiedSlots(r: Obj): number[] {
  const snapshots = r.snapshots !== null && typeof r.snapshots === 'object' ? r.snapshots : {}
  if (!Array.isArray(r.slots)) return []
  return r.slots.flatMap((s: unknown, i) => {
    const version = s !== null && typeof s === 'object' ? (s as Obj).version : undefined
    return typeof version === 'string' && !Object.hasOwn(snapshots, version) ? [i] : []
  })
}

function attempt(r: Obj): void {
  // A slot without a snapshot (see the top of the file) has its ids checked here, the others as in
  // a result file; checkUnverifiedSlots then asks for the attempt's import check.
  const unverified = new Set(unverifiedSlots(r))
  for (const i of unverified) {
    const slot = (r.slots as Obj[])[i]!
    id(slot.itemId, `slots[${i}].itemId`)
    id(slot.version, `slots[${i}].version`)
    optional(slot.order, idList, `slots[${i}].order`)
  }
  const slots = Array.isArray(r.slots) ? r.slots.filter((_: unknown, i) => !unverified.has(i)) : r.slots
  // The attempt's own course and learner are what the slots and snapshots are checked against.
  checkAttempt({ ...r, slots }, '', typeof r.courseId === 'string' ? r.courseId : '', typeof r.learnerId === 'string' ? r.learnerId : '')
}

function response(r: Obj): void {
  id(r.attemptId, 'attemptId')
  id(r.itemId, 'itemId')
  checkAnswer(r.answer, 'answer')
  bool(r.flagged, 'flagged')
  time(r.savedAt, 'savedAt')
  integer(r.seq, 'seq', 0)
  optional(r.certainty, checkCertainty, 'certainty')
}

function reviewCard(r: Obj): void {
  id(r.learnerId, 'learnerId')
  id(r.courseId, 'courseId')
  id(r.itemId, 'itemId')
  time(r.due, 'due')
  const card = obj(r.card, 'card')
  time(card.due, 'card.due')
  for (const field of ['stability', 'difficulty', 'elapsedDays', 'scheduledDays'] as const) between(card[field], 0, 1e6, `card.${field}`)
  for (const field of ['learningSteps', 'reps', 'lapses'] as const) integer(card[field], `card.${field}`, 0)
  oneOf(card.state, [0, 1, 2, 3], 'card.state')
  if (card.lastReview !== null) time(card.lastReview, 'card.lastReview')
}

function setting(r: Obj): void {
  const key = id(r.key, 'key')
  if (key === ACTIVE_LEARNER_KEY) id(r.value, 'value')
}

function manualGrade(r: Obj): void {
  id(r.attemptId, 'attemptId')
  id(r.itemId, 'itemId')
  const criteria = obj(r.criteria, 'criteria')
  for (const [k, v] of Object.entries(criteria)) points(v, `criteria.${k}`)
  points(r.score, 'score')
  str(r.comment, 'comment')
  time(r.gradedAt, 'gradedAt')
}

function gradeHistory(r: Obj): void {
  integer(r.id, 'id', 1)
  id(r.attemptId, 'attemptId')
  time(r.at, 'at')
  oneOf(r.kind, ['manual-grade', 'regrade'], 'kind')
  id(r.itemId, 'itemId')
  if (nullableNum(r.before, 'before') !== null) points(r.before, 'before')
  points(r.after, 'after')
  str(r.note, 'note')
}

/** The instructor's course check of an imported attempt (src/db/records.ts ImportFlagRecord). */
function importFlag(r: Obj): void {
  id(r.attemptId, 'attemptId')
  arr(r.flags, 'flags').forEach((value, i) => {
    const f = obj(value, `flags[${i}]`)
    id(f.code, `flags[${i}].code`)
    str(f.message, `flags[${i}].message`)
    optional(f.itemId, id, `flags[${i}].itemId`)
  })
  time(r.checkedAt, 'checkedAt')
  arr(r.learnerGrades, 'learnerGrades').forEach((value, i) => {
    try {
      manualGrade(obj(value, ''))
    } catch (error) {
      if (error instanceof Invalid) throw new Invalid(`learnerGrades[${i}].${error.path}`, error.message)
      throw error
    }
  })
  optional(r.acceptedAt, time, 'acceptedAt')
}

const ROW_CHECKS: Readonly<Record<string, (row: Obj) => void>> = {
  learners: learner, lessonProgress, attempts: attempt, responses: response, reviewCards: reviewCard, settings: setting, manualGrades: manualGrade, gradeHistory,
  importFlags: importFlag, importConflicts: importConflict, pinnedKeys: pinnedKey,
}

const keyOf = (row: Obj, table: string) => JSON.stringify((BACKUP_TABLE_KEYS[table] ?? []).map((k) => row[k]))

/** Checks one table's rows (structure, bounds, unique keys); throws BackupRowError. */
function checkTable(table: string, rows: readonly unknown[]): void {
  const check = ROW_CHECKS[table]!
  const seen = new Map<string, number>()
  rows.forEach((value, index) => {
    const row = index + 1
    try {
      const r = obj(value, '')
      check(r)
      everyNumberBounded(r)
      const key = keyOf(r, table)
      const first = seen.get(key)
      if (first !== undefined) throw new Invalid((BACKUP_TABLE_KEYS[table] ?? []).join('+'), `is the same as in row ${first}: each row needs its own`)
      seen.set(key, row)
    } catch (error) {
      if (error instanceof Invalid) throw new BackupRowError(table, row, error.path.replace(/^\./, ''), error.message)
      throw error
    }
  })
}

/** Throws BackupRowError on the first row the named table does not hold. */
function checkReferences(tables: BackupTables, table: string, field: string, target: string, targetField: string): void {
  const rows = tables[table]
  const targets = tables[target]
  if (rows === undefined || targets === undefined) return
  const known = new Set(targets.map((t) => t[targetField]))
  rows.forEach((r, index) => {
    if (!known.has(r[field])) throw new BackupRowError(table, index + 1, field, `names "${String(r[field])}", which is not in the backup's "${target}"`)
  })
}

/** Throws BackupRowError on the first attempt with a slot naming no snapshot and no import check in the file. */
function checkUnverifiedSlots(tables: BackupTables): void {
  const checked = new Set((tables.importFlags ?? []).map((f) => f.attemptId))
  ;(tables.attempts ?? []).forEach((r, index) => {
    const [first] = unverifiedSlots(r)
    if (first !== undefined && !checked.has(r.id)) {
      throw new BackupRowError('attempts', index + 1, `slots[${first}].version`, 'names no snapshot in .snapshots, and the backup holds no import check for this attempt (only an imported attempt may lack a snapshot)')
    }
  })
}

/**
 * Throws BackupRowError (table, row, field and reason) unless every row of every table is well
 * formed; `tables` holds only known tables (backupFile.ts checks the names first).
 */
export function checkBackupRows(tables: BackupTables): void {
  for (const [table, rows] of Object.entries(tables)) checkTable(table, rows)
  checkReferences(tables, 'attempts', 'learnerId', 'learners', 'id')
  checkReferences(tables, 'responses', 'attemptId', 'attempts', 'id')
  checkUnverifiedSlots(tables)
}
