import { defineStore } from 'pinia'
import { ref } from 'vue'
import { readAllTables, restoreAllTables } from '../db/backup.ts'
import { SCHEMA_VERSIONS } from '../db/schema.ts'
import { errorMessage } from '../app/errorMessage.ts'
import { createBackupFile, parseBackupFile } from '../domain/backupFile.ts'
import { fileStamp, isoDateTime } from '../domain/format.ts'
import { now } from '../platform/clock.ts'
import { useLearnerStore } from './learner.ts'
import { useStorageStore } from './storage.ts'
import { webSha256 } from '../db/importResults.ts'

const DATABASE_VERSION = SCHEMA_VERSIONS.at(-1)!.version

/** Backing up and restoring everything Debrief keeps on this device. */
export const useDeviceDataStore = defineStore('deviceData', () => {
  const storage = useStorageStore()
  const message = ref<string>()
  const failed = ref(false)

  function say(text: string, isError = false) {
    message.value = text
    failed.value = isError
  }

  /** The backup file of everything on this device, for the page to offer as a download. */
  async function backup(): Promise<{ name: string; text: string } | undefined> {
    try {
      const at = now()
      const file = await createBackupFile(await readAllTables(storage.database()), DATABASE_VERSION, isoDateTime(at), webSha256)
      say('Your backup file is downloading. Keep it somewhere safe, such as your documents or a USB stick.')
      return { name: `debrief-backup-${fileStamp(at).split('T')[0]!}.json`, text: JSON.stringify(file) }
    } catch (error) {
      storage.noteProblem(error)
      say(errorMessage(error), true)
      return undefined
    }
  }

  /** Restores a backup file; a bad file or failed write changes nothing. */
  async function restore(text: string): Promise<boolean> {
    const parsed = await parseBackupFile(text, { sha256: webSha256, databaseVersion: DATABASE_VERSION })
    if (!parsed.ok) {
      say(parsed.message, true)
      return false
    }
    try {
      const counts = await restoreAllTables(storage.database(), parsed.file)
      await useLearnerStore().load()
      const profiles = counts.learners ?? 0
      const attempts = counts.attempts ?? 0
      say(`Restored ${profiles} profile${profiles === 1 ? '' : 's'} and ${attempts} attempt${attempts === 1 ? '' : 's'} from the backup.`)
      return true
    } catch (error) {
      storage.noteProblem(error)
      say(`${errorMessage(error)} Nothing was changed.`, true)
      return false
    }
  }

  async function askToPersist(storageManager: Pick<StorageManager, 'persist'> | undefined): Promise<void> {
    const granted = (await storageManager?.persist().catch(() => false)) ?? false
    if (granted && storage.mode !== 'memory') storage.mode = 'persistent'
    say(granted ? 'Your browser will keep Debrief’s data unless you delete it yourself.' : 'Your browser did not agree to keep the data for sure. Make a backup from time to time.', !granted)
  }

  return { message, failed, backup, restore, askToPersist }
})
