/**
 * Conflicts kept back on import (issue 12 §3), and the instructor's resolution of each, in one
 * transaction with the row's removal:
 * - 'same-person' (learner under another name): the file is imported into that learner;
 * - 'new-learner': imported under the conflict's new learner id (a new 'imported' learner);
 * - 'keep-device' (attempt conflicts only): the file's other attempts are imported;
 * - 'discard': nothing from the file is written.
 * Whatever the choice, an attempt already on the device is never replaced, and a profile of this
 * device is never written into: 'same-person' and 'keep-device' are refused for one.
 * The file is checked again against the device as it is now, so a change since (another import)
 * cannot be overwritten, and its device signature against the key pinned for the learner it is
 * written to (pinnedKeys.ts). With `statements` (an LRS wanted), the xAPI rows of each attempt it
 * adds are made before the transaction and written in it (importWrite.ts).
 */
import { checkBatch } from '../domain/importBatch.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import { conflictChoices, withLearnerId, type ConflictChoice, type ImportConflict } from '../domain/importConflicts.ts'
import { verifyFile } from '../domain/deviceSignature.ts'
import type { Sha256 } from '../domain/resultFile.ts'
import type { Obj } from '../domain/validate.ts'
import type { DebriefDb } from './database.ts'
import { webSubtle } from './webSubtle.ts'
import { guarded, StorageError } from './errors.ts'
import { flagRecord } from './importFlags.ts'
import { asWritten, importTables, sizeUp, statementRows, writeFile, type ImportStatements } from './importWrite.ts'
import { withDeviceKey } from './pinnedKeys.ts'

/** The conflicts waiting in a course, oldest first. */
export function courseConflicts(db: DebriefDb, courseId: string): Promise<ImportConflict[]> {
  return guarded(() => db.importConflicts.where('courseId').equals(courseId).sortBy('id'))
}

export interface ResolveOptions {
  now: number
  sha256: Sha256
  course?: InstructorCourse
  /** The xAPI rows of an imported attempt (src/app/importOutbox.ts), when an LRS is wanted. */
  statements?: ImportStatements
}

/** What a resolution wrote; `added` 0 for 'discard'. */
export interface Resolution {
  learnerId: string
  added: number
  alreadyImported: number
}

/** Resolves one conflict (rules at the top of the file); throws StorageError('conflict') when the choice does not fit. */
export async function resolveConflict(db: DebriefDb, id: number, choice: ConflictChoice, options: ResolveOptions): Promise<Resolution> {
  const conflict = await guarded(() => db.importConflicts.get(id))
  if (conflict === undefined || !conflictChoices(conflict).includes(choice)) throw new StorageError('conflict')
  if (choice === 'discard') {
    await guarded(() => db.importConflicts.delete(id))
    return { learnerId: conflict.file.learner.id, added: 0, alreadyImported: 0 }
  }
  const file = choice === 'new-learner' ? withLearnerId(conflict.file, conflict.newLearnerId) : conflict.file
  const existing = options.course === undefined ? [] : await guarded(() => db.attempts.where('[learnerId+courseId]').equals([file.learner.id, file.courseId]).toArray())
  const checked = options.course === undefined
    ? undefined
    : await checkBatch({ entries: file.attempts.map((entry) => ({ learner: file.learner, entry })), course: options.course, existing, sha256: options.sha256 })
  const entries = checked?.map((c) => ({ entry: c.entry, flags: flagRecord(c, options.now) })) ?? file.attempts.map((entry) => ({ entry, flags: undefined }))
  // The file as it was kept (verified on intake): signed by whichever key signed it then.
  const subtle = webSubtle()
  const signature = subtle === undefined ? undefined : await verifyFile(conflict.file as unknown as Obj, subtle)
  const statements = statementRows(options.statements, file, entries, options.now)
  return guarded(() =>
    db.transaction('rw', importTables(db), async () => {
      const sized = await sizeUp(db, asWritten(file, checked))
      // A profile of this device, or a name taken since the conflict was kept: never written into.
      if (sized.decision.learner === 'local-profile' || (choice === 'new-learner' && sized.decision.learner !== 'new')) throw new StorageError('conflict')
      const keyed = await withDeviceKey(db, { learnerId: file.learner.id, fileName: conflict.fileName, signature, now: options.now }, entries)
      const written = await writeFile(db, { file, entries: keyed, now: options.now, ...(statements !== undefined ? { statements } : {}) })
      await db.importConflicts.delete(id)
      return { learnerId: file.learner.id, added: written.added, alreadyImported: written.alreadyImported }
    }),
  )
}
