import type { LmsTarget } from '../../../domain/lms/target.ts'
import type { LmsSession } from '../session.ts'

/** Finds the SCORM API (API / API_1484_11) and opens the session: written by the lms-scorm branch. */
export function connectScorm(target: LmsTarget, _win: Window): Promise<LmsSession> {
  return Promise.reject(new Error(`The ${target.kind} runtime is not in this build yet.`))
}
