/** Small formatting and scoring helpers for the progress page. */
import { gradeResponse } from '../../domain/grading/index.ts'
import type { Attempt, Response } from '../../domain/types.ts'

/** A duration in words: "1 h 5 min", "45 min", "less than a minute", "none yet". */
export function formatDuration(seconds: number): string {
  if (!(seconds > 0)) return 'none yet'
  const minutes = Math.round(seconds / 60)
  if (minutes === 0) return 'less than a minute'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function formatDate(at: number): string {
  return dateTime.format(new Date(at))
}

/**
 * The first-try score of a practice run: each saved response is the first checked answer to its
 * item (retries are never saved), graded against the snapshot the run showed.
 */
export function practiceScore(attempt: Attempt, responses: readonly Response[]): { score: number; max: number; answered: number } {
  let score = 0
  let max = 0
  let answered = 0
  for (const response of responses) {
    const slot = attempt.slots.find((s) => s.itemId === response.itemId)
    const item = slot ? attempt.snapshots[slot.version] : undefined
    if (!item || response.answer === null) continue
    const grade = gradeResponse(item, response.answer)
    score += grade.score
    max += grade.max
    answered += 1
  }
  return { score, max, answered }
}

/** "4 of 6", "4.5 of 6": points rounded to one decimal place. */
export function points(score: number, max: number): string {
  const r = (n: number) => String(Math.round(n * 10) / 10)
  return `${r(score)} of ${r(max)}`
}
