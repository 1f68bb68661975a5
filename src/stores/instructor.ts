import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { hasPassphrase as passphraseIsSet, setPassphrase, verifyPassphrase } from '../db/instructorAuth.ts'
import type { CourseRecords } from '../db/instructorData.ts'
import type { PinnedKeyRecord } from '../db/records.ts'
import type { Allowance } from '../domain/allowance.ts'
import type { RegradeChange } from '../domain/regrade.ts'
import type { ConflictChoice, ImportConflict } from '../domain/importConflicts.ts'
import type { ImportSource } from '../db/importResults.ts'
import type { ImportStatements } from '../db/importWrite.ts'
import type { ImportOutcome } from '../domain/resultImport.ts'
import type { ManualGrade, VersionedItem } from '../domain/types.ts'
import { now } from '../platform/clock.ts'
import { lrsWanted } from '../app/lrsFile.ts'
import type { GradeStatements } from '../db/grading.ts'
import { useLearnerStore } from './learner.ts'
import { useStorageStore } from './storage.ts'

export const MIN_PASSPHRASE_LENGTH = 8

/** A learner's pinned device key as the learner page shows it (src/db/pinnedKeys.ts). */
export type PinnedKey = PinnedKeyRecord

/** Why a new passphrase is refused, in words; undefined when it is fine. */
export function passphraseProblem(passphrase: string, confirmation: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `Please use at least ${MIN_PASSPHRASE_LENGTH} characters.`
  if (passphrase !== confirmation) return 'The two passphrases are not the same. Type the same passphrase in both boxes.'
  return undefined
}

/**
 * Instructor mode: the passphrase lock (unlocked for this tab only, in memory) and one course's
 * learners, attempts and grades, reloaded after every change the instructor makes.
 */
