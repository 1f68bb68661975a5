/**
 * The xAPI rows of an imported attempt, on the instructor's device. An attempt at an open
 * assessment was reported by the learner's device with its submit; one at a sealed assessment was
 * not (the learner's device holds stubs and cannot grade it: src/app/attemptOutbox.ts). An import
 * is refused until this device is unlocked, and then stores such an attempt with the full items;
 * the import queues its scored set (answered × slot, completed, passed/failed) at revision 0, with
 * the name-based ids the learner's device would have used could it grade (what
 * src/app/instructorOutbox.ts `reportedStatements` says it reports; a later grade change corrects
 * from there). The rows are made before the import's transaction and written in it with the
 * attempt (src/db/importWrite.ts), only for attempts new to the device: a re-import adds nothing.
 * Loaded with a dynamic import only when an LRS is wanted. Statements loaded from the LRS
 * (src/db/lrsImport.ts) never come here: they are the LRS's already.
 */
import { courses } from 'virtual:debrief/catalog'
import type { LrsConfig } from '../domain/xapi/config.ts'
import type { XapiStatement } from '../domain/xapi/statements.ts'
import type { ImportedAttempt, ImportStatements } from '../db/importWrite.ts'
import { newId } from '../platform/clock.ts'
import { outboxRows } from './attemptOutbox.ts'
import { reportedStatements } from './instructorOutbox.ts'
import { lrsSetup } from './lrsConfig.ts'

/** The statements an imported attempt sends (rules at the top of the file; pure but for ids). */
export function importedStatements(config: LrsConfig, imported: ImportedAttempt, makeId: () => string = newId): XapiStatement[] {
  const { attempt } = imported
  const blueprint = courses.find((c) => c.id === attempt.courseId)?.blueprints.find((b) => b.id === attempt.sourceId)
  if (blueprint?.sealed !== true) return []
  const env = { settings: config, learner: { id: attempt.learnerId, displayName: imported.learnerName }, newId: makeId }
  return reportedStatements(env, { attempt, responses: imported.responses, manualGrades: imported.manualGrades, history: [] }, new Map())
}

/**
 * The row maker for one import (a batch, or a conflict's resolution), or undefined when no LRS is
 * configured. Rows are queued in order across the batch (queuedAt rises by 1 ms per row). A bug
 * while building is said in the console and the attempt is imported without statements. The
 * caller wakes the sender once the import is written (`wakeSender`).
 */
export async function importRows(makeId: () => string = newId): Promise<ImportStatements | undefined> {
  const { config } = await lrsSetup()
  if (config === null) return undefined
  let made = 0
  return (imported, at) => {
    try {
      const rows = outboxRows(importedStatements(config, imported, makeId), at + made)
      made += rows.length
      return rows
    } catch (e) {
      console.error('The imported attempt\'s xAPI statements could not be built; it is imported without them.', e)
      return []
    }
  }
}

export { wakeSender } from './outboxSafely.ts'
