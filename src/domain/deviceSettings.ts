/**
 * Keys of `settings` rows that belong to this device only: never in a backup (src/db/backup.ts
 * leaves them out and a restore neither writes nor removes them). Tiny on purpose: the start
 * chunk reads the LRS override through src/app/lrsFile.ts.
 */
export const PASSPHRASE_KEY = 'instructorPassphrase'
/** The instructor's LRS on this device (`{ lrs: … }` as in debrief.config.json), secret included. */
export const LRS_OVERRIDE_KEY = 'lrsOverride'
/** When this device's sender last had statements confirmed by the LRS (ms since 1970). */
export const LRS_LAST_SENT_KEY = 'lrsLastSent'

export const DEVICE_ONLY_SETTINGS: readonly string[] = [PASSPHRASE_KEY, LRS_OVERRIDE_KEY, LRS_LAST_SENT_KEY]