// The router's guard asks `unlocked` (src/router.ts). Heavier db modules load on first use.
export const useInstructorStore = defineStore('instructor', () => {
  const storage = useStorageStore()
  const unlocked = ref(false)
  /** undefined until checked. */
  const hasPassphrase = ref<boolean>()
  const courseId = ref<string>()
  const records = shallowRef<CourseRecords>()
  /** How far an import is: files done of the batch; undefined when none is running. */
  const importing = shallowRef<{ done: number; total: number }>()
  /** Files kept back on import until the instructor says who is who, for `courseId`. */
  const conflicts = shallowRef<ImportConflict[]>([])

  async function checkSetup(): Promise<boolean> {
    hasPassphrase.value = await passphraseIsSet(storage.database())
    return hasPassphrase.value
  }

  /** Sets the passphrase on first use and unlocks; throws an Error with a friendly message. */
  async function createPassphrase(passphrase: string, confirmation: string): Promise<void> {
    const problem = passphraseProblem(passphrase, confirmation)
    if (problem !== undefined) throw new Error(problem)
    if (await checkSetup()) throw new Error('A passphrase is already set on this device. Type it to unlock.')
    await setPassphrase(storage.database(), passphrase)
    hasPassphrase.value = true
    unlocked.value = true
  }

  /** Unlocks for this tab when the passphrase matches; resolves to whether it did. */
  async function unlock(passphrase: string): Promise<boolean> {
    unlocked.value = await verifyPassphrase(storage.database(), passphrase)
    return unlocked.value
  }

  function lock() {
    unlocked.value = false
    records.value = undefined
    conflicts.value = []
    courseId.value = undefined
  }

  /** Loads a course's records (again when `force`, e.g. after a change). */
  async function load(id: string, force = false): Promise<CourseRecords> {
    if (!force && courseId.value === id && records.value !== undefined) return records.value
    const { loadCourseRecords } = await import('../db/instructorData.ts')
    const loaded = await loadCourseRecords(storage.database(), id)
    records.value = loaded
    courseId.value = id
    return loaded
  }

  /** The xAPI rows of grade changes in a course (src/app/instructorOutbox.ts), loaded only when an LRS is wanted. */
  async function gradeStatements(course: string | undefined): Promise<GradeStatements | undefined> {
    if (course === undefined || !(await lrsWanted())) return undefined
    // Unloadable (a bug, or a chunk missing offline): the grade is saved without statements.
    return import('../app/instructorOutbox.ts').then((m) => m.instructorGradeRows(storage.database(), course)).catch(() => undefined)
  }

  /** The xAPI rows of imported attempts (src/app/importOutbox.ts), loaded only when an LRS is wanted. */
  async function importStatements(): Promise<{ statements: ImportStatements; wake: () => void } | undefined> {
    if (!(await lrsWanted())) return undefined
    // Unloadable (a bug, or a chunk missing offline): the files are imported without statements.
    const m = await import('../app/importOutbox.ts').catch(() => undefined)
    const statements = await m?.importRows().catch(() => undefined)
    return m === undefined || statements === undefined ? undefined : { statements, wake: m.wakeSender }
  }

  async function grade(manual: ManualGrade, before: number | null): Promise<void> {
    const [{ saveManualGrade }, statements] = await Promise.all([import('../db/grading.ts'), gradeStatements(courseId.value)])
    await saveManualGrade(storage.database(), manual, before, statements)
    if (courseId.value !== undefined) await load(courseId.value, true)
  }

  /**
   * Imports result files (each read only when its turn comes) into a course, every attempt checked
   * against this device's own course (issue 12). `importing` says how far it is; between chunks the
   * browser gets a turn, so the page stays responsive and shows the progress. The gradebook's
   * records are read again when next shown.
   */
  async function importFiles(id: string, files: readonly ImportSource[]): Promise<ImportOutcome[]> {
    const [{ importResultFiles }, { loadInstructorCourse }] = await Promise.all([import('../db/importResults.ts'), import('./instructorCourse.ts')])
    importing.value = { done: 0, total: files.length }
    try {
      const [course, xapi] = await Promise.all([loadInstructorCourse(id), importStatements()])
      const outcomes = await importResultFiles(storage.database(), files, { courseId: id, now: now(), course, ...(xapi !== undefined ? { statements: xapi.statements } : {}) }, async (sofar) => {
        importing.value = { done: sofar.length, total: files.length }
        await new Promise((resolve) => setTimeout(resolve, 0))
      })
      xapi?.wake()
      if (courseId.value === id) records.value = undefined
      await loadConflicts(id)
      return outcomes
    } finally {
      importing.value = undefined
    }
  }

  /** Reads the files kept back on import in a course. */
  async function loadConflicts(id: string): Promise<ImportConflict[]> {
    const { courseConflicts } = await import('../db/importConflicts.ts')
    conflicts.value = await courseConflicts(storage.database(), id)
    return conflicts.value
  }

  /** The instructor's answer to a kept-back file (src/db/importConflicts.ts); resolves to the learner id written to. */
  async function resolveConflict(id: string, conflictId: number, choice: ConflictChoice): Promise<string> {
    const [db, { loadInstructorCourse }, { webSha256 }] = await Promise.all([import('../db/importConflicts.ts'), import('./instructorCourse.ts'), import('../db/importResults.ts')])
    const [course, xapi] = choice === 'discard' ? [undefined, undefined] : await Promise.all([loadInstructorCourse(id), importStatements()])
    const { learnerId } = await db.resolveConflict(storage.database(), conflictId, choice, { now: now(), sha256: webSha256, ...(course !== undefined ? { course } : {}), ...(xapi !== undefined ? { statements: xapi.statements } : {}) })
    xapi?.wake()
    await Promise.all([load(id, true), loadConflicts(id)])
    return learnerId
  }

  /**
   * The instructor's decision on an imported attempt: count it although flagged ('attempt'), or
   * make the grades its file carried from the learner's device count as instructor grades ('grades').
   */
  async function accept(id: string, attemptId: string, what: 'attempt' | 'grades'): Promise<void> {
    const [db, statements] = await Promise.all([import('../db/importFlags.ts'), gradeStatements(id)])
    await (what === 'attempt' ? db.acceptFlaggedAttempt : db.acceptLearnerGrades)(storage.database(), attemptId, now(), statements)
    await load(id, true)
  }

  async function regrade(id: string, changes: readonly RegradeChange[], items: ReadonlyMap<string, VersionedItem>): Promise<number> {
    const [{ applyRegrades }, statements] = await Promise.all([import('../db/grading.ts'), gradeStatements(id)])
    const applied = await applyRegrades(storage.database(), changes, items, now(), statements)
    await load(id, true)
    return applied
  }

  /**
   * Sets a learner's extra time for timed assessments (none when both fields grant nothing);
   * instructor mode only. Throws an Error in plain words when locked or out of bounds (the db
   * function checks the bounds).
   */
  async function setAllowance(learnerId: string, allowance: Allowance): Promise<void> {
    if (!unlocked.value) throw new Error('Only an instructor can change extra time. Unlock instructor mode, then try again.')
    const { setAllowance: store } = await import('../db/learnerAllowance.ts')
    await store(storage.database(), learnerId, allowance)
    await useLearnerStore().load()
    if (courseId.value !== undefined) await load(courseId.value, true)
  }

  /** The device key pinned for a learner (trust on first use), if a signed file came. */
  async function pinnedKey(learnerId: string): Promise<PinnedKey | undefined> {
    const { pinnedKeyOf } = await import('../db/pinnedKeys.ts')
    return pinnedKeyOf(storage.database(), learnerId)
  }

  /** "Trust the new key": pins the key a later file was signed with (recorded with the old one). */
  async function trustNewKey(learnerId: string): Promise<PinnedKey> {
    if (!unlocked.value) throw new Error('Only an instructor can trust a new device key. Unlock instructor mode, then try again.')
    const { trustOfferedKey } = await import('../db/pinnedKeys.ts')
    return trustOfferedKey(storage.database(), learnerId, now())
  }

  return {
    unlocked, hasPassphrase, courseId, records, importing, conflicts, checkSetup, createPassphrase, unlock, lock, load, grade, importFiles, loadConflicts, resolveConflict, accept, regrade, setAllowance,
    pinnedKey, trustNewKey,
  }
})
