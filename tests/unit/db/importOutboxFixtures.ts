/**
 * A learner's result file with one attempt at the catalog's sealed final (nk-troops-ukraine),
 * taken on stubs as the learner's device exports it, and the instructor's course (unlocked or
 * not), for the import's xAPI tests (importOutbox.test.ts, tests/unit/lrs/importLrs.test.ts).
 */
import { webSha256 } from '../../../src/db/importResults.ts'
import type { InstructorCourse } from '../../../src/domain/importChecks.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { publicItem, tokenMap } from '../../../src/domain/sealed.ts'
import type { Answer, Blueprint, ManualGrade, VersionedItem } from '../../../src/domain/types.ts'
import { freetext, ordering, single } from '../../fixtures/items.ts'

export const COURSE_ID = 'nk-troops-ukraine'
/** Attempt ids are UUIDs (the statements' registration). */
export const BEA_1 = '5d1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a60'
export const CY_1 = '6e2d3c4b-5e6f-4071-9b8c-2d3e4f5a6b71'
export const T0 = Date.UTC(2026, 0, 5, 9)
export const FULL = [{ ...single, sealed: true }, { ...ordering, sealed: true }, { ...freetext, sealed: true }] as VersionedItem[]
export const STUBS = FULL.map(publicItem)
const FINAL = {
  id: 'final', title: 'Final assessment', kind: 'final', sealed: true, passMark: 0.7, gradingMethod: 'highest', maxAttempts: 2,
  draws: [{ lesson: 'l1', count: 1 }, { lesson: 'l2', count: 1 }, { lesson: 'l3', count: 1 }], review: { afterSubmit: [], afterLastAttempt: ['score'] },
} as unknown as Blueprint

/** The instructor's course: the final's items in full once unlocked here, else the stubs the course ships. */
export const instructorCourse = (unlocked: boolean): InstructorCourse => ({
  id: COURSE_ID, blueprints: [FINAL], manifest: { courseId: COURSE_ID, versions: {} } as unknown as InstructorCourse['manifest'],
  items: new Map((unlocked ? FULL : STUBS).map((i) => [i.version, i])),
})

function rightOrderInTokens(): string[] {
  const tokenOf = new Map([...tokenMap(FULL[1]!)].map(([token, id]) => [id, token]))
  return ordering.steps.map((s) => tokenOf.get(s.id)!)
}

/** The grade the learner's device made of the free-text answer (kept apart on import). */
export const learnerGrade = (attemptId: string): ManualGrade => ({ attemptId, itemId: freetext.id, criteria: { c1: 2, c2: 2 }, score: 4, comment: 'Both points.', gradedAt: T0 - 1_000 })

export interface FileOptions {
  learnerId?: string
  learnerName?: string
  attemptId?: string
  /** The learner's device graded the free-text answer. */
  graded?: boolean
}

/** The learner's file: one attempt at the sealed final, on stubs; single right, ordering right, free text pending. */
export async function sealedFile(options: FileOptions = {}): Promise<string> {
  const learnerId = options.learnerId ?? 'bea'
  const id = options.attemptId ?? BEA_1
  const startedAt = T0 - 600_000
  const answers: [string, Answer][] = [
    [single.id, { type: 'single', optionId: single.answer }],
    [ordering.id, { type: 'ordering', order: rightOrderInTokens() }],
    [freetext.id, { type: 'freetext', text: 'A small force limits contamination and dissent, and few can spread or coordinate unrest.' }],
  ]
  const file = await createResultFile({
    courseId: COURSE_ID, exportedAt: T0, learner: { id: learnerId, name: options.learnerName ?? 'Bea' },
    attempts: [{
      attempt: {
        id, courseId: COURSE_ID, learnerId, mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: null,
        submittedAt: startedAt + 300_000, submitReason: 'learner',
        slots: STUBS.map((s) => ({ itemId: s.id, version: s.version })), snapshots: Object.fromEntries(STUBS.map((s) => [s.version, s])),
      },
      responses: answers.map(([itemId, answer], i) => ({ attemptId: id, itemId, answer, flagged: false, savedAt: startedAt + 60_000 * (i + 1), seq: 1 })),
      manualGrades: options.graded === true ? [learnerGrade(id)] : [],
      assessment: { id: 'final', title: 'Final assessment', passMark: 0.7, gradingMethod: 'highest' },
    }],
  }, webSha256)
  return serializeResultFile(file)
}
