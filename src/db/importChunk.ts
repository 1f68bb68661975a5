/**
 * The stages of a batch import (importResults.ts), fast enough for 1,000 files (issue 12 §9)
 * with every check on:
 * - `readSource` reads one file's text only when its chunk comes (so a batch never holds all its
 *   texts at once) and parses it with the engine's parser (size, depth, checksum, structure,
 *   course); a chunk's files are read together, so their WebCrypto checksums overlap.
 * - `writeChunk` takes the parsed files in runs whose learners and attempt ids are all distinct
 *   (a file naming a learner or attempt id of an earlier file of the run starts the next run), so
 *   no file of a run reads what another file of it writes. A run's files are checked against the
 *   course together, before its transaction (the check hashes with WebCrypto, which an IndexedDB
 *   transaction cannot wait on), their learners and attempts read in one go. Then, in ONE
 *   transaction, the run's learner and attempt rows are read at once, each file is sized up in
 *   order (who is who: domain importConflicts.ts) and its rows gathered, and all rows are written
 *   with one bulk write per table (before a conflict is kept, the rows gathered so far are written,
 *   so what a conflict keeps sees them, as it would file by file). If anything in the transaction
 *   fails, it is undone and each file of the run is written again in a transaction of its own: a
 *   file stays all or nothing, and only the failing file fails.
 * - `memoSha256` hashes each distinct snapshot text once per batch (old versions shown to many).
 */
import { flagRecord } from './importFlags.ts'
import { asWritten, conflictRow, fileRows, importTables, noRows, sizeUp, statementRows, writeRows, type ImportRows } from './importWrite.ts'
import type { OutboxRecord } from './records.ts'
import type { DebriefDb } from './database.ts'
import { toStorageError } from './errors.ts'
import type { ImportOptions, ImportSource } from './importResults.ts'
import { checkBatch, type CheckedEntry } from '../domain/importBatch.ts'
import { conflictMessage, isConflict } from '../domain/importConflicts.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import type { ImportOutcome } from '../domain/resultImport.ts'
import { parseResultFile, type ResultFile, type Sha256 } from '../domain/resultFile.ts'
import type { SignatureStatus } from '../domain/signatureShape.ts'
import { withDeviceKey } from './pinnedKeys.ts'
import { certainlyTooManyBytes, tooLarge } from '../domain/safeJson.ts'
import { isStub } from '../domain/sealed.ts'
import type { Attempt } from '../domain/types.ts'
import type { LearnerRecord } from './records.ts'

/** Files read, checked and written together. */
export const IMPORT_CHUNK = 25

export interface ImportRun extends ImportOptions {
  sha256: Sha256
  /** WebCrypto, to check device signatures; undefined where this browser has none. */
  subtle?: SubtleCrypto
  /** The memoised hash the course check uses (`memoSha256`). */
  checkSha256: Sha256
}

export interface ParsedSource {
  fileName: string
  file: ResultFile
  /** What its device signature says (deviceSignature.ts); undefined where this browser cannot check. */
  signature?: SignatureStatus
}

/** `sha256` remembered by text, for the snapshots a batch hashes again and again. */
export function memoSha256(sha256: Sha256): Sha256 {
  const known = new Map<string, Promise<string>>()
  return (text) => {
    let hash = known.get(text)
    if (hash === undefined) {
      hash = sha256(text)
      known.set(text, hash)
    }
    return hash
  }
}

/** One file read and parsed (rules at the top of the file); never throws. */
export async function readSource(source: ImportSource, run: ImportRun): Promise<ParsedSource | ImportOutcome> {
  const fileName = source.name
  if (source.size !== undefined && source.size > certainlyTooManyBytes()) return { fileName, ok: false, code: 'too-large', message: tooLarge().message }
  try {
    const text = typeof source.text === 'string' ? source.text : await source.text()
    const parsed = await parseResultFile(text, { sha256: run.sha256, courseId: run.courseId, now: run.now, ...(run.subtle !== undefined ? { subtle: run.subtle } : {}) })
    if (!parsed.ok) {
      const { code, message, path } = parsed.error
      return path === undefined ? { fileName, ok: false, code, message } : { fileName, ok: false, code, message, path }
    }
    const locked = run.course === undefined ? undefined : lockedSealedTitle(parsed.file, run.course)
    if (locked !== undefined) {
      return {
        fileName, ok: false, code: 'sealed-locked',
        message: `This file holds an attempt at a sealed assessment (${locked}). Unlock sealed assessments on this device (Instructor → Import results → Sealed assessments) and import it again. Nothing was imported.`,
      }
    }
    return parsed.signature === undefined ? { fileName, file: parsed.file } : { fileName, file: parsed.file, signature: parsed.signature }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { fileName, ok: false, code: 'unexpected', message: `Nothing from this file was saved: it could not be read (${reason}). The other files were imported.` }
  }
}

