/**
 * This device's LRS settings in the `settings` table (no schema change: new keys only): the
 * instructor's override of debrief.config.json, and when the sender last had statements
 * confirmed. Both are device-only rows (src/domain/deviceSettings.ts): never in a backup, and a
 * restore leaves them as they are. The override is stored as a debrief.config.json would hold it,
 * `{ lrs: { … } }`, and checked again with checkLrsConfig whenever it is read.
 */
import { LRS_LAST_SENT_KEY, LRS_OVERRIDE_KEY } from '../domain/deviceSettings.ts'
import type { LrsConfig } from '../domain/xapi/config.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'
import { readLrsOverride as readOverrideRow } from './lrsOverrideRow.ts'

/** The stored override (`{ lrs: … }`, unchecked), or undefined when this device has none. */
export function readLrsOverride(db: DebriefDb): Promise<unknown> {
  return guarded(() => readOverrideRow(db))
}

/** Stores a checked LRS setup as this device's override (it wins over debrief.config.json). */
export function saveLrsOverride(db: DebriefDb, lrs: LrsConfig): Promise<void> {
  return guarded(async () => {
    await db.settings.put({ key: LRS_OVERRIDE_KEY, value: { lrs } })
  })
}

/** Removes the override: debrief.config.json applies again. */
export function removeLrsOverride(db: DebriefDb): Promise<void> {
  return guarded(() => db.settings.delete(LRS_OVERRIDE_KEY))
}

/** When statements were last confirmed by the LRS from this device, or null. */
export function readLastSent(db: DebriefDb): Promise<number | null> {
  return guarded(async () => {
    const value = (await db.settings.get(LRS_LAST_SENT_KEY))?.value
    return typeof value === 'number' && Number.isFinite(value) ? value : null
  })
}

export function noteLastSent(db: DebriefDb, at: number): Promise<void> {
  return guarded(async () => {
    await db.settings.put({ key: LRS_LAST_SENT_KEY, value: at })
  })
}
