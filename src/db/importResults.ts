/**
 * Result files in and out of this device's database.
 *
 * Import (instructor): each file is checked with the engine's parser (format, version,
 * checksum, structure, course), then written in ONE transaction: the learner (as 'imported',
 * with the file's extra time, when new), and each attempt with its responses and instructor
 * grades. Who is who (domain importConflicts.ts): a file whose learner id is here under another
 * name or is a profile of this device, or with an attempt id here with other content, is not
 * written but kept in `importConflicts` for the instructor to resolve. The same attempt with the
 * same content is skipped and counted as "already imported". A bad file, or a write that fails
 * half-way, changes nothing.
 * With `course`, every attempt is first checked against the instructor's course (importFlags.ts):
 * the attempt is stored with the instructor's items only, its flags in `importFlags` in the same
 * transaction, and the file's grades (made on the learner's device) kept apart in that row.
 * Device keys (pinnedKeys.ts): a file whose signature fails is refused; the first signed file of a
 * learner pins its key, and a later one signed by another key or unsigned has its attempts flagged.
 *
 * Export (learner): the learner's submitted assessment attempts in a course, with responses,
 * instructor grades and what grading needs of each assessment, signed with the profile's device
 * key (deviceKeys.ts) — unsigned, never failed, where this browser cannot sign.
 */
import type { AssessmentInfo, FileSigner, ResultFile, Sha256 } from '../domain/resultFile.ts'
import { createResultFile, parseResultFile } from '../domain/resultFile.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import type { ImportOutcome } from '../domain/resultImport.ts'
import { conflictMessage, isConflict } from '../domain/importConflicts.ts'
import { groupedByAttempt } from './attempts.ts'
import type { DebriefDb } from './database.ts'
import { webSubtle } from './webSubtle.ts'
import { guarded, toStorageError } from './errors.ts'
import { checkFileAttempts, flagRecord } from './importFlags.ts'
import { withDeviceKey } from './pinnedKeys.ts'
import { conflictRow, importTables, sizeUp, writeFile } from './importWrite.ts'

/** SHA-256 as lower-case hex, through WebCrypto. */
export const webSha256: Sha256 = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export interface ImportOptions {
  /** The course being imported into: a file for another course is refused. */
  courseId: string
  now: number
  sha256?: Sha256
  /** The instructor's course to check every attempt against (issue 12). */
  course?: InstructorCourse
}

/** Imports one result file (rules at the top of the file). Never throws: problems are outcomes. */
export async function importResultText(db: DebriefDb, fileName: string, text: string, options: ImportOptions): Promise<ImportOutcome> {
  const subtle = webSubtle()
  const parsed = await parseResultFile(text, { sha256: options.sha256 ?? webSha256, courseId: options.courseId, now: options.now, ...(subtle !== undefined ? { subtle } : {}) })
  if (!parsed.ok) {
    const { code, message, path } = parsed.error
    return path === undefined ? { fileName, ok: false, code, message } : { fileName, ok: false, code, message, path }
  }
  const file = parsed.file
  try {
    const checked = options.course === undefined ? undefined : await checkFileAttempts(db, file, options.course, options.sha256 ?? webSha256)
    const entries = checked?.map((c) => ({ entry: c.entry, flags: flagRecord(c, options.now) })) ?? file.attempts.map((entry) => ({ entry, flags: undefined }))
    return await db.transaction('rw', [...importTables(db), db.pinnedKeys], async (): Promise<ImportOutcome> => {
      const sized = await sizeUp(db, file)
      if (isConflict(sized.decision)) {
        const message = conflictMessage(file, sized.learner, sized.decision)
        // The same file again while it waits: one conflict, not two.
        const waiting = await db.importConflicts.where('courseId').equals(file.courseId).filter((c) => c.file.checksum === file.checksum).first()
        if (waiting?.id !== undefined) return { fileName, ok: false, code: 'conflict', message, conflictId: waiting.id }
        const row = await conflictRow(db, { fileName, file, sized, ...(checked !== undefined ? { checked } : {}), ...(options.course !== undefined ? { course: options.course } : {}), now: options.now, message })
        const conflictId = Number(await db.importConflicts.add(row))
        return { fileName, ok: false, code: 'conflict', message, conflictId }
      }
      const keyed = await withDeviceKey(db, { learnerId: file.learner.id, fileName, signature: parsed.signature, now: options.now }, entries)
      const { flagged, ...written } = await writeFile(db, { file, entries: keyed, now: options.now })
      return { fileName, ok: true as const, learner: file.learner, ...written, ...(checked !== undefined || flagged > 0 ? { flagged } : {}) }
    })
  } catch (error) {
    return { fileName, ok: false, code: 'storage', message: `Nothing from this file was saved. ${toStorageError(error).message}` }
  }
}

