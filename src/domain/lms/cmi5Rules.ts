/**
 * The order cmi5 allows an AU's statements in (cmi5 spec §9.3, §10 launchMode, §7.1.3), as pure
 * functions over what was already sent. In a session: `initialized` first, `terminated` last and
 * nothing after it; no defined verb twice; at most one of passed/failed. In a registration (every
 * session of this learner's enrolment in this AU): `completed` once, `passed` once, no `failed`
 * after `passed`. Browse and Review launches send initialized and terminated only. "cmi5 allowed"
 * statements (any other verb, e.g. answered) go between initialized and terminated.
 */
import type { LaunchMode, MoveOn } from './cmi5LaunchData.ts'

export type DefinedVerb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated'
/** A defined verb, or 'allowed' for any other statement the AU sends in the session. */
export type Cmi5Verb = DefinedVerb | 'allowed'

/** What this AU already sent: in this session, and (passed, completed) in the whole registration. */
export interface Cmi5History {
  session: readonly DefinedVerb[]
  registration: { passed: boolean; completed: boolean }
}

export const EMPTY_HISTORY: Cmi5History = { session: [], registration: { passed: false, completed: false } }

/** Why `verb` may not be sent now, or null when it may. */
export function refusal(verb: Cmi5Verb, history: Cmi5History, launchMode: LaunchMode): string | null {
  const { session, registration } = history
  if (session.includes('terminated')) return 'the session has ended (terminated was sent)'
  if (verb === 'initialized') return session.length > 0 ? 'initialized was already sent in this session' : null
  if (!session.includes('initialized')) return 'initialized has not been sent yet'
  if (verb === 'terminated' || verb === 'allowed') return null
  if (launchMode !== 'Normal') return `a ${launchMode} launch sends no ${verb}`
  if (session.includes(verb)) return `${verb} was already sent in this session`
  if (verb === 'completed') return registration.completed ? 'completed was already sent in this registration' : null
  if (session.includes('passed') || session.includes('failed')) return 'this session already sent passed or failed'
  if (registration.passed) return verb === 'passed' ? 'passed was already sent in this registration' : 'failed may not follow passed in a registration'
  return null
}

/** The history after `verb` was sent (refused verbs are not recorded by callers). */
export function record(history: Cmi5History, verb: Cmi5Verb): Cmi5History {
  if (verb === 'allowed') return history
  return {
    session: [...history.session, verb],
    registration: {
      passed: history.registration.passed || verb === 'passed',
      completed: history.registration.completed || verb === 'completed',
    },
  }
}

/**
 * The defined statements a submitted attempt gives, in order, keeping only those the rules allow:
 * `completed` (the learner went through the assessment), then `passed` or `failed` when decided
 * (`passed` null: no pass decision, e.g. items wait for an instructor).
 */
export function outcomeVerbs(passed: boolean | null, history: Cmi5History, launchMode: LaunchMode): DefinedVerb[] {
  const out: DefinedVerb[] = []
  let h = history
  const wanted: DefinedVerb[] = ['completed', ...(passed === null ? [] : [passed ? ('passed' as const) : ('failed' as const)])]
  for (const verb of wanted) {
    if (refusal(verb, h, launchMode) === null) {
      out.push(verb)
      h = record(h, verb)
    }
  }
  return out
}

/** Whether what the registration holds meets the AU's moveOn criterion (§13.1.4). */
export function moveOnSatisfied(moveOn: MoveOn, registration: Cmi5History['registration']): boolean {
  switch (moveOn) {
    case 'Passed':
      return registration.passed
    case 'Completed':
      return registration.completed
    case 'CompletedAndPassed':
      return registration.passed && registration.completed
    case 'CompletedOrPassed':
      return registration.passed || registration.completed
    case 'NotApplicable':
      return true
  }
}
