/**
 * Building Debrief's xAPI 1.0.3 statements from the app's own records (pure; ids from env.newId).
 *
 * - initialized / terminated: an assessment attempt started / ended (terminated has the duration).
 * - answered: each item of a submitted attempt, and each practice check; result score
 *   (scaled/raw/min/max), success (absent while the item waits for an instructor), response.
 * - completed: a submitted attempt (score, duration) or a lesson read to the end.
 * - passed / failed: the attempt's pass decision with its score; none while pending items could
 *   still decide it (`passed: null`): the instructor's grade later re-issues it (reissue below).
 * - progressed: lesson reading progress in the cmi5 progress extension (0..100), never as a score.
 * - voided: corrects a statement; a regrade voids the old statements and issues new ones.
 * Context: registration = the attempt id, parent = blueprint (assessment) or lesson (practice),
 * grouping = course, the item's version in an extension. Timestamps are ISO 8601 with ms.
 */
import type { AttemptGrade, ItemResult } from '../attemptGrading.ts'
import type { Attempt, VersionedItem } from '../types.ts'
import { isoDuration, isoTimestamp } from './duration.ts'
import { interactionDefinition, responseString } from './interactions.ts'
import { ACTIVITY_TYPES, PROGRESS_EXTENSION, VERBS, blueprintIri, courseIri, itemIri, itemVersionExtension, lessonIri, modeExtension, type VerbName } from './iris.ts'
import type { StatementEnv, XapiActivity, XapiAgent, XapiContext, XapiResult, XapiStatement } from './statementTypes.ts'

export type { StatementEnv, XapiStatement } from './statementTypes.ts'