/** The title of the first sealed assessment a file's attempts sat whose items this device holds only as stubs. */
function lockedSealedTitle(file: ResultFile, course: InstructorCourse): string | undefined {
  for (const { attempt } of file.attempts) {
    if (attempt.slots.some((slot) => isStub(course.items.get(slot.version)))) {
      return course.blueprints.find((b) => b.id === attempt.sourceId)?.title ?? attempt.sourceId
    }
  }
  return undefined
}

/** Writes one checked file; inside a transaction over `importTables`, `rows` written at the end of it. */
async function writeChecked(db: DebriefDb, { source: { fileName, file, signature }, checked, statements }: Ready, run: ImportRun, known: { learner: LearnerRecord | undefined; held: Attempt[] }, rows: ImportRows): Promise<ImportOutcome> {
  const { course, now } = run
  const entries = checked?.map((c) => ({ entry: c.entry, flags: flagRecord(c, now) })) ?? file.attempts.map((entry) => ({ entry, flags: undefined }))
  const sized = await sizeUp(db, asWritten(file, checked), known)
  if (isConflict(sized.decision)) {
    // What a conflict keeps depends on what the files before it wrote (the ids taken).
    await writeRows(db, rows)
    const message = conflictMessage(file, sized.learner, sized.decision)
    // The same file again while it waits: one conflict, not two.
    const waiting = await db.importConflicts.where('courseId').equals(file.courseId).filter((c) => c.file.checksum === file.checksum).first()
    if (waiting?.id !== undefined) return { fileName, ok: false, code: 'conflict', message, conflictId: waiting.id }
    const row = await conflictRow(db, { fileName, file, sized, ...(checked !== undefined ? { checked } : {}), ...(course !== undefined ? { course } : {}), now, message })
    const conflictId = Number(await db.importConflicts.add(row))
    return { fileName, ok: false, code: 'conflict', message, conflictId }
  }
  // Device keys: the first signed file pins the learner's key; another key or none is flagged.
  const keyed = await withDeviceKey(db, { learnerId: file.learner.id, fileName, signature, now }, entries)
  const { flagged, reasons, ...written } = fileRows(rows, { file, entries: keyed, now, ...(statements !== undefined ? { statements } : {}) }, known.learner, sized.held)
  return { fileName, ok: true as const, learner: file.learner, ...written, ...(checked !== undefined || flagged > 0 ? { flagged } : {}), ...(reasons.length > 0 ? { reasons } : {}) }
}

const storageOutcome = (fileName: string, error: unknown): ImportOutcome => ({ fileName, ok: false, code: 'storage', message: `Nothing from this file was saved. ${toStorageError(error).message}` })

/**
 * Runs of files, in order, whose learners and attempt ids are all distinct: no file of a run
 * reads what another file of it writes, so the run's rows can be read first and written together.
 */
function distinctRuns(parsed: readonly ParsedSource[]): ParsedSource[][] {
  const runs: ParsedSource[][] = []
  let seen = new Set<string>()
  for (const source of parsed) {
    const keys = [`learner ${source.file.learner.id}`, ...source.file.attempts.map((e) => `attempt ${e.attempt.id}`)]
    if (runs.length === 0 || keys.some((k) => seen.has(k))) {
      runs.push([])
      seen = new Set()
    }
    for (const k of keys) seen.add(k)
    runs.at(-1)!.push(source)
  }
  return runs
}

type Check = { ok: true; checked: CheckedEntry[] | undefined } | { ok: false; error: unknown }

