import type { LmsTarget } from '../../../domain/lms/target.ts'
import type { LmsSession } from '../session.ts'

/** Reads the cmi5 launch, fetches the token and LMS.LaunchData: written by the lms-cmi5 branch. */
export function connectCmi5(target: LmsTarget, _win: Window): Promise<LmsSession> {
  return Promise.reject(new Error(`The ${target.kind} runtime is not in this build yet.`))
}
