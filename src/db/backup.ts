/**
 * Backups of one profile or of the whole device, and restores that change only what the file
 * holds, all or nothing (rules in src/domain/backupFile.ts).
 *
 * Who may do what is checked here, not only by what the page shows: the caller says whether
 * instructor mode is unlocked (`BackupAccess`), and a whole-device backup is neither read nor
 * restored without it. The instructor passphrase record is never read into a backup and never
 * written, removed or replaced by a restore.
 */
import Dexie from 'dexie'
import { ACTIVE_LEARNER_KEY, DEVICE_ONLY_SETTINGS, PASSPHRASE_KEY } from '../domain/backupRows.ts'
import { BACKUP_TABLE_KEYS, needsInstructor, type BackupFile, type BackupTables } from '../domain/backupFile.ts'
import type { DebriefDb } from './database.ts'
import { toStorageError } from './errors.ts'

const TABLES = Object.keys(BACKUP_TABLE_KEYS)

export interface BackupAccess {
  /** Whether instructor mode is unlocked in this tab (the instructor store's `unlocked`). */
  instructorUnlocked: boolean
}

export const INSTRUCTOR_ONLY =
  'This backup holds other learners’ data or an instructor’s grades, so only an instructor can restore it. Unlock instructor mode (type the passphrase), then try again. Nothing was restored.'
export const DEVICE_BACKUP_INSTRUCTOR_ONLY =
  'A backup of the whole device holds every learner’s answers and grades, so it needs instructor mode. Unlock instructor mode, or back up your own profile instead.'

/** An app's own refusal: kept as a plain Error so its words reach the page (errorMessage.ts). */
class Refusal extends Error {}

/** Runs a backup transaction; a refusal keeps its words, anything else becomes a StorageError. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Refusal) throw new Error(error.message)
    throw toStorageError(error)
  }
}

const between = (learnerId: string) => [[learnerId, Dexie.minKey], [learnerId, Dexie.maxKey]] as const

/** One profile's own rows: its learner row, reading progress, attempts, responses, review cards and active-profile setting. */
export function readLearnerTables(db: DebriefDb, learnerId: string): Promise<BackupTables> {
  return run(() =>
    db.transaction('r', [db.learners, db.lessonProgress, db.attempts, db.responses, db.reviewCards], async () => {
      const learner = await db.learners.get(learnerId)
      if (learner === undefined || learner.origin !== 'local') throw new Refusal('That profile is no longer on this device, so there is nothing to back up.')
      const [from, to] = between(learnerId)
      const attempts = await db.attempts.where('[learnerId+courseId]').between(from, to).toArray()
      const responses = await db.responses.where('attemptId').anyOf(attempts.map((a) => a.id)).toArray()
      return {
        learners: [learner],
        lessonProgress: await db.lessonProgress.where('[learnerId+courseId]').between(from, to).toArray(),
        attempts,
        responses,
        reviewCards: await db.reviewCards.where('[learnerId+courseId]').between(from, to).toArray(),
        settings: [{ key: ACTIVE_LEARNER_KEY, value: learnerId }],
      } as unknown as BackupTables
    }),
  )
}

/** Every table of this device except its device-only settings (passphrase, LRS override); instructor mode only. */
export function readDeviceTables(db: DebriefDb, access: BackupAccess): Promise<BackupTables> {
  return run(async () => {
    if (!access.instructorUnlocked) throw new Refusal(DEVICE_BACKUP_INSTRUCTOR_ONLY)
    return db.transaction('r', TABLES, async () => {
      const out: BackupTables = {}
      for (const name of TABLES) out[name] = (await db.table(name).toArray()) as Record<string, unknown>[]
      // Device-only rows (the passphrase record, the LRS override with its secret) never leave.
      out.settings = (out.settings ?? []).filter((s) => !DEVICE_ONLY_SETTINGS.includes(s.key as string))
      return out
    })
  })
}

export interface RestoreOutcome {
  /** Rows written, per table the file holds. */
  counts: Record<string, number>
  /** The file held a passphrase record (version 1 backups did); it was not used. */
  passphraseKept: boolean
  /** Instructor mode locked: the file's extra time differed and this device's was kept. */
  allowanceKept: boolean
  /** Instructor mode locked: assessment attempts of the file already on this device, kept as they are here. */
  attemptsKept: number
}

