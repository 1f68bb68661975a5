/**
 * The LRS's attempts into this device's records, through the import path of result files, so the
 * gradebook, review, statistics and CSV read them like any imported attempt (docs/xapi.md):
 * - the statements become records (domain xapi/fromStatements.ts), with the extra time of the
 *   learners this device knows;
 * - every attempt is checked against the instructor's course with the same batch rules as a
 *   file (domain importBatch.ts: items, draws, attempts allowed, the clock); its flags are the
 *   check's and the LRS's (a score that differs, an unknown version, …), stored in `importFlags`
 *   as a file's are, so a flagged attempt is shown with its reasons and not counted until accepted;
 * - written in ONE transaction (importWrite.ts writeRows): a learner not on the device (as
 *   'imported', named as the statements name them), every attempt not on it, its responses, and
 *   the instructor's grades the LRS carried. All or nothing.
 * No checksum or signature applies: what vouches for the statements is the LRS's own access
 * control (Debrief's key read them; the learner's device wrote them with its key).
 * An attempt already on the device (imported from a file, made here, or loaded before) is never
 * replaced, so loading again adds nothing; when its grade here differs from the LRS's, it is
 * listed in `differs` for the instructor to look at.
 */
import { gradeAttempt } from '../domain/attemptGrading.ts'
import { checkBatch } from '../domain/importBatch.ts'
import type { InstructorCourse } from '../domain/importChecks.ts'
import type { FlaggedReasons } from '../domain/resultImport.ts'
import type { Sha256 } from '../domain/resultFile.ts'
import type { Attempt } from '../domain/types.ts'
import type { XapiSettings } from '../domain/xapi/iris.ts'
import { fromStatements } from '../domain/xapi/fromStatements.ts'
import { groupedByAttempt } from './attempts.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import { importTables, noRows, writeRows } from './importWrite.ts'
import { fetchCourseStatements, type LrsFetchOptions, type LrsProgress } from './lrsFetch.ts'

export interface LrsImportInput {
  statements: readonly unknown[]
  settings: Pick<XapiSettings, 'activityBase' | 'homePage'>
  course: InstructorCourse
  now: number
  sha256: Sha256
}

export interface LrsImportOutcome {
  /** Learners with at least one attempt in the LRS. */
  learners: number
  newLearners: number
  /** Attempts found in the LRS. */
  attempts: number
  added: number
  alreadyHere: number
  /** Attempts already here whose grade here differs from the LRS's (the device's copy is kept). */
  differs: string[]
  flagged: number
  reasons: FlaggedReasons[]
  /** What was left out, one sentence each (fromStatements). */
  notes: string[]
}

function sameGrade(a: { score: number; max: number }, b: { score: number; max: number }): boolean {
  return Math.abs(a.score - b.score) < 1e-6 && Math.abs(a.max - b.max) < 1e-6
}

/** Loads the statements into the device (rules at the top of the file); throws a StorageError when the write fails (nothing written). */
export function importLrsStatements(db: DebriefDb, input: LrsImportInput): Promise<LrsImportOutcome> {
  return guarded(async () => {
    const { course, now } = input
    const known = new Map((await db.learners.toArray()).map((l) => [l.id, l] as const))
    const view = fromStatements({ statements: input.statements, settings: input.settings, course, allowances: new Map([...known].map(([id, l]) => [id, l.allowance])) })
    const learnerIds = [...new Set(view.attempts.map((a) => a.learner.id))]
    const existing = await db.attempts.where('[learnerId+courseId]').anyOf(learnerIds.map((id) => [id, course.id])).toArray()
    const checked = await checkBatch({
      entries: view.attempts.map((a) => ({ learner: a.learner, entry: a.entry })),
      course,
      existing,
      allowances: new Map([...known].map(([id, l]) => [id, l.allowance])),
      sha256: input.sha256,
    })
    return db.transaction('rw', importTables(db), async () => {
      const held = new Map((await db.attempts.bulkGet(view.attempts.map((a) => a.entry.attempt.id))).flatMap((a): [string, Attempt][] => (a === undefined ? [] : [[a.id, a]])))
      const heldIds = [...held.keys()]
      const [heldResponses, heldGrades] = await Promise.all([groupedByAttempt(db.responses, heldIds), groupedByAttempt(db.manualGrades, heldIds)])
      const rows = noRows()
      const outcome: LrsImportOutcome = { learners: learnerIds.length, newLearners: 0, attempts: view.attempts.length, added: 0, alreadyHere: 0, differs: [], flagged: 0, reasons: [], notes: view.notes }
      const added = new Set<string>()
      for (const [i, lrs] of view.attempts.entries()) {
        const check = checked[i]!
        const id = lrs.entry.attempt.id
        const here = held.get(id)
        const options = { passMark: check.assessment?.passMark ?? 0.5, negativeMarking: check.assessment?.negativeMarking ?? false }
        if (here !== undefined || added.has(id)) {
          outcome.alreadyHere++
          if (here !== undefined && !sameGrade(gradeAttempt(here, heldResponses.get(id) ?? [], heldGrades.get(id) ?? [], options), gradeAttempt(check.entry.attempt, check.entry.responses, lrs.grades, options))) outcome.differs.push(id)
          continue
        }
        added.add(id)
        if (!known.has(lrs.learner.id)) {
          known.set(lrs.learner.id, { id: lrs.learner.id, name: lrs.learner.name, createdAt: now, origin: 'imported' })
          rows.learners.push(known.get(lrs.learner.id)!)
          outcome.newLearners++
        }
        const flags = [...check.flags, ...lrs.flags]
        rows.attempts.push(check.entry.attempt)
        rows.responses.push(...check.entry.responses)
        rows.grades.push(...lrs.grades)
        rows.flags.push({ attemptId: id, flags, checkedAt: now, learnerGrades: [] })
        if (flags.length > 0) {
          outcome.flagged++
          outcome.reasons.push({ attemptId: id, messages: [...new Set(flags.map((f) => f.message))] })
        }
        outcome.added++
      }
      await writeRows(db, rows)
      return outcome
    })
  })
}

/**
 * Fetches every page (src/db/lrsFetch.ts), then writes (importLrsStatements): a failed or
 * cancelled fetch throws before anything is written.
 */
export async function loadFromLrs(db: DebriefDb, fetchOptions: LrsFetchOptions, input: Omit<LrsImportInput, 'statements'>): Promise<LrsImportOutcome & LrsProgress> {
  const fetched = await fetchCourseStatements(fetchOptions)
  const outcome = await importLrsStatements(db, { ...input, statements: fetched.list })
  return { ...outcome, statements: fetched.statements, pages: fetched.pages }
}
