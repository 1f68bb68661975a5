/**
 * The statements the instructor's device issues when it changes an attempt's grade (a free-text
 * grade, a regrade, accepting an imported attempt or its learner-device grades): the learner's device could not send them (a free-text item waits for the
 * instructor; a sealed attempt's stubs cannot be graded there). src/db/grading.ts reads the
 * attempt's state before and after the change inside the change's transaction and writes the rows
 * made here in it: the grade and its statements are saved together or not at all.
 *
 * What an attempt "reports" in a state: its scored statements (answered × slot, completed,
 * passed/failed) at the revision its gradeHistory rows give, with name-based ids
 * (src/domain/xapi/scoredStatements.ts). With no history row yet (revision 0):
 * - an attempt at an open assessment: what the learner's device sent with the submit;
 * - a sealed attempt made on this device (it holds stubs): what the unlock sent (`unlockRows`),
 *   or nothing while this device cannot grade it;
 * - a sealed attempt imported (an import after unlock stores it with the full items): what the
 *   import sent (src/app/importOutbox.ts): the set the learner's device would have sent could it
 *   grade.
 * A change voids what the attempt reported and is gone, and queues what it reports now. The
 * actor stays the learner. Loaded with a dynamic import only when an LRS is wanted.
 */
import { courses } from 'virtual:debrief/catalog'
import { gradeAttempt } from '../domain/attemptGrading.ts'
import type { Attempt, ManualGrade, SavedResponse, VersionedItem } from '../domain/types.ts'
import type { LrsConfig } from '../domain/xapi/config.ts'
import { correction, revisionOf, scoredStatements } from '../domain/xapi/scoredStatements.ts'
import type { AttemptSource, StatementEnv, XapiStatement } from '../domain/xapi/statements.ts'
import type { DebriefDb } from '../db/database.ts'
import type { OutboxRecord } from '../db/records.ts'
import { sealedItemsByVersion } from '../db/sealedItems.ts'
import { newId } from '../platform/clock.ts'
import { gradable } from '../stores/sealedAttempts.ts'
import { showedStubs } from '../stores/sealedStubs.ts'
import { outboxRows } from './attemptOutbox.ts'
import { lrsSetup } from './lrsConfig.ts'
import { safely } from './outboxSafely.ts'

/** An attempt as the database holds it at one moment of a grade change. */
export interface GradeState {
  attempt: Attempt
  responses: readonly SavedResponse[]
  manualGrades: readonly ManualGrade[]
  /** The attempt's gradeHistory rows (one per grade change). */
  history: readonly { itemId: string }[]
  learnerName?: string
}

/** Rows for one attempt's grade change at `at`. */
export type GradeRows = (before: GradeState, after: GradeState, at: number) => OutboxRecord[]

function envFor(config: LrsConfig, state: GradeState, makeId: () => string): StatementEnv {
  return { settings: config, learner: { id: state.attempt.learnerId, ...(state.learnerName !== undefined ? { displayName: state.learnerName } : {}) }, newId: makeId }
}

/** The scored statements an attempt reports in `state` (rules at the top of the file). */
export function reportedStatements(env: StatementEnv, state: GradeState, full: ReadonlyMap<string, VersionedItem>): XapiStatement[] {
  const { attempt } = state
  if (attempt.mode !== 'assessment' || attempt.submittedAt === null) return []
  const course = courses.find((c) => c.id === attempt.courseId)
  const blueprint = course?.blueprints.find((b) => b.id === attempt.sourceId)
  const ready = gradable(attempt, [...state.responses], full)
  if (ready === undefined) return []
  const source: AttemptSource = { courseTitle: course?.title ?? attempt.courseId, sourceTitle: blueprint?.title ?? attempt.sourceId }
  const grade = gradeAttempt(ready.attempt, ready.responses, state.manualGrades, { passMark: blueprint?.passMark, negativeMarking: blueprint?.negativeMarking })
  return scoredStatements(env, ready.attempt, source, grade, revisionOf(state.history))
}

/** The correction for one grade change: voids, then the new statements (pure but for ids). */
export function gradeChangeStatements(config: LrsConfig, full: ReadonlyMap<string, VersionedItem>, before: GradeState, after: GradeState, at: number, makeId: () => string = newId): XapiStatement[] {
  const env = envFor(config, after, makeId)
  return correction(env, reportedStatements(env, before, full), reportedStatements(env, after, full), at)
}

/**
 * At an unlock with the unlock code: the scored statements of this device's sealed attempts that
 * `opened` (the full items now here) makes gradable and `had` (the items here before) did not.
 */
export function unlockStatements(config: LrsConfig, states: readonly GradeState[], had: ReadonlyMap<string, VersionedItem>, opened: ReadonlyMap<string, VersionedItem>, makeId: () => string = newId): XapiStatement[] {
  return states.flatMap((state) => {
    if (state.history.length > 0 || !showedStubs(state.attempt) || gradable(state.attempt, [...state.responses], had) !== undefined) return []
    return reportedStatements(envFor(config, state, makeId), state, opened)
  })
}

/** The row maker for an unlock (src/db/sealedItems.ts), or undefined when no LRS is configured. */
export async function unlockRows(makeId: () => string = newId): Promise<UnlockRows | undefined> {
  const { config } = await lrsSetup()
  if (config === null) return undefined
  return safely((states, had, opened, at) => outboxRows(unlockStatements(config, states, had, opened, makeId), at), 'The unlock\'s xAPI statements could not be built; it is saved without them.')
}

/** Rows for an unlock at `at`: the course's sealed attempts, the full items before and after. */
export type UnlockRows = (states: readonly GradeState[], had: ReadonlyMap<string, VersionedItem>, opened: ReadonlyMap<string, VersionedItem>, at: number) => OutboxRecord[]

/** The row maker for grade changes in a course, or undefined when no LRS is configured. */
export async function instructorGradeRows(db: DebriefDb, courseId: string, makeId: () => string = newId): Promise<GradeRows | undefined> {
  const { config } = await lrsSetup()
  if (config === null) return undefined
  const full = await sealedItemsByVersion(db, courseId)
  return safely((before, after, at) => outboxRows(gradeChangeStatements(config, full, before, after, at, makeId), at), 'The grade\'s xAPI statements could not be built; it is saved without them.')
}
