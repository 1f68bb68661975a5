/**
 * The write side of an import, shared by a first import (importResults.ts) and a resolved
 * conflict (importConflicts.ts). Inside the caller's transaction:
 * - `sizeUp` reads what the device holds of the file's learner and attempts and decides (domain
 *   importConflicts.ts) whether the file is new, known, identical or a conflict;
 * - `conflictRow` is what a conflict keeps for the instructor's side-by-side view;
 * - `writeFile` writes the learner (when new, with the file's extra time) and every attempt not on
 *   the device yet. An attempt already here is never replaced: it counts as already imported.
 *   With `statements` (rows made before the transaction by `statementRows`, when an LRS is
 *   wanted), each attempt added brings its xAPI rows into the outbox in the same transaction.
 */
import { gradeAttempt } from '../domain/attemptGrading.ts'
import { assessmentInfo } from '../domain/blueprints.ts'
import { gradeChecked, type CheckedEntry } from '../domain/importBatch.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import {
  attemptDigest, decideFile, newestResponses, newLearnerId, type AttemptSummary, type DeviceLearner, type FileDecision, type ImportConflict,
} from '../domain/importConflicts.ts'
import type { ResultAttemptEntry, ResultFile } from '../domain/resultFile.ts'
import type { FlaggedReasons } from '../domain/resultImport.ts'
import type { Attempt, ManualGrade, SavedResponse } from '../domain/types.ts'
import type { DebriefDb } from './database.ts'
import type { ImportFlagRecord, LearnerRecord as Learner, OutboxRecord } from './records.ts'

/** The tables an import writes, for its one transaction (the outbox: its xAPI statements). */
export const importTables = (db: DebriefDb) => [db.learners, db.attempts, db.responses, db.manualGrades, db.importFlags, db.importConflicts, db.pinnedKeys, db.outbox]

/** An attempt as an import writes it, with its learner's name: what its statements are made from. */
export interface ImportedAttempt {
  attempt: Attempt
  responses: readonly SavedResponse[]
  manualGrades: readonly ManualGrade[]
  learnerName: string
}

/**
 * Makes the xAPI rows an imported attempt sends (src/app/importOutbox.ts, given only when an LRS
 * is wanted): called before the import's transaction, the rows written in it with the attempt.
 */
export type ImportStatements = (attempt: ImportedAttempt, at: number) => OutboxRecord[]

/** The rows of a file's attempts, by attempt id, made before the transaction (none without `statements`). */
export function statementRows(statements: ImportStatements | undefined, file: ResultFile, entries: readonly { entry: ResultAttemptEntry }[], now: number): Map<string, OutboxRecord[]> | undefined {
  if (statements === undefined) return undefined
  return new Map(entries.map(({ entry }) => [entry.attempt.id, statements({ attempt: entry.attempt, responses: newestResponses(entry.responses), manualGrades: newestGrades(entry.manualGrades ?? []), learnerName: file.learner.name }, now)]))
}

export interface SizedUp {
  learner: DeviceLearner | undefined
  held: Attempt[]
  decision: FileDecision
}

/**
 * What the device holds of the file, and what the file is against it (inside a transaction).
 * `known` is the device's rows of the learner and of the file's attempt ids, when the caller has
 * just read them in the same transaction.
 */
/**
 * The file as it will be written: each checked attempt as the check gave it (a sealed slot's stub
 * answers mapped to the full item's ids), so the same file imported twice compares as identical.
 */
export function asWritten(file: ResultFile, checked: readonly CheckedEntry[] | undefined): ResultFile {
  if (checked === undefined) return file
  return { ...file, attempts: file.attempts.map((entry, i) => (checked[i] === undefined ? entry : { ...entry, attempt: checked[i].entry.attempt, responses: checked[i].entry.responses })) }
}

