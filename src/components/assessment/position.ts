/**
 * Which question of an attempt is on screen, kept for this tab only, so a reload comes back to
 * the same question. Losing it is harmless (the attempt then opens at its first unanswered one).
 */
const key = (attemptId: string) => `debrief:attempt-position:${attemptId}`

export function loadPosition(attemptId: string): number | undefined {
  try {
    const raw = sessionStorage.getItem(key(attemptId))
    const n = raw === null ? NaN : Number(raw)
    return Number.isInteger(n) && n >= 0 ? n : undefined
  } catch {
    return undefined
  }
}

export function savePosition(attemptId: string, index: number): void {
  try {
    sessionStorage.setItem(key(attemptId), String(index))
  } catch {
    // Storage refused (private mode, quota): the position is a convenience, not the learner's work.
  }
}