/** The course check of a run's files: their learners and attempts read in one go, then each file checked. */
async function checkRun(db: DebriefDb, run: readonly ParsedSource[], options: ImportRun): Promise<Check[]> {
  const { course } = options
  if (course === undefined) return run.map(() => ({ ok: true, checked: undefined }))
  const [learners, existing] = await db.transaction('r', [db.learners, db.attempts], () => Promise.all([
    db.learners.bulkGet(run.map((s) => s.file.learner.id)),
    db.attempts.where('[learnerId+courseId]').anyOf(run.map((s) => [s.file.learner.id, s.file.courseId])).toArray(),
  ]))
  return Promise.all(run.map(async ({ file }, i): Promise<Check> => {
    try {
      const allowance = learners[i]?.allowance
      const checked = await checkBatch({
        entries: file.attempts.map((entry) => ({ learner: file.learner, entry })),
        course,
        existing: existing.filter((a) => a.learnerId === file.learner.id && a.courseId === file.courseId),
        ...(allowance !== undefined ? { allowances: new Map([[file.learner.id, allowance]]) } : {}),
        sha256: options.checkSha256,
      })
      return { ok: true, checked }
    } catch (error) {
      return { ok: false, error }
    }
  }))
}

/** A checked file ready to write, with the xAPI rows of its attempts (made before the transaction). */
interface Ready {
  source: ParsedSource
  checked: CheckedEntry[] | undefined
  statements: Map<string, OutboxRecord[]> | undefined
}

/** Writes checked files in one transaction, reading their rows first; their outcomes in order. */
function writeTogether(db: DebriefDb, sources: readonly Ready[], options: ImportRun): Promise<ImportOutcome[]> {
  return db.transaction('rw', importTables(db), async () => {
    const [learners, held] = await Promise.all([
      db.learners.bulkGet(sources.map((s) => s.source.file.learner.id)),
      db.attempts.bulkGet(sources.flatMap((s) => s.source.file.attempts.map((e) => e.attempt.id))),
    ])
    const byId = new Map(held.flatMap((a) => (a === undefined ? [] : [[a.id, a] as const])))
    const rows = noRows()
    const out: ImportOutcome[] = []
    for (const [i, ready] of sources.entries()) {
      const mine = [...new Set(ready.source.file.attempts.map((e) => e.attempt.id))].flatMap((id) => byId.get(id) ?? [])
      out.push(await writeChecked(db, ready, options, { learner: learners[i], held: mine }, rows))
    }
    await writeRows(db, rows)
    return out
  })
}

/** Checks and writes one run (rules at the top of the file). */
async function writeRun(db: DebriefDb, run: readonly ParsedSource[], options: ImportRun, outcomes: Map<ParsedSource, ImportOutcome>): Promise<void> {
  let checks: Check[]
  try {
    checks = await checkRun(db, run, options)
  } catch (error) {
    for (const source of run) outcomes.set(source, storageOutcome(source.fileName, error))
    return
  }
  const ready = run.flatMap((source, i): Ready[] => {
    const check = checks[i]!
    if (!check.ok) {
      outcomes.set(source, storageOutcome(source.fileName, check.error))
      return []
    }
    // The xAPI rows, made here: the transaction below cannot wait on anything but the database.
    const entries = check.checked?.map((c) => ({ entry: c.entry })) ?? source.file.attempts.map((entry) => ({ entry }))
    return [{ source, checked: check.checked, statements: statementRows(options.statements, source.file, entries, options.now) }]
  })
  if (ready.length === 0) return
  try {
    const written = await writeTogether(db, ready, options)
    ready.forEach(({ source }, i) => outcomes.set(source, written[i]!))
  } catch (error) {
    // One file's failure undoes the run: each file again on its own, so only that one fails.
    for (const one of ready) {
      try {
        outcomes.set(one.source, ready.length === 1 ? storageOutcome(one.source.fileName, error) : (await writeTogether(db, [one], options))[0]!)
      } catch (alone) {
        outcomes.set(one.source, storageOutcome(one.source.fileName, alone))
      }
    }
  }
}

/** Checks and writes a chunk's parsed files (rules at the top of the file): their outcomes, by source. */
export async function writeChunk(db: DebriefDb, parsed: readonly ParsedSource[], options: ImportRun): Promise<Map<ParsedSource, ImportOutcome>> {
  const outcomes = new Map<ParsedSource, ImportOutcome>()
  for (const run of distinctRuns(parsed)) await writeRun(db, run, options, outcomes)
  return outcomes
}
