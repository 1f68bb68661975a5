/**
 * The backup file. Two kinds (its `scope`):
 * - a **profile backup** (`{ kind: 'learner', learnerId }`): one learner's own rows — their
 *   learner row, lesson progress, attempts with their responses, review cards, and the setting
 *   that makes the profile the active one. Anyone may make and restore one of their own profile.
 * - a **whole-device backup** (`{ kind: 'device' }`): every table, every learner (local and
 *   imported), instructor grades and grade history. Making or restoring one needs instructor mode
 *   unlocked (src/db/backup.ts). It never holds the instructor passphrase record: on a new device
 *   the instructor sets up a passphrase again (docs/result-file.md, "Backups").
 * Version 1 files had no scope: they are read as whole-device backups.
 *
 * Versioned JSON with a SHA-256 checksum (over the canonical JSON of everything but the
 * checksum), like the result file. Reading checks, in order: size and depth (safeJson.ts) → JSON →
 * format → version → database version (a backup from a newer Debrief is refused) → checksum →
 * scope → tables a backup never holds dropped (deviceKeys) → every table known → every row (backupRows.ts) → a profile backup holds only its
 * learner's rows. Each failure says what is wrong and what to do; the caller restores nothing.
 */
import { ACTIVE_LEARNER_KEY, BACKUP_TABLE_KEYS, BackupRowError, checkBackupRows, NEVER_IN_BACKUP, type BackupTables } from './backupRows.ts'
import { canonicalJson } from './canonicalJson.ts'
import type { Sha256 } from './resultFile.ts'
import { parseJsonWithin } from './safeJson.ts'
import { id, Invalid } from './validate.ts'

export { BACKUP_TABLE_KEYS, type BackupTables }

export const BACKUP_FORMAT = 'debrief-backup'
export const BACKUP_VERSION = 2

/**
 * A backup holds a whole device (an instructor's holds every imported learner), so its size bound
 * is larger than a result file's: 200 million characters, about the 1,000-learner class of the
 * import bench twice over. Depth is bounded as for a result file (64).
 */
export const MAX_BACKUP_CHARS = 200_000_000

export type BackupScope = { kind: 'learner'; learnerId: string } | { kind: 'device' }

/** The tables a profile backup may hold. */
export const LEARNER_TABLES: readonly string[] = ['learners', 'lessonProgress', 'attempts', 'responses', 'reviewCards', 'settings']

export interface BackupFile {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  /** The database schema version the rows were read from. */
  databaseVersion: number
  exportedAt: string
  scope: BackupScope
  tables: BackupTables
  checksum: string
}

export type BackupParseResult = { ok: true; file: BackupFile } | { ok: false; message: string }

export async function createBackupFile(
  tables: BackupTables, scope: BackupScope, databaseVersion: number, exportedAt: string, sha256: Sha256,
): Promise<BackupFile> {
  const body = { format: BACKUP_FORMAT, version: BACKUP_VERSION, databaseVersion, exportedAt, scope, tables } as const
  return { ...body, checksum: `sha256:${await sha256(canonicalJson(body))}` }
}

function fail(message: string): BackupParseResult {
  return { ok: false, message }
}

function readScope(value: unknown): BackupScope | undefined {
  if (value === undefined) return { kind: 'device' }
  const scope = value as Partial<{ kind: unknown; learnerId: unknown }> | null
  if (scope === null || typeof scope !== 'object') return undefined
  if (scope.kind === 'device') return { kind: 'device' }
  if (scope.kind !== 'learner') return undefined
  try {
    return { kind: 'learner', learnerId: id(scope.learnerId, 'scope.learnerId') }
  } catch {
    return undefined
  }
}

