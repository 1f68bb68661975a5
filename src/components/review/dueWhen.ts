/**
 * When the next review is due, in words: "today at 14:05", "tomorrow at 09:30",
 * "on Friday 12 March at 09:30". Calendar days are the learner's local days. A time that is not a
 * date reads "unknown date" (format.ts), never throws.
 */
import { isDate, UNKNOWN_DATE } from '../../domain/format.ts'

export function dueWhen(due: number, now: number, locale?: string): string {
  if (!isDate(due) || !isDate(now)) return UNKNOWN_DATE
  const at = new Date(due)
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at)
  const days = Math.round((startOfDay(at) - startOfDay(new Date(now))) / 86_400_000)
  if (days <= 0) return `today at ${time}`
  if (days === 1) return `tomorrow at ${time}`
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(at)
  return `on ${day} at ${time}`
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}