/** What an attempt was taken from: a blueprint (assessment) or a lesson (practice). */
export interface AttemptSource {
  courseTitle: string
  /** Title of the blueprint or lesson named by attempt.sourceId. */
  sourceTitle: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/iu

export function actor(env: StatementEnv): XapiAgent {
  const name = env.learner.displayName
  return {
    objectType: 'Agent',
    ...(env.settings.sendDisplayName && name !== undefined && name.trim() !== '' ? { name } : {}),
    account: { homePage: env.settings.homePage, name: env.learner.id },
  }
}

function verb(name: VerbName): XapiStatement['verb'] {
  return { id: VERBS[name], display: { 'en-US': name } }
}

function activity(id: string, type: string, title?: string): XapiActivity {
  return { objectType: 'Activity', id, definition: { type, ...(title !== undefined ? { name: { 'en-US': title } } : {}) } }
}

function courseActivity(env: StatementEnv, courseId: string, title?: string): XapiActivity {
  return activity(courseIri(env.settings, courseId), ACTIVITY_TYPES.course, title)
}

function sourceActivity(env: StatementEnv, attempt: Attempt, title?: string): XapiActivity {
  return attempt.mode === 'assessment'
    ? activity(blueprintIri(env.settings, attempt.courseId, attempt.sourceId), ACTIVITY_TYPES.assessment, title)
    : activity(lessonIri(env.settings, attempt.courseId, attempt.sourceId), ACTIVITY_TYPES.lesson, title)
}

function attemptContext(env: StatementEnv, attempt: Attempt, source: AttemptSource, withParent: boolean, extra: Record<string, unknown> = {}): XapiContext {
  return {
    ...(UUID.test(attempt.id) ? { registration: attempt.id.toLowerCase() } : {}),
    contextActivities: {
      ...(withParent ? { parent: [sourceActivity(env, attempt, source.sourceTitle)] } : {}),
      grouping: [courseActivity(env, attempt.courseId, source.courseTitle)],
    },
    extensions: { [modeExtension(env.settings)]: attempt.mode, ...extra },
  }
}

function statement(env: StatementEnv, name: VerbName, object: XapiStatement['object'], at: number, result?: XapiResult, context?: XapiContext): XapiStatement {
  return {
    id: env.newId(),
    actor: actor(env),
    verb: verb(name),
    object,
    ...(result !== undefined ? { result } : {}),
    ...(context !== undefined ? { context } : {}),
    timestamp: isoTimestamp(at),
  }
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9
}

/** Score as xAPI wants it: raw within min..max, scaled in -1..1 (0 when max is 0). */
export function xapiScore(score: number, max: number): NonNullable<XapiResult['score']> {
  const top = Math.max(0, max)
  const raw = Math.min(top, Math.max(0, score))
  return { scaled: top > 0 ? round(raw / top) : 0, raw: round(raw), min: 0, max: round(top) }
}

function submitted(attempt: Attempt): number {
  if (attempt.submittedAt === null) throw new Error(`Attempt ${attempt.id} is not submitted yet: its end statements are built only after submission.`)
  return attempt.submittedAt
}

/** `initialized`: an assessment attempt (or practice session) started. */
export function initialized(env: StatementEnv, attempt: Attempt, source: AttemptSource): XapiStatement {
  return statement(env, 'initialized', sourceActivity(env, attempt, source.sourceTitle), attempt.startedAt, undefined, attemptContext(env, attempt, source, false))
}

/** `terminated`: the attempt ended (submitted by the learner or at the deadline), with its duration. */
export function terminated(env: StatementEnv, attempt: Attempt, source: AttemptSource): XapiStatement {
  const end = submitted(attempt)
  return statement(env, 'terminated', sourceActivity(env, attempt, source.sourceTitle), end, { duration: isoDuration(end - attempt.startedAt) }, attemptContext(env, attempt, source, false))
}

/** `answered` for one graded item of an attempt (assessment item or practice check). */
export function answered(env: StatementEnv, attempt: Attempt, source: AttemptSource, item: VersionedItem, result: ItemResult): XapiStatement {
  const response = responseString(item, result.response?.answer ?? null, env.settings.sendFreeText)
  const xresult: XapiResult = {
    score: xapiScore(result.grade.score, result.grade.max),
    ...(result.pending ? {} : { success: result.grade.state === 'correct' }),
    completion: !result.pending,
    ...(response !== undefined ? { response } : {}),
  }
  const object: XapiActivity = { objectType: 'Activity', id: itemIri(env.settings, attempt.courseId, item.id), definition: interactionDefinition(item) }
  const at = result.response?.savedAt ?? attempt.submittedAt ?? attempt.startedAt
  return statement(env, 'answered', object, at, xresult, attemptContext(env, attempt, source, true, { [itemVersionExtension(env.settings)]: result.version }))
}

function attemptResult(attempt: Attempt, grade: AttemptGrade, extra: Partial<XapiResult>): XapiResult {
  return { score: xapiScore(grade.score, grade.max), ...extra, duration: isoDuration(submitted(attempt) - attempt.startedAt) }
}

/** `completed` for a submitted attempt, with its score and duration. */
export function attemptCompleted(env: StatementEnv, attempt: Attempt, source: AttemptSource, grade: AttemptGrade): XapiStatement {
  return statement(env, 'completed', sourceActivity(env, attempt, source.sourceTitle), submitted(attempt), attemptResult(attempt, grade, { completion: true }), attemptContext(env, attempt, source, false))
}

/** `passed` or `failed` with the attempt's score; null while pending items could still decide it. */
export function passedOrFailed(env: StatementEnv, attempt: Attempt, source: AttemptSource, grade: AttemptGrade, at: number = submitted(attempt)): XapiStatement | null {
  if (grade.passed === null) return null
  const name = grade.passed ? 'passed' : 'failed'
  return statement(env, name, sourceActivity(env, attempt, source.sourceTitle), at, attemptResult(attempt, grade, { success: grade.passed, completion: true }), attemptContext(env, attempt, source, false))
}

/**
 * Every statement of a submitted attempt, in the order they happened: one `answered` per slot,
 * then `completed`, `passed`/`failed` (when decided) and `terminated`. `items` gives the snapshot
 * of each slot (attempt.snapshots by version).
 */
export function submittedAttemptStatements(env: StatementEnv, attempt: Attempt, source: AttemptSource, grade: AttemptGrade): XapiStatement[] {
  const out: XapiStatement[] = []
  for (const result of grade.perItem) {
    const item = attempt.snapshots[result.version]
    if (item !== undefined) out.push(answered(env, attempt, source, item, result))
  }
  out.push(attemptCompleted(env, attempt, source, grade))
  const decision = passedOrFailed(env, attempt, source, grade)
  if (decision !== null) out.push(decision)
  out.push(terminated(env, attempt, source))
  return out
}

export interface LessonRef {
  courseId: string
  courseTitle: string
  lessonId: string
  lessonTitle: string
}

function lessonContext(env: StatementEnv, lesson: LessonRef): XapiContext {
  return { contextActivities: { grouping: [courseActivity(env, lesson.courseId, lesson.courseTitle)] } }
}

function lessonActivity(env: StatementEnv, lesson: LessonRef): XapiActivity {
  return activity(lessonIri(env.settings, lesson.courseId, lesson.lessonId), ACTIVITY_TYPES.lesson, lesson.lessonTitle)
}

/** `completed` for a lesson read to the end. */
export function lessonCompleted(env: StatementEnv, lesson: LessonRef, at: number, readingMs?: number): XapiStatement {
  const result: XapiResult = { completion: true, ...(readingMs !== undefined ? { duration: isoDuration(readingMs) } : {}) }
  return statement(env, 'completed', lessonActivity(env, lesson), at, result, lessonContext(env, lesson))
}

/** `progressed`: how far the learner has read a lesson, 0..100 (cmi5 progress extension). */
export function lessonProgressed(env: StatementEnv, lesson: LessonRef, percent: number, at: number): XapiStatement {
  const progress = Math.round(Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0)))
  return statement(env, 'progressed', lessonActivity(env, lesson), at, { extensions: { [PROGRESS_EXTENSION]: progress } }, lessonContext(env, lesson))
}

