/**
 * The statements a cmi5 AU sends (cmi5 spec §9), built on issue 13's xAPI builders (pure; ids
 * from env.newId, times passed in).
 *
 * - "cmi5 defined" (initialized, completed, passed, failed, terminated): object = the launch's
 *   activityId; actor = the launch's actor; context = the LMS's contextTemplate (never overwritten:
 *   its extensions hold the session id, its grouping the publisher id) + registration + the cmi5
 *   category; passed/failed/completed also carry the moveon category (§9.6.2.2: every defined
 *   statement with success or completion). passed/failed: score (scaled, integer raw/min/max),
 *   success, duration, and the masteryscore extension when the LMS gave a masteryScore; completed:
 *   completion and duration, no score (§9.5.1); terminated: the session's duration.
 * - "cmi5 allowed" (§7.1.3): one `answered` per item of a submitted attempt (issue 13's builder:
 *   interaction definition, response, score), with the context template and no cmi5 category.
 *   The attempt id, which issue 13 puts in `registration`, moves to an extension here.
 */
import type { AttemptGrade, ItemResult } from '../attemptGrading.ts'
import type { Attempt, VersionedItem } from '../types.ts'
import { isoDuration, isoTimestamp } from '../xapi/duration.ts'
import { VERBS, type XapiSettings } from '../xapi/iris.ts'
import { answered, xapiScore, type AttemptSource } from '../xapi/statements.ts'
import type { XapiActivity, XapiContext, XapiResult, XapiStatement } from '../xapi/statementTypes.ts'
import type { Cmi5Launch } from './cmi5Launch.ts'
import type { LaunchData } from './cmi5LaunchData.ts'
import { outcomeVerbs, record, type Cmi5History, type DefinedVerb } from './cmi5Rules.ts'

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon'
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore'

export interface Cmi5Context extends Omit<XapiContext, 'contextActivities'> {
  registration: string
  contextActivities: { parent?: XapiActivity[]; grouping?: XapiActivity[]; category?: XapiActivity[]; other?: XapiActivity[] }
  extensions: Record<string, unknown>
}

export type Cmi5Statement = Omit<XapiStatement, 'context'> & { context: Cmi5Context }

export interface Cmi5Env {
  launch: Cmi5Launch
  launchData: LaunchData
  /** Base of Debrief's own IRIs (items, extensions) in the allowed statements. */
  settings: XapiSettings
  newId: () => string
}

type Score = NonNullable<XapiResult['score']>

/** Debrief's extension holding the attempt id in cmi5 statements (registration is the LMS's). */
export function attemptExtension(settings: XapiSettings): string {
  return `${settings.activityBase.replace(/\/+$/u, '')}/extensions/attempt`
}

function categoryActivity(id: string): XapiActivity {
  return { objectType: 'Activity', id }
}

/**
 * The context template with our additions merged in: lists appended after the template's,
 * extensions added only under keys the template does not use (the AU must not overwrite it).
 */
export function mergeContext(env: Cmi5Env, categories: readonly string[], extensions: Record<string, unknown> = {}, activities: Cmi5Context['contextActivities'] = {}): Cmi5Context {
  const template = structuredClone(env.launchData.contextTemplate) as Cmi5Context
  const lists = (template.contextActivities ?? {}) as Cmi5Context['contextActivities']
  const merged: Cmi5Context['contextActivities'] = { ...lists }
  for (const key of ['parent', 'grouping', 'other'] as const) {
    const ours = activities[key] ?? []
    if (ours.length > 0) merged[key] = [...(lists[key] ?? []), ...ours.filter((a) => !(lists[key] ?? []).some((t) => t.id === a.id))]
  }
  const category = [...(lists.category ?? [])]
  for (const id of categories) if (!category.some((a) => a.id === id)) category.push(categoryActivity(id))
  if (category.length > 0) merged.category = category
  return {
    ...template,
    registration: env.launch.registration,
    contextActivities: merged,
    extensions: { ...extensions, ...template.extensions },
  }
}

function defined(env: Cmi5Env, verb: DefinedVerb, at: number, result?: XapiResult, extensions: Record<string, unknown> = {}): Cmi5Statement {
  const judged = result?.success !== undefined || result?.completion !== undefined
  return {
    id: env.newId(),
    actor: env.launch.actor,
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: env.launch.activityId },
    ...(result !== undefined ? { result } : {}),
    context: mergeContext(env, judged ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY], extensions),
    timestamp: isoTimestamp(at),
  }
}

export function cmi5Initialized(env: Cmi5Env, at: number): Cmi5Statement {
  return defined(env, 'initialized', at)
}