/** Throws Invalid unless a profile backup holds only its learner's rows (rules at the top). */
function checkLearnerScope(tables: BackupTables, learnerId: string): void {
  for (const table of Object.keys(tables)) {
    if (!LEARNER_TABLES.includes(table)) throw new Invalid(table, `is not part of a profile backup: it holds only one learner's own data`)
  }
  const learners = tables.learners ?? []
  if (learners.length !== 1 || learners[0]!.id !== learnerId) throw new Invalid('learners', `should hold exactly one row, the profile "${learnerId}"`)
  if (learners[0]!.origin !== undefined && learners[0]!.origin !== 'local') throw new Invalid('learners', 'holds a learner imported by an instructor, not a profile of this device')
  for (const table of ['lessonProgress', 'attempts', 'reviewCards']) {
    const index = (tables[table] ?? []).findIndex((r) => r.learnerId !== learnerId)
    if (index >= 0) throw new Invalid(table, `row ${index + 1} belongs to another learner ("${String(tables[table]![index]!.learnerId)}")`)
  }
  const attempts = new Set((tables.attempts ?? []).map((a) => a.id))
  const stray = (tables.responses ?? []).findIndex((r) => !attempts.has(r.attemptId))
  if (stray >= 0) throw new Invalid('responses', `row ${stray + 1} answers an attempt that is not in this backup`)
  const setting = (tables.settings ?? []).findIndex((s) => s.key !== ACTIVE_LEARNER_KEY || s.value !== learnerId)
  if (setting >= 0) throw new Invalid('settings', `row ${setting + 1} is not this profile's own setting`)
}

/** Validates a backup file's text; never throws. */
export async function parseBackupFile(text: string, options: { sha256: Sha256; databaseVersion: number }): Promise<BackupParseResult> {
  const read = parseJsonWithin(text, { maxChars: MAX_BACKUP_CHARS, what: 'a Debrief backup' })
  if (!read.ok) {
    if (read.reason !== 'not-json') return fail(`${read.message} Nothing was restored.`)
    return fail('This file is not a Debrief backup: it is not valid JSON. Choose the .json file Debrief saved when you made the backup.')
  }
  const data = read.value
  if (data === null || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('This file is not a Debrief backup. (A result file for an instructor cannot be restored here.)')
  }
  const file = data as Partial<Omit<BackupFile, 'version'>> & { version?: unknown }
  if (file.version !== 1 && file.version !== BACKUP_VERSION) {
    return fail(`This backup uses format version ${String(file.version)}, which this Debrief does not know. Update Debrief, then try again.`)
  }
  if (typeof file.databaseVersion !== 'number' || file.databaseVersion > options.databaseVersion) {
    return fail('This backup was made by a newer version of Debrief. Update Debrief on this device, then restore it.')
  }
  const { checksum, ...body } = file
  if (typeof checksum !== 'string' || checksum !== `sha256:${await options.sha256(canonicalJson(body))}`) {
    return fail('This backup has been changed or damaged since it was made (its checksum does not match), so nothing was restored.')
  }
  const scope = readScope(file.scope)
  if (scope === undefined) return fail('This backup does not say whose data it holds (its "scope" is damaged), so nothing was restored.')
  if (file.tables === null || typeof file.tables !== 'object' || Array.isArray(file.tables)) return fail('This backup has no tables, so nothing was restored.')
  // A private device key is never restored, whatever the file says (backupRows.ts NEVER_IN_BACKUP).
  const tables = Object.fromEntries(Object.entries(file.tables as BackupTables).filter(([name]) => !NEVER_IN_BACKUP.includes(name))) as BackupTables
  for (const [name, rows] of Object.entries(tables)) {
    if (!Object.hasOwn(BACKUP_TABLE_KEYS, name)) return fail(`This backup has an unknown table "${name}", so nothing was restored.`)
    if (!Array.isArray(rows)) return fail(`In this backup, "${name}" is not a list of rows, so nothing was restored.`)
  }
  try {
    checkBackupRows(tables)
    if (scope.kind === 'learner') checkLearnerScope(tables, scope.learnerId)
  } catch (error) {
    if (error instanceof BackupRowError) return fail(`This backup is damaged, so nothing was restored: ${error.message}.`)
    if (error instanceof Invalid) return fail(`This profile backup holds more than one profile's data, so nothing was restored: "${error.path}" ${error.message}.`)
    return fail(`This backup could not be read, so nothing was restored: ${error instanceof Error ? error.message : String(error)}.`)
  }
  return { ok: true, file: { ...(file as BackupFile), version: BACKUP_VERSION, scope, tables } }
}

/** Who may restore a parsed backup: anyone for a profile backup, an instructor for a whole device. */
export function needsInstructor(scope: BackupScope): boolean {
  return scope.kind === 'device'
}