/** `voided`: the statement with `targetId` is withdrawn (statements are never edited). */
export function voiding(env: StatementEnv, targetId: string, at: number): XapiStatement {
  return statement(env, 'voided', { objectType: 'StatementRef', id: targetId }, at)
}

/**
 * A regrade: void every old statement and issue the new ones. Returns the voiding statements
 * first, then the replacements; refuses a replacement that reuses an old id or a void of a void.
 */
export function reissue(env: StatementEnv, old: readonly XapiStatement[], replacements: readonly XapiStatement[], at: number): XapiStatement[] {
  const oldIds = new Set(old.map((s) => s.id))
  for (const s of old) if (s.verb.id === VERBS.voided) throw new Error(`Statement ${s.id} is itself a voiding statement: it cannot be voided.`)
  for (const s of replacements) if (oldIds.has(s.id)) throw new Error(`Replacement statement ${s.id} reuses the id of the statement it replaces: statements are never edited.`)
  return [...old.map((s) => voiding(env, s.id, at)), ...replacements]
}

const SCORED: ReadonlySet<string> = new Set([VERBS.answered, VERBS.completed, VERBS.passed, VERBS.failed])

/**
 * A regraded attempt (new key, instructor's grade): void the old scored statements (answered,
 * completed, passed/failed; initialized and terminated stand) and issue them anew from `grade`.
 */
export function regradeStatements(env: StatementEnv, attempt: Attempt, source: AttemptSource, previous: readonly XapiStatement[], grade: AttemptGrade, at: number): XapiStatement[] {
  const old = previous.filter((s) => SCORED.has(s.verb.id))
  const fresh = submittedAttemptStatements(env, attempt, source, grade).filter((s) => SCORED.has(s.verb.id))
  return reissue(env, old, fresh, at)
}