/** Whole device: each table the file holds is replaced; the passphrase record stays as it is. */
async function restoreDevice(db: DebriefDb, tables: BackupTables): Promise<RestoreOutcome> {
  const counts: Record<string, number> = {}
  let passphraseKept = false
  for (const [name, rows] of Object.entries(tables)) {
    const table = db.table(name)
    let prepared = name === 'learners' ? rows.map((r) => ({ origin: 'local', ...r })) : rows
    if (name === 'settings') {
      passphraseKept = rows.some((r) => r.key === PASSPHRASE_KEY)
      prepared = rows.filter((r) => !DEVICE_ONLY_SETTINGS.includes(r.key as string))
      await table.where('key').noneOf([...DEVICE_ONLY_SETTINGS]).delete()
    } else {
      await table.clear()
    }
    await table.bulkAdd(prepared)
    counts[name] = prepared.length
  }
  return { counts, passphraseKept, allowanceKept: false, attemptsKept: 0 }
}

/**
 * One profile: that learner's rows in each table the file holds are replaced; nobody else's
 * change. With instructor mode locked two things an instructor decided are kept as they are on
 * this device: the learner's extra time (a hand-written allowance is not taken from the file), and
 * every assessment attempt already here, with its answers (so a restore can neither erase a
 * failed attempt to win an attempt back nor reopen a submitted one). The file's copy of such an
 * attempt is left out.
 */
async function restoreLearner(db: DebriefDb, tables: BackupTables, learnerId: string, access: BackupAccess): Promise<RestoreOutcome> {
  const locked = !access.instructorUnlocked
  const existing = await db.learners.get(learnerId)
  if (existing?.origin === 'imported' && locked) {
    throw new Refusal('This backup would replace a learner whose results an instructor imported, so only an instructor can restore it. Unlock instructor mode, then try again. Nothing was restored.')
  }
  const ids = (tables.attempts ?? []).map((a) => a.id as string)
  const taken = (await db.attempts.bulkGet(ids)).find((a) => a !== undefined && a.learnerId !== learnerId)
  if (taken !== undefined) throw new Refusal(`This backup holds an attempt ("${taken.id}") that belongs to another learner on this device, so nothing was restored.`)
  const [from, to] = between(learnerId)
  const outcome: RestoreOutcome = { counts: {}, passphraseKept: false, allowanceKept: false, attemptsKept: 0 }
  const row = tables.learners?.[0]
  if (row !== undefined) {
    const { allowance: fromFile, ...rest } = row as { allowance?: unknown }
    const allowance = locked ? existing?.allowance : fromFile
    outcome.allowanceKept = locked && JSON.stringify(fromFile) !== JSON.stringify(existing?.allowance)
    await db.learners.put({ ...rest, ...(allowance !== undefined ? { allowance } : {}), origin: 'local' } as never)
  }
  if (tables.lessonProgress !== undefined) await db.lessonProgress.where('[learnerId+courseId]').between(from, to).delete()
  if (tables.reviewCards !== undefined) await db.reviewCards.where('[learnerId+courseId]').between(from, to).delete()
  const mine = await db.attempts.where('[learnerId+courseId]').between(from, to).toArray()
  const kept = new Set(mine.filter((a) => locked && a.mode === 'assessment').map((a) => a.id))
  const replaced = mine.map((a) => a.id).filter((id) => !kept.has(id))
  if (tables.responses !== undefined) await db.responses.where('attemptId').anyOf([...replaced, ...ids.filter((id) => !kept.has(id))]).delete()
  if (tables.attempts !== undefined) await db.attempts.bulkDelete(replaced)
  outcome.attemptsKept = ids.filter((id) => kept.has(id)).length
  const keep = (r: Record<string, unknown>) => !kept.has((r.id ?? r.attemptId) as string)
  for (const name of ['lessonProgress', 'attempts', 'responses', 'reviewCards']) {
    const rows = name === 'attempts' || name === 'responses' ? tables[name]?.filter(keep) : tables[name]
    if (rows === undefined) continue
    await db.table(name).bulkAdd(rows)
    outcome.counts[name] = rows.length
  }
  outcome.counts.learners = tables.learners?.length ?? 0
  if (tables.settings !== undefined) await db.settings.put({ key: ACTIVE_LEARNER_KEY, value: learnerId })
  return outcome
}

/**
 * Restores a parsed backup in one transaction: if any row cannot be written (a full disk, a
 * refusal), IndexedDB rolls back and the old data is untouched. Tables the file does not hold are
 * kept. A whole-device backup needs instructor mode; learners from backups made before database
 * version 2 are marked as this device's profiles, as the version 2 upgrade does.
 */
export function restoreBackup(db: DebriefDb, backup: BackupFile, access: BackupAccess): Promise<RestoreOutcome> {
  return run(async () => {
    if (needsInstructor(backup.scope) && !access.instructorUnlocked) throw new Refusal(INSTRUCTOR_ONLY)
    const scope = backup.scope
    return db.transaction('rw', TABLES, () =>
      scope.kind === 'learner' ? restoreLearner(db, backup.tables, scope.learnerId, access) : restoreDevice(db, backup.tables),
    )
  })
}
