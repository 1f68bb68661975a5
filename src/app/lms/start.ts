/**
 * Connects to the LMS a package was built for (src/app/lms/target.ts), before the first paint:
 * the learner the LMS names becomes this device's active profile, and the bridge starts sending.
 * Loaded only inside an LMS package (src/main.ts), so none of it is in the web build.
 */
import { createLearner, getActiveLearnerId, hasLearner, setActiveLearner } from '../../db/learners.ts'
import type { DebriefDb } from '../../db/database.ts'
import type { LmsTarget } from '../../domain/lms/target.ts'
import { cleanName, nameProblem } from '../../domain/names.ts'
import { uuidV5 } from '../../domain/xapi/statementIds.ts'
import { now } from '../../platform/clock.ts'
import { attachLmsSession, finishLms, lmsProblem } from './bridge.ts'
import { LmsConnectError, type LmsLearner, type LmsSession } from './session.ts'

/** Names this device's profiles for LMS learners (a fixed, random UUID: never change it). */
const LMS_LEARNER_NAMESPACE = '5d0f2a6e-93c1-4b7e-8f0a-61e4c2b9d7a5'

const RESUME_FAILED = 'Debrief could not bring back the attempt your course system (LMS) kept for you. Anything saved on this device is still here.'

/** The profile id of the LMS's learner: the same on every launch, on every device. */
export function lmsProfileId(learner: LmsLearner): string {
  return uuidV5(LMS_LEARNER_NAMESPACE, `debrief/lms-learner/${learner.id}`)
}

async function connect(target: LmsTarget, db: DebriefDb): Promise<LmsSession> {
  if (target.kind === 'cmi5') return (await import('./cmi5/connect.ts')).connectCmi5(target, window, db)
  return (await import('./scorm/connect.ts')).connectScorm(target, window, db)
}

/**
 * The LMS banner (what the LMS refused, "Finish and return to the course") in its own small Vue app
 * above the page, so that App.vue, and with it the web build, carries none of it.
 */
async function showLmsBanner(): Promise<void> {
  const [{ createApp }, { default: TheLmsBanner }] = await Promise.all([import('vue'), import('../../components/app/TheLmsBanner.vue')])
  const host = document.createElement('div')
  host.className = 'lms-banner-host'
  document.body.prepend(host)
  createApp(TheLmsBanner).mount(host)
}

/** Makes the LMS's learner the active profile, creating it the first time. */
async function useLmsLearner(db: DebriefDb, learner: LmsLearner): Promise<void> {
  const id = lmsProfileId(learner)
  if (await hasLearner(db, id)) {
    if ((await getActiveLearnerId(db)) !== id) await setActiveLearner(db, id)
    return
  }
  const name = cleanName(learner.name)
  await createLearner(db, { id, name: nameProblem(name) === undefined ? name : 'Learner', createdAt: now() })
}

/**
 * Connects, or leaves the app working on its own with a plain message when the LMS cannot be
 * reached: the learner's work is still saved on this device.
 */
export async function startLms(target: LmsTarget, db: DebriefDb): Promise<LmsSession | undefined> {
  void showLmsBanner()
  let session: LmsSession
  try {
    session = await connect(target, db)
  } catch (e) {
    // A connection that says what went wrong (a cmi5 launch without its parameters…) is shown as it
    // says; when the launch named the learner, their work on this device is kept as theirs.
    lmsProblem.value = e instanceof LmsConnectError ? e.problem : {
      message: 'Debrief could not connect to your course system (LMS), so it will not receive your progress or score from this visit. Your work is saved on this device. Close this window and open the course again from your LMS.',
      detail: e instanceof Error ? e.message : undefined,
    }
    if (e instanceof LmsConnectError && e.learner !== undefined) await useLmsLearner(db, e.learner).catch(() => undefined)
    return undefined
  }
  await useLmsLearner(db, session.learner)
  // What the LMS kept of an open attempt comes back before the first paint, so the page finds it.
  const resumed = await session.resume?.(lmsProfileId(session.learner)).catch(() => ({ message: RESUME_FAILED }))
  if (resumed) lmsProblem.value = resumed
  void attachLmsSession(session)
  // The LMS hears that the session ended when the page goes away (closed, reloaded, navigated off);
  // a session with its own way to leave (cmi5 keeps terminated for a reload to cancel) uses it.
  window.addEventListener('pagehide', () => (session.leave ? session.leave() : void finishLms()), { once: true })
  return session
}
