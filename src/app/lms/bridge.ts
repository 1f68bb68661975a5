/**
 * The one way the stores tell an LMS what the learner did (src/app/lms/session.ts). The stores call
 * `tellLms` after IndexedDB committed; in the web build `lmsTarget` is null and every call is dead
 * code. Inside an LMS, events queue until the connection is up, then go out one at a time, in the
 * order they happened; a refusal is kept as `lmsProblem` for the page to show, and never undoes or
 * holds up what is saved.
 */
import { shallowRef } from 'vue'
import type { LmsEvent, LmsProblem, LmsSession } from './session.ts'
import { lmsTarget } from './target.ts'

/** The last problem the LMS reported (undefined once a later report went through). */
export const lmsProblem = shallowRef<LmsProblem>()
/** The live connection, once start.ts has made it. */
export const lmsSession = shallowRef<LmsSession>()

let waiting: LmsEvent[] = []
let chain: Promise<void> = Promise.resolve()

function send(session: LmsSession, event: LmsEvent): Promise<void> {
  chain = chain.then(async () => {
    try {
      lmsProblem.value = await session.report(event)
    } catch {
      lmsProblem.value = { message: 'Your answer is saved on this device, but the course system did not take it. It will be sent again with your next answer.' }
    }
  })
  return chain
}

/** Tells the LMS (if any) about a committed event; resolves when it is sent, never rejects. */
export function tellLms(event: LmsEvent): Promise<void> {
  if (!lmsTarget) return Promise.resolve()
  const session = lmsSession.value
  if (!session) {
    waiting.push(event)
    return Promise.resolve()
  }
  return send(session, event)
}

/** Makes `session` the live connection and sends what waited for it, in order. */
export function attachLmsSession(session: LmsSession): Promise<void> {
  lmsSession.value = session
  const queued = waiting
  waiting = []
  for (const event of queued) void send(session, event)
  return chain
}

/**
 * Sends the whole window (the LMS's page, when Debrief is in its frame) to `url`. From a frame of
 * another origin only the `href` setter of the top window's location is allowed (and only after a
 * click, which Exit is).
 */
function goTo(url: string): void {
  try {
    ;(window.top ?? window).location.href = url
  } catch {
    // A frame not allowed to move its top window moves itself.
    window.location.assign(url)
  }
}

/**
 * Ends the launch once every report before it has gone out; then, when the LMS gave a return
 * address (cmi5 returnURL) and the end went through, takes the learner there.
 */
export async function finishLms(options: { navigate?: (url: string) => void } = {}): Promise<void> {
  const session = lmsSession.value
  if (!session) return
  await chain
  const problem = await session.finish().catch(() => ({ message: 'The course system did not confirm that this session ended. Your work is saved on this device.' }))
  if (problem) lmsProblem.value = problem
  else if (session.returnUrl !== undefined) (typeof options.navigate === 'function' ? options.navigate : goTo)(session.returnUrl)
}

/** For tests: forget the connection and anything queued. */
export function resetLmsBridge(): void {
  lmsSession.value = undefined
  lmsProblem.value = undefined
  waiting = []
  chain = Promise.resolve()
}
