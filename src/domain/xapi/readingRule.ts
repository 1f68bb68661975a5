/**
 * Which lesson statements a reading-progress write sends (pure).
 *
 * - `completed`: the write that first makes the lesson done (read to the end, or marked done).
 *   Never again for that learner and lesson: progress never goes back, so a lesson read again
 *   stays done and sends nothing.
 * - `progressed`: a write that moves the furthest point read across one or more of
 *   PROGRESS_THRESHOLDS (25, 50, 75 %) sends one, with the percent reached (rounded down). Since
 *   progress only grows, each threshold is crossed once: at most three per learner and lesson,
 *   however often the page saves. None with the completing write (`completed` says 100 %).
 */

export const PROGRESS_THRESHOLDS: readonly number[] = [25, 50, 75]

export interface ReadingPoint {
  state: 'not-started' | 'in-progress' | 'done'
  /** 0..1 */
  readFraction: number
}

export interface ReadingStatements {
  completed: boolean
  /** Percent for a `progressed`, or null for none. */
  progressed: number | null
}

/** What the step from `before` (undefined: never opened) to `after` sends (rules above). */
export function readingStatements(before: ReadingPoint | undefined, after: ReadingPoint): ReadingStatements {
  if (before?.state === 'done') return { completed: false, progressed: null }
  if (after.state === 'done') return { completed: true, progressed: null }
  const from = Math.floor((before?.readFraction ?? 0) * 100)
  const to = Math.floor(after.readFraction * 100)
  const crossed = PROGRESS_THRESHOLDS.some((t) => from < t && to >= t)
  return { completed: false, progressed: crossed ? to : null }
}
