import type { LmsTarget } from '../../domain/lms/target.ts'

declare const __DEBRIEF_LMS__: LmsTarget | null

/**
 * The LMS this build was packaged for, or null for the web build (src/domain/lms/target.ts).
 * A compile-time constant: in the web build every `if (lmsTarget)` branch is dead code and drops out.
 */
export const lmsTarget: LmsTarget | null = typeof __DEBRIEF_LMS__ === 'undefined' ? null : __DEBRIEF_LMS__