/**
 * Imports files one after another; each file is its own all-or-nothing transaction. Every file
 * gets an outcome, in order, whatever it does: anything thrown while importing one is that file's
 * error, and the files after it are still imported.
 */
export async function importResultFiles(db: DebriefDb, files: readonly { name: string; text: string }[], options: ImportOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const file of files) {
    try {
      outcomes.push(await importResultText(db, file.name, file.text, options))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      outcomes.push({ fileName: file.name, ok: false, code: 'unexpected', message: `Nothing from this file was saved: it could not be read (${reason}). The other files were imported.` })
    }
  }
  return outcomes
}

export interface ExportOptions {
  learnerId: string
  courseId: string
  now: number
  /** What grading needs of each assessment, by blueprint id. */
  assessments: ReadonlyMap<string, AssessmentInfo>
  sha256?: Sha256
}

/** A learner's result file for one course: their submitted assessment attempts. */
export async function exportLearnerResults(db: DebriefDb, options: ExportOptions): Promise<ResultFile> {
  const { learner, attempts, responses, grades } = await guarded(() =>
    db.transaction('r', [db.learners, db.attempts, db.responses, db.manualGrades], async () => {
      const learner = await db.learners.get(options.learnerId)
      const attempts = (await db.attempts.where('[learnerId+courseId]').equals([options.learnerId, options.courseId]).toArray())
        .filter((a) => a.mode === 'assessment' && a.submittedAt !== null)
        .sort((a, b) => a.startedAt - b.startedAt)
      const ids = attempts.map((a) => a.id)
      return { learner, attempts, responses: await groupedByAttempt(db.responses, ids), grades: await groupedByAttempt(db.manualGrades, ids) }
    }),
  )
  if (learner === undefined) throw new Error('That profile is no longer on this device.')
  const input = {
    courseId: options.courseId,
    exportedAt: options.now,
    learner: { id: learner.id, name: learner.name, allowance: learner.allowance },
    attempts: attempts.map((attempt) => {
      const assessment = options.assessments.get(attempt.sourceId)
      return {
        attempt,
        responses: responses.get(attempt.id) ?? [],
        manualGrades: grades.get(attempt.id) ?? [],
        ...(assessment !== undefined ? { assessment } : {}),
      }
    }),
  }
  return profileSignedFile(db, learner.id, input, options.sha256 ?? webSha256, options.now)
}

/**
 * A result file signed with the profile's device key when it can be (signedOrNot). The signing
 * code is loaded on demand: it is not needed to take an assessment.
 */
export async function profileSignedFile(db: DebriefDb, learnerId: string, input: Parameters<typeof createResultFile>[0], sha256: Sha256, now: number): Promise<ResultFile> {
  const sign = await import('./deviceKeys.ts').then((m) => m.profileSigner(db, learnerId, now), () => undefined)
  return signedOrNot(input, sha256, sign)
}

/** The file signed when `sign` is given and works; unsigned otherwise — an export never fails for want of a signature. */
export async function signedOrNot(input: Parameters<typeof createResultFile>[0], sha256: Sha256, sign: FileSigner | undefined): Promise<ResultFile> {
  if (sign !== undefined) {
    try {
      return await createResultFile(input, sha256, sign)
    } catch {
      // A stored key this browser can no longer use: unsigned rather than not at all.
    }
  }
  return createResultFile(input, sha256)
}
