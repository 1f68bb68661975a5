import type { LmsTarget } from '../../domain/lms/target.ts'

/**
 * The LMS this build was packaged for, or null for the web build (src/domain/lms/target.ts), for
 * LMS-only code. Where web code calls into LMS code, test `__DEBRIEF_LMS__` itself (src/virtual.d.ts):
 * the bundler folds that constant away in the web build, but not this one through an import.
 */
export const lmsTarget: LmsTarget | null = __DEBRIEF_LMS__
