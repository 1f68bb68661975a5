/**
 * ISO 8601 durations for xAPI `result.duration`, from milliseconds: `PT1H2M3.456S`.
 * Hours are not folded into days (xAPI readers accept any hour count); zero is `PT0S`;
 * a negative or non-finite span (a clock that went back) counts as zero. Precision: ms.
 */
export function isoDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor((total % 3_600_000) / 60_000)
  const millis = total % 60_000
  const seconds = Math.floor(millis / 1000)
  const fraction = millis % 1000
  let out = 'PT'
  if (hours > 0) out += `${hours}H`
  if (minutes > 0) out += `${minutes}M`
  if (seconds > 0 || fraction > 0 || out === 'PT') {
    out += fraction > 0 ? `${seconds}.${String(fraction).padStart(3, '0').replace(/0+$/u, '')}S` : `${seconds}S`
  }
  return out
}

/** ISO 8601 timestamp with milliseconds in UTC, e.g. `2027-01-15T08:00:00.000Z`. */
export function isoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString()
}
