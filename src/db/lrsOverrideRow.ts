/**
 * Reads this device's LRS override row alone. Its own module because src/app/lrsFile.ts, in the
 * start chunk, needs only this; the rest of the override's functions are src/db/lrsDevice.ts.
 * The key is written out here (it is LRS_OVERRIDE_KEY of src/domain/deviceSettings.ts, which a
 * test checks) so that module stays out of the start chunk.
 */
import type { DebriefDb } from './database.ts'

export const OVERRIDE_ROW_KEY = 'lrsOverride'

/** The stored override (`{ lrs: … }`, unchecked), or undefined when this device has none. Rejects when the database cannot be read. */
export function readLrsOverride(db: DebriefDb): Promise<unknown> {
  return db.settings.get(OVERRIDE_ROW_KEY).then((row) => row?.value)
}