export async function sizeUp(db: DebriefDb, file: ResultFile, known?: { learner: Learner | undefined; held: Attempt[] }): Promise<SizedUp> {
  const learner = known !== undefined ? known.learner : await db.learners.get(file.learner.id)
  const held = known?.held ?? (await db.attempts.bulkGet(file.attempts.map((e) => e.attempt.id))).filter((a): a is Attempt => a !== undefined)
  const digests = new Map<string, string>()
  for (const attempt of held) digests.set(attempt.id, attemptDigest(attempt, await db.responses.where('attemptId').equals(attempt.id).toArray()))
  return { learner, held, decision: decideFile(file, learner, digests) }
}

function summary(attempt: Attempt, grade: { score: number; max: number } | undefined): AttemptSummary {
  const { id, sourceId, startedAt, submittedAt } = attempt
  return { id, sourceId, startedAt, submittedAt, ...(grade !== undefined ? { score: { points: grade.score, max: grade.max } } : {}) }
}

/** The device's attempts at issue: the learner's in this course and every one whose id the file names. */
async function deviceSummaries(db: DebriefDb, file: ResultFile, held: readonly Attempt[], course: InstructorCourse | undefined): Promise<AttemptSummary[]> {
  const mine = await db.attempts.where('[learnerId+courseId]').equals([file.learner.id, file.courseId]).toArray()
  const all = new Map([...mine, ...held].filter((a) => a.mode === 'assessment' || held.includes(a)).map((a) => [a.id, a]))
  const out: AttemptSummary[] = []
  for (const attempt of [...all.values()].sort((a, b) => a.startedAt - b.startedAt)) {
    const blueprint = course?.blueprints.find((b) => b.id === attempt.sourceId)
    const [responses, grades] = await Promise.all([db.responses.where('attemptId').equals(attempt.id).toArray(), db.manualGrades.where('attemptId').equals(attempt.id).toArray()])
    const negativeMarking = blueprint === undefined ? false : assessmentInfo(blueprint).negativeMarking ?? false
    out.push(summary(attempt, gradeAttempt(attempt, responses, grades, { negativeMarking })))
  }
  return out
}

/** The row a conflict keeps (inside the import's transaction). */
export async function conflictRow(db: DebriefDb, input: { fileName: string; file: ResultFile; sized: SizedUp; checked?: CheckedEntry[]; course?: InstructorCourse; now: number; message: string }): Promise<ImportConflict> {
  const { file, sized, checked } = input
  const taken = new Set((await db.learners.toCollection().primaryKeys()).map(String))
  const fileAttempts = file.attempts.map((entry, i) => {
    const c = checked?.[i]
    return summary(entry.attempt, c === undefined ? undefined : gradeChecked(c))
  })
  return {
    courseId: file.courseId,
    fileName: input.fileName,
    receivedAt: input.now,
    message: input.message,
    learner: sized.decision.learner,
    conflictingAttemptIds: sized.decision.attempts.filter((a) => a.verdict === 'conflict').map((a) => a.id),
    file,
    device: { ...(sized.learner !== undefined ? { learner: sized.learner } : {}), attempts: await deviceSummaries(db, file, sized.held, input.course) },
    fileAttempts,
    newLearnerId: newLearnerId(file.learner.id, taken),
  }
}

export interface WriteInput {
  file: ResultFile
  entries: { entry: ResultAttemptEntry; flags: ImportFlagRecord | undefined }[]
  now: number
  /** The xAPI rows of the file's attempts, by attempt id (`statementRows`): written for the attempts added. */
  statements?: ReadonlyMap<string, readonly OutboxRecord[]>
}

/** Rows an import writes, gathered so that many files go in one bulk write per table. */
export interface ImportRows {
  learners: Learner[]
  attempts: Attempt[]
  responses: SavedResponse[]
  grades: ManualGrade[]
  flags: ImportFlagRecord[]
  outbox: OutboxRecord[]
}

