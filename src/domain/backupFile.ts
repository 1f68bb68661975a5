/**
 * The device backup: every table of this device's database in one file, so a learner can move
 * to a new device or recover after clearing the browser. Versioned JSON with a SHA-256 checksum
 * (over the canonical JSON of everything but the checksum), like the result file.
 *
 * Reading checks, in order: size and depth (safeJson.ts) → JSON → format → version → database version (a backup from a newer
 * Debrief is refused) → checksum → every table known, every row an object with its key fields.
 * Each failure says what is wrong and what to do, and the caller restores nothing.
 */
import { canonicalJson } from './canonicalJson.ts'
import type { Sha256 } from './resultFile.ts'
import { parseJsonWithin } from './safeJson.ts'

export const BACKUP_FORMAT = 'debrief-backup'
export const BACKUP_VERSION = 1

/**
 * A backup holds a whole device (an instructor's holds every imported learner), so its size bound
 * is larger than a result file's: 200 million characters, about the 1,000-learner class of the
 * import bench twice over. Depth is bounded as for a result file (64).
 */
export const MAX_BACKUP_CHARS = 200_000_000

/** The key fields every row of each table must have (the database's primary keys). */
export const BACKUP_TABLE_KEYS: Readonly<Record<string, readonly string[]>> = {
  learners: ['id'],
  lessonProgress: ['learnerId', 'courseId', 'lessonId'],
  attempts: ['id', 'learnerId', 'courseId', 'sourceId'],
  responses: ['attemptId', 'itemId'],
  reviewCards: ['learnerId', 'courseId', 'itemId'],
  settings: ['key'],
  manualGrades: ['attemptId', 'itemId'],
  gradeHistory: ['attemptId'],
  importFlags: ['attemptId'],
}

export type BackupTables = Record<string, Record<string, unknown>[]>

export interface BackupFile {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  /** The database schema version the rows were read from. */
  databaseVersion: number
  exportedAt: string
  tables: BackupTables
  checksum: string
}

export type BackupParseResult = { ok: true; file: BackupFile } | { ok: false; message: string }

export async function createBackupFile(tables: BackupTables, databaseVersion: number, exportedAt: string, sha256: Sha256): Promise<BackupFile> {
  const body = { format: BACKUP_FORMAT, version: BACKUP_VERSION, databaseVersion, exportedAt, tables } as const
  return { ...body, checksum: `sha256:${await sha256(canonicalJson(body))}` }
}

function fail(message: string): BackupParseResult {
  return { ok: false, message }
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
  const file = data as Partial<BackupFile>
  if (file.version !== BACKUP_VERSION) {
    return fail(`This backup uses format version ${String(file.version)}, which this Debrief does not know. Update Debrief, then try again.`)
  }
  if (typeof file.databaseVersion !== 'number' || file.databaseVersion > options.databaseVersion) {
    return fail('This backup was made by a newer version of Debrief. Update Debrief on this device, then restore it.')
  }
  const { checksum, ...body } = file
  if (typeof checksum !== 'string' || checksum !== `sha256:${await options.sha256(canonicalJson(body))}`) {
    return fail('This backup has been changed or damaged since it was made (its checksum does not match), so nothing was restored.')
  }
  const tables = file.tables
  if (tables === null || typeof tables !== 'object' || Array.isArray(tables)) return fail('This backup has no tables, so nothing was restored.')
  for (const [name, rows] of Object.entries(tables)) {
    const keys = BACKUP_TABLE_KEYS[name]
    if (!keys) return fail(`This backup has an unknown table "${name}", so nothing was restored.`)
    if (!Array.isArray(rows)) return fail(`In this backup, "${name}" is not a list of rows, so nothing was restored.`)
    for (const [index, row] of rows.entries()) {
      const missing = keys.find((k) => row === null || typeof row !== 'object' || typeof (row as Record<string, unknown>)[k] !== 'string')
      if (missing) return fail(`In this backup, row ${index + 1} of "${name}" has no ${missing}, so nothing was restored.`)
    }
  }
  return { ok: true, file: file as BackupFile }
}
