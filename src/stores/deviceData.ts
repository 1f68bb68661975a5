import { defineStore } from 'pinia'
import { ref } from 'vue'
import { readDeviceTables, readLearnerTables, restoreBackup, type RestoreOutcome } from '../db/backup.ts'
import { SCHEMA_VERSIONS } from '../db/schema.ts'
import { errorMessage } from '../app/errorMessage.ts'
import { createBackupFile, parseBackupFile, type BackupScope } from '../domain/backupFile.ts'
import { fileStamp, isoDateTime, plural } from '../domain/format.ts'
import { now } from '../platform/clock.ts'
import { useInstructorStore } from './instructor.ts'
import { useLearnerStore } from './learner.ts'
import { useStorageStore } from './storage.ts'
import { webSha256 } from '../db/importResults.ts'

const DATABASE_VERSION = SCHEMA_VERSIONS.at(-1)!.version

/** What a restore says it did, in plain words. */
function restoredText(scope: BackupScope, outcome: RestoreOutcome, name: string | undefined): string {
  const attempts = plural(outcome.counts.attempts ?? 0, 'attempt')
  const kept = outcome.passphraseKept ? ' The instructor passphrase on this device was kept: a backup never changes it.' : ''
  if (scope.kind === 'learner') {
    const notes = [
      outcome.attemptsKept > 0 ? ` ${plural(outcome.attemptsKept, 'assessment attempt')} already on this device ${outcome.attemptsKept === 1 ? 'stayed as it was' : 'stayed as they were'}: a backup never changes a sitting.` : '',
      outcome.allowanceKept ? ' Extra time is set by your instructor, so the extra time on this device was kept.' : '',
    ]
    return `Restored the profile ${name ?? scope.learnerId} and ${attempts} from the backup. Other profiles on this device were not changed.${notes.join('')}`
  }
  return `Restored ${plural(outcome.counts.learners ?? 0, 'profile')} and ${attempts} from the backup.${kept}`
}

/**
 * Backing up and restoring: a learner their own profile, an instructor (instructor mode
 * unlocked) the whole device. The db layer checks the unlock too (src/db/backup.ts).
 */
export const useDeviceDataStore = defineStore('deviceData', () => {
  const storage = useStorageStore()
  const message = ref<string>()
  const failed = ref(false)

  function say(text: string, isError = false) {
    message.value = text
    failed.value = isError
  }

  const access = () => ({ instructorUnlocked: useInstructorStore().unlocked })

  async function download(scope: BackupScope, label: string): Promise<{ name: string; text: string } | undefined> {
    try {
      const db = storage.database()
      const tables = scope.kind === 'learner' ? await readLearnerTables(db, scope.learnerId) : await readDeviceTables(db, access())
      const at = now()
      const file = await createBackupFile(tables, scope, DATABASE_VERSION, isoDateTime(at), webSha256)
      say('Your backup file is downloading. Keep it somewhere safe, such as your documents or a USB stick.')
      return { name: `debrief-${label}-${fileStamp(at).split('T')[0]!}.json`, text: JSON.stringify(file) }
    } catch (error) {
      storage.noteProblem(error)
      say(errorMessage(error), true)
      return undefined
    }
  }

  /** A backup of the active profile's own data, for the page to offer as a download. */
  async function backupProfile(): Promise<{ name: string; text: string } | undefined> {
    const learnerId = useLearnerStore().activeId
    if (learnerId === undefined) {
      say('Choose your profile first: a backup holds one profile’s data.', true)
      return undefined
    }
    return download({ kind: 'learner', learnerId }, 'backup')
  }

  /** A backup of everything on this device (no passphrase record); instructor mode only. */
  function backupDevice(): Promise<{ name: string; text: string } | undefined> {
    return download({ kind: 'device' }, 'device-backup')
  }

  /** Restores a backup file; a bad file, a refusal or a failed write changes nothing. */
  async function restore(text: string): Promise<boolean> {
    const parsed = await parseBackupFile(text, { sha256: webSha256, databaseVersion: DATABASE_VERSION })
    if (!parsed.ok) {
      say(parsed.message, true)
      return false
    }
    try {
      const outcome = await restoreBackup(storage.database(), parsed.file, access())
      const learners = useLearnerStore()
      await learners.load()
      const scope = parsed.file.scope
      const name = scope.kind === 'learner' ? learners.learners.find((l) => l.id === scope.learnerId)?.name : undefined
      say(restoredText(scope, outcome, name))
      return true
    } catch (error) {
      storage.noteProblem(error)
      const words = errorMessage(error)
      say(words.includes('Nothing was') || words.includes('nothing was') ? words : `${words} Nothing was changed.`, true)
      return false
    }
  }

  async function askToPersist(storageManager: Pick<StorageManager, 'persist'> | undefined): Promise<void> {
    const granted = (await storageManager?.persist().catch(() => false)) ?? false
    if (granted && storage.mode !== 'memory') storage.mode = 'persistent'
    say(granted ? 'Your browser will keep Debrief’s data unless you delete it yourself.' : 'Your browser did not agree to keep the data for sure. Make a backup from time to time.', !granted)
  }

  return { message, failed, backupProfile, backupDevice, restore, askToPersist }
})
