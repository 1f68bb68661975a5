/**
 * Opening a SCORM 1.2 / 2004 session (docs/lms-runtime.md): find the API, initialize, read the
 * learner and what the LMS kept (entry, suspend_data), mark a first launch "incomplete".
 */
import { loadCourseItems, courses } from 'virtual:debrief/catalog'
import { savePosition } from '../../../components/assessment/position.ts'
import { getAttempt } from '../../../db/attempts.ts'
import type { DebriefDb } from '../../../db/database.ts'
import { restoreAttempt } from '../../../db/lmsResume.ts'
import { rebuildAttempt } from '../../../domain/lms/scormResume.ts'
import type { ScormVersion } from '../../../domain/lms/scormInteractions.ts'
import { decodeSuspendData, type SuspendedAttempt } from '../../../domain/lms/suspendData.ts'
import type { LmsTarget } from '../../../domain/lms/target.ts'
import type { LmsLearner, LmsProblem, LmsSession } from '../session.ts'
import { describeError, scormCalls, type ScormCalls } from './api.ts'
import { createScormSession } from './scormSession.ts'

const API_NAMES: Record<ScormVersion, string> = { scorm12: 'API (SCORM 1.2)', scorm2004: 'API_1484_11 (SCORM 2004)' }

/** SCORM 1.2 names people "Last, First"; show "First Last". */
export function displayName(name: string, version: ScormVersion): string {
  const trimmed = name.trim()
  if (version !== 'scorm12') return trimmed
  const parts = trimmed.split(',').map((p) => p.trim())
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '' ? `${parts[1]} ${parts[0]}` : trimmed
}

function readLearner(api: ScormCalls): LmsLearner {
  const v12 = api.version === 'scorm12'
  const id = api.get(v12 ? 'cmi.core.student_id' : 'cmi.learner_id').trim()
  if (id === '') throw new Error(`The LMS gave no learner id (${v12 ? 'cmi.core.student_id' : 'cmi.learner_id'} is empty).`)
  const name = displayName(api.get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name'), api.version)
  return { id, name: name === '' ? id : name }
}

/** Marks a first launch "incomplete"; says whether the LMS already has the SCO completed. */
function markStarted(api: ScormCalls): boolean {
  if (api.version === 'scorm12') {
    const status = api.get('cmi.core.lesson_status')
    if (status === 'not attempted' || status === '') api.set('cmi.core.lesson_status', 'incomplete')
    return status === 'passed' || status === 'failed' || status === 'completed'
  }
  const status = api.get('cmi.completion_status')
  if (status === 'not attempted' || status === 'unknown' || status === '') api.set('cmi.completion_status', 'incomplete')
  return status === 'completed'
}

/** The open attempt suspend_data holds on a resumed launch; a problem in words when it cannot be read. */
function readSuspended(api: ScormCalls): { suspended?: SuspendedAttempt; problem?: LmsProblem } {
  const entry = api.get(api.version === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry')
  if (entry !== 'resume') return {}
  const decoded = decodeSuspendData(api.get('cmi.suspend_data'))
  if (!decoded.ok) return { problem: { message: 'Debrief could not read the place your course system (LMS) kept for you. Anything saved on this device is still here.', detail: decoded.problem } }
  return decoded.attempt ? { suspended: decoded.attempt } : {}
}

async function resumeOnDevice(db: DebriefDb, target: LmsTarget, suspended: SuspendedAttempt, learnerId: string): Promise<LmsProblem | undefined> {
  // IndexedDB wins: the attempt saved on this device is at least as new as the LMS's copy.
  if ((await getAttempt(db, suspended.attemptId)) !== undefined) return undefined
  const blueprint = courses.find((c) => c.id === target.courseId)?.blueprints.find((b) => b.id === suspended.blueprintId)
  const items = await loadCourseItems(target.courseId)
  if (!blueprint || !items) return { message: 'Debrief could not bring back your attempt: this package does not hold its assessment.', detail: `assessment ${suspended.blueprintId}` }
  const rebuilt = rebuildAttempt(suspended, { courseId: target.courseId, learnerId, blueprint, banks: items.banks })
  if (!rebuilt.ok) return { message: 'Debrief could not bring back your attempt from your course system (LMS): the course changed since it was saved.', detail: rebuilt.problem }
  await restoreAttempt(db, rebuilt.attempt, rebuilt.responses)
  savePosition(suspended.attemptId, suspended.position)
  return undefined
}

/** Finds the API (API / API_1484_11) and opens the session; rejects with the LMS's own error when it cannot. */
export async function connectScorm(target: LmsTarget, win: Window, db?: DebriefDb): Promise<LmsSession> {
  if (target.kind === 'cmi5') throw new Error('connectScorm is for SCORM packages.')
  if (!db) throw new Error('connectScorm needs the database.')
  const api = scormCalls(win, target.kind)
  if (!api) throw new Error(`No SCORM API was found: no window above this one (parents, then the opener) has ${API_NAMES[target.kind]}.`)
  if (!api.initialize()) throw new Error(`The LMS refused ${target.kind === 'scorm12' ? 'LMSInitialize' : 'Initialize'}: ${describeError(api.lastError())}.`)
  const learner = readLearner(api)
  const completedAtLaunch = markStarted(api)
  const { suspended, problem } = readSuspended(api)
  api.commit()
  return createScormSession({
    api,
    target,
    db,
    learner,
    suspended,
    completedAtLaunch,
    resume: async (learnerId) => problem ?? (suspended ? resumeOnDevice(db, target, suspended, learnerId) : undefined),
  })
}
