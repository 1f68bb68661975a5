/**
 * Result files in and out of this device's database.
 *
 * Import (instructor): each file is checked with the engine's parser (format, version,
 * checksum, structure, course), then written all or nothing (with the files around it, in one
 * transaction, for speed: importChunk.ts): the learner (as 'imported',
 * with the file's extra time, when new), and each attempt with its responses and instructor
 * grades, and with `statements` the xAPI rows of each attempt added (importWrite.ts). Who is who (domain importConflicts.ts): a file whose learner id is here under another
 * name or is a profile of this device, or with an attempt id here with other content, is not
 * written but kept in `importConflicts` for the instructor to resolve. The same attempt with the
 * same content is skipped and counted as "already imported". A bad file, or a write that fails
 * half-way, changes nothing.
 * With `course`, every attempt is first checked against the instructor's course (importFlags.ts):
 * the attempt is stored with the instructor's items only, its flags in `importFlags` in the same
 * transaction, and the file's grades (made on the learner's device) kept apart in that row.
 * A file with an attempt at a sealed assessment whose items this device holds only as stubs (its
 * key file not unlocked here) is refused whole: it could not be graded (stores/sealed.ts unlocks).
 * Device keys (pinnedKeys.ts): a file whose signature fails is refused; the first signed file of a
 * learner pins its key, and a later one signed by another key or unsigned has its attempts flagged.
 *
 * Export (learner): the learner's submitted assessment attempts in a course, with responses,
 * instructor grades and what grading needs of each assessment, signed with the profile's device
 * key (deviceKeys.ts) — unsigned, never failed, where this browser cannot sign.
 */
import type { AssessmentInfo, FileSigner, ResultFile, Sha256 } from '../domain/resultFile.ts'
import { createResultFile } from '../domain/resultFile.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import type { ImportOutcome } from '../domain/resultImport.ts'
import { groupedByAttempt } from './attempts.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import { IMPORT_CHUNK, memoSha256, readSource, writeChunk } from './importChunk.ts'
import type { ImportStatements } from './importWrite.ts'
import { webSubtle } from './webSubtle.ts'

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
  /**
   * The xAPI rows of an imported attempt (src/app/importOutbox.ts; only when an LRS is wanted):
   * made before a file's transaction, written in it for each attempt added.
   */
  statements?: ImportStatements
}

/** A file to import: its name, and its text or how to read it (read only when its turn comes). */
export interface ImportSource {
  name: string
  text: string | (() => Promise<string>)
  /** Bytes, when known before reading: a file far over the size limit is refused unread. */
  size?: number
}

/** Imports one result file (rules at the top of the file). Never throws: problems are outcomes. */
export async function importResultText(db: DebriefDb, fileName: string, text: string, options: ImportOptions): Promise<ImportOutcome> {
  return (await importResultFiles(db, [{ name: fileName, text }], options))[0]!
}

/**
 * Imports files in order and reports every one, in order, whatever it does: anything thrown while
 * reading one is that file's error, and the files after it are still imported. Each file is all or
 * nothing. For speed (issue 12 §9) the files go in chunks of IMPORT_CHUNK (importChunk.ts): a
 * chunk's files are read (only then: a text is dropped once parsed) and their checksums verified
 * together while the chunk before is written; then they are checked and written in runs of
 * distinct learners and attempt ids, one transaction a run, one after another in order; if a
 * run's transaction fails, its files are written again one transaction each, so only the failing
 * file fails. `onProgress` is awaited after every chunk (the page shows progress and yields to
 * the browser there).
 */
export async function importResultFiles(
  db: DebriefDb,
  files: readonly ImportSource[],
  options: ImportOptions,
  onProgress?: (outcomes: readonly ImportOutcome[]) => void | Promise<void>,
): Promise<ImportOutcome[]> {
  const sha256 = options.sha256 ?? webSha256
  const subtle = webSubtle()
  const run = { ...options, sha256, checkSha256: memoSha256(sha256), ...(subtle !== undefined ? { subtle } : {}) }
  const outcomes: ImportOutcome[] = []
  const readChunk = (start: number) => Promise.all(files.slice(start, start + IMPORT_CHUNK).map((source) => readSource(source, run)))
  // The next chunk is read and parsed while this one is written (IndexedDB writes off the page's thread).
  let next = files.length > 0 ? readChunk(0) : undefined
  for (let start = 0; next !== undefined; start += IMPORT_CHUNK) {
    const read = await next
    next = start + IMPORT_CHUNK < files.length ? readChunk(start + IMPORT_CHUNK) : undefined
    const written = await writeChunk(db, read.flatMap((r) => ('file' in r ? [r] : [])), run)
    for (const r of read) outcomes.push('file' in r ? written.get(r)! : r)
    await onProgress?.(outcomes)
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