/** `terminated`, with the session's duration (initialized to now, §9.5.4.1). */
export function cmi5Terminated(env: Cmi5Env, at: number, sessionMs: number): Cmi5Statement {
  return defined(env, 'terminated', at, { duration: isoDuration(sessionMs) })
}

export function cmi5Completed(env: Cmi5Env, at: number, durationMs: number): Cmi5Statement {
  return defined(env, 'completed', at, { completion: true, duration: isoDuration(durationMs) })
}

/** `passed` or `failed` with the score; the masteryscore extension when the LMS set a masteryScore. */
export function cmi5Judged(env: Cmi5Env, verb: 'passed' | 'failed', at: number, score: Score, durationMs: number): Cmi5Statement {
  const mastery = env.launchData.masteryScore
  return defined(env, verb, at, { score, success: verb === 'passed', duration: isoDuration(durationMs) }, mastery !== undefined ? { [MASTERY_SCORE_EXTENSION]: mastery } : {})
}

/** An attempt's score for cmi5: raw, min and max are integers (§9.5.1), else the percentage 0–100. */
export function cmi5Score(score: number, max: number): Score {
  const xs = xapiScore(score, max)
  if (Number.isInteger(xs.raw) && Number.isInteger(xs.max)) return xs
  return { scaled: xs.scaled, raw: Math.round(xs.scaled * 100), min: 0, max: 100 }
}

/**
 * The pass decision: the LMS's masteryScore when it gave one (scaled ≥ masteryScore, §10), else
 * the blueprint's (grade.passed). Items waiting for an instructor count 0, as the blueprint's rule
 * does: a pass is certain when the rest already reaches the mark, a fail when even full marks on
 * them would not; otherwise null (undecided: no passed or failed is sent).
 */
export function judge(grade: AttemptGrade, score: Score, masteryScore: number | undefined): boolean | null {
  if (masteryScore === undefined) return grade.passed
  if (score.scaled >= masteryScore) return true
  if (grade.pending === 0 || grade.max <= 0) return false
  const waiting = grade.perItem.filter((r) => r.pending).reduce((sum, r) => sum + r.grade.max, 0)
  return (grade.score + waiting) / grade.max < masteryScore ? false : null
}

/** One item as a "cmi5 allowed" `answered` statement: issue 13's statement with the launch's actor and context. */
export function cmi5Answered(env: Cmi5Env, attempt: Attempt, source: AttemptSource, item: VersionedItem, result: ItemResult, at: number): Cmi5Statement {
  const xapi = answered({ settings: env.settings, learner: { id: env.launch.actor.account.name }, newId: env.newId }, attempt, source, item, result)
  const own = xapi.context ?? {}
  return {
    ...xapi,
    actor: env.launch.actor,
    context: mergeContext(env, [], { ...own.extensions, [attemptExtension(env.settings)]: attempt.id }, { parent: [{ objectType: 'Activity', id: env.launch.activityId }], grouping: own.contextActivities?.grouping ?? [] }),
    timestamp: isoTimestamp(at),
  }
}

export interface AttemptPlan {
  statements: Cmi5Statement[]
  history: Cmi5History
}

/**
 * The statements of a submitted attempt, in order, 1 ms apart from `at` (no earlier than the
 * session's initialized; cmi5 orders by timestamp): one answered per item, then completed and
 * passed/failed as the rules allow.
 * `grade` null: not gradable on this device (a sealed attempt): completed alone.
 */
export function attemptPlan(env: Cmi5Env, attempt: Attempt, source: AttemptSource, grade: AttemptGrade | null, history: Cmi5History, at: number): AttemptPlan {
  const statements: Cmi5Statement[] = []
  const duration = (attempt.submittedAt ?? at) - attempt.startedAt
  const score = grade === null ? null : cmi5Score(grade.score, grade.max)
  const decision = grade === null || score === null ? null : judge(grade, score, env.launchData.masteryScore)
  const verbs = outcomeVerbs(decision, history, env.launchData.launchMode)
  if (env.launchData.launchMode === 'Normal' && grade !== null) {
    for (const result of grade.perItem) {
      const item = attempt.snapshots[result.version]
      if (item !== undefined) statements.push(cmi5Answered(env, attempt, source, item, result, at + statements.length))
    }
  }
  let h = history
  for (const verb of verbs) {
    const when = at + statements.length
    statements.push(verb === 'completed' || score === null ? cmi5Completed(env, when, duration) : cmi5Judged(env, verb as 'passed' | 'failed', when, score, duration))
    h = record(h, verb)
  }
  return { statements, history: h }
}
