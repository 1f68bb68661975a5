/** Small formatting helpers for the progress page. */

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

/** "4 of 6", "4.5 of 6": points rounded to one decimal place. */
export function points(score: number, max: number): string {
  const r = (n: number) => String(Math.round(n * 10) / 10)
  return `${r(score)} of ${r(max)}`
}