export const noRows = (): ImportRows => ({ learners: [], attempts: [], responses: [], grades: [], flags: [], outbox: [] })

export interface Written {
  newLearner: boolean
  added: number
  alreadyImported: number
  flagged: number
  /** The flagged attempts added, with their flags' messages. */
  reasons: FlaggedReasons[]
}

/**
 * The rows of a file (rules at the top of the file), added to `rows`: the learner when `known` is
 * undefined (not on the device), every attempt not in `held` (the file's attempts on the device).
 */
export function fileRows(rows: ImportRows, { file, entries, now, statements }: WriteInput, known: Learner | undefined, held: readonly Attempt[]): Written {
  if (known === undefined) {
    const { allowance } = file.learner
    rows.learners.push({ id: file.learner.id, name: file.learner.name, createdAt: now, origin: 'imported', ...(allowance !== undefined ? { allowance } : {}) })
  }
  const here = new Set(held.map((a) => a.id))
  let added = 0
  let alreadyImported = 0
  const reasons: FlaggedReasons[] = []
  for (const { entry, flags } of entries) {
    if (here.has(entry.attempt.id)) {
      alreadyImported++
      continue
    }
    here.add(entry.attempt.id)
    rows.attempts.push(entry.attempt)
    rows.responses.push(...newestResponses(entry.responses))
    rows.grades.push(...newestGrades(entry.manualGrades ?? []))
    if (flags !== undefined) rows.flags.push(flags)
    rows.outbox.push(...(statements?.get(entry.attempt.id) ?? []))
    if (flags !== undefined && flags.flags.length > 0) reasons.push({ attemptId: entry.attempt.id, messages: [...new Set(flags.flags.map((f) => f.message))] })
    added++
  }
  return { newLearner: known === undefined, added, alreadyImported, flagged: reasons.length, reasons }
}

/** Writes gathered rows, one bulk write per table (inside a transaction); empties `rows`. */
export async function writeRows(db: DebriefDb, rows: ImportRows): Promise<void> {
  await db.learners.bulkAdd(rows.learners.splice(0))
  await db.attempts.bulkAdd(rows.attempts.splice(0))
  await db.responses.bulkAdd(rows.responses.splice(0))
  await db.manualGrades.bulkAdd(rows.grades.splice(0))
  await db.importFlags.bulkPut(rows.flags.splice(0))
  await addMissing(db, rows.outbox.splice(0))
}

/**
 * Adds the outbox rows not there yet: a row already queued, being sent or set aside keeps its
 * state (its id is name-based, so the same attempt gives the same id); one sent (deleted) is
 * never re-queued here, since only attempts new to the device make rows.
 */
async function addMissing(db: DebriefDb, rows: OutboxRecord[]): Promise<void> {
  if (rows.length === 0) return
  const here = new Set((await db.outbox.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r === undefined ? [] : [r.id])))
  const fresh = new Map(rows.filter((r) => !here.has(r.id)).map((r) => [r.id, r]))
  await db.outbox.bulkAdd([...fresh.values()])
}

/** Writes the learner when new and every attempt not on the device (inside a transaction). */
export async function writeFile(db: DebriefDb, input: WriteInput): Promise<Written> {
  const known = await db.learners.get(input.file.learner.id)
  const held = (await db.attempts.bulkGet(input.entries.map((e) => e.entry.attempt.id))).filter((a): a is Attempt => a !== undefined)
  const rows = noRows()
  const written = fileRows(rows, input, known, held)
  await writeRows(db, rows)
  return written
}

/** The newest grade per item, so a file with repeats writes one row per key. */
function newestGrades(rows: readonly ManualGrade[]): ManualGrade[] {
  const byItem = new Map<string, ManualGrade>()
  for (const row of rows) {
    const current = byItem.get(row.itemId)
    if (current === undefined || row.gradedAt >= current.gradedAt) byItem.set(row.itemId, row)
  }
  return [...byItem.values()]
}
