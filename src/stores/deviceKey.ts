import { defineStore } from 'pinia'
import { useStorageStore } from './storage.ts'

/**
 * The profile's device key (issue 12 §3), made right after the profile form creates the profile.
 * Kept out of the learner store and loaded on demand, so the pages a learner opens first carry no
 * key code; a profile that gets no key here (a failure, an older profile) gets one at its first
 * export (src/db/deviceKeys.ts). Never throws: a profile without a key exports unsigned files.
 */
export const useDeviceKeyStore = defineStore('deviceKey', () => {
  const storage = useStorageStore()

  async function makeFor(learnerId: string, now: number): Promise<boolean> {
    try {
      const { deviceKeyFor } = await import('../db/deviceKeys.ts')
      return (await deviceKeyFor(storage.database(), learnerId, now)) !== undefined
    } catch {
      return false
    }
  }

  return { makeFor }
})
