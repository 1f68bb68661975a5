import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { sealedKeyFileUrl } from 'virtual:debrief/catalog'
import { tellLms } from '../app/lms/bridge.ts'
import { lrsWanted } from '../app/lrsFile.ts'
import { getSealedItems, saveSealedItems, type SealedItemsRecord, type UnlockStatements } from '../db/sealedItems.ts'
import type { SealedKeyFile } from '../domain/sealedKeyFile.ts'
import { now } from '../platform/clock.ts'
import { useAttemptsStore } from './attempts.ts'
import { useStorageStore } from './storage.ts'

export type Opened = { ok: true; row: SealedItemsRecord } | { ok: false; message: string }

export const WRONG_RELEASE_CODE = 'That release code does not open this course’s results. Check it with your instructor.'
export const WRONG_UNLOCK_CODE = 'That unlock code does not open this course’s sealed assessments. Check it and try again.'
export const OFFLINE = 'The key file for this course could not be fetched: this device seems to be offline. Try again when you are online.'

/** Fetches and reads a course's key file; never throws. */
export async function fetchKeyFile(courseId: string, fetcher: typeof fetch = globalThis.fetch): Promise<{ ok: true; file: SealedKeyFile } | { ok: false; message: string }> {
  const url = sealedKeyFileUrl(courseId)
  if (url === undefined) return { ok: false, message: 'This course has no sealed assessments, so there is nothing to open.' }
  let text: string
  try {
    const response = await fetcher(url, { cache: 'no-store' })
    if (!response.ok) return { ok: false, message: `The key file for this course could not be fetched (the server answered ${response.status}). Try again later, or ask your instructor.` }
    text = await response.text()
  } catch {
    return { ok: false, message: OFFLINE }
  }
  const { parseSealedKeyFile } = await import('../domain/sealedKeyFile.ts')
  const parsed = parseSealedKeyFile(text)
  return parsed.ok ? parsed : { ok: false, message: `The key file for this course could not be read: ${parsed.message} Ask your instructor.` }
}

/**
 * Opening a course's sealed assessments on this device (issue 12 §6): a learner with the release
 * code her instructor gives out, the instructor with the unlock code (the deploy secret). Either
 * way the key file is fetched on demand (it is never precached), its full items are stored in
 * `sealedItems`, and the learner's attempts are graded from them at once. The crypto code loads
 * only when asked.
 */
export const useSealedStore = defineStore('sealed', () => {
  const storage = useStorageStore()
  /** The instructor's opened row of the course last asked about (with its release code). */
  const row = shallowRef<SealedItemsRecord>()

  /** An unlock's xAPI rows (src/app/instructorOutbox.ts), loaded only when an LRS is wanted and the unlock code opened it. */
  async function unlockStatements(next: SealedItemsRecord): Promise<UnlockStatements | undefined> {
    if (next.via !== 'secret' || !(await lrsWanted())) return undefined
    return import('../app/instructorOutbox.ts').then((m) => m.unlockRows()).catch(() => undefined)
  }

  async function keep(next: SealedItemsRecord): Promise<SealedItemsRecord> {
    const kept = await saveSealedItems(storage.database(), next, await unlockStatements(next))
    const { adopt } = await import('./sealedAttempts.ts')
    adopt(useAttemptsStore(), kept.courseId, kept.items)
    // Inside an LMS, it hears the grades that waited for these items (src/app/lms/bridge.ts).
    if (__DEBRIEF_LMS__) void tellLms({ type: 'released', courseId: kept.courseId })
    return kept
  }

  /** A learner's release code: resolves to what was opened, or why not in plain words. */
  async function openWithCode(courseId: string, code: string, fetcher?: typeof fetch): Promise<Opened> {
    if (code.trim() === '') return { ok: false, message: 'Type the release code your instructor gave you, then try again.' }
    const fetched = await fetchKeyFile(courseId, fetcher)
    if (!fetched.ok) return fetched
    const { openWithReleaseCode } = await import('../domain/sealedKeyFile.ts')
    const opened = await openWithReleaseCode(fetched.file, code, crypto.subtle)
    if (!opened.ok) return { ok: false, message: opened.message }
    if (opened.courseId !== courseId) return { ok: false, message: WRONG_RELEASE_CODE }
    return { ok: true, row: await keep({ courseId, items: opened.items, via: 'release-code', openedAt: now() }) }
  }

  /** The instructor's unlock code: stores the items and the release code to hand out. */
  async function unlock(courseId: string, secret: string, fetcher?: typeof fetch): Promise<Opened> {
    if (secret.trim() === '') return { ok: false, message: 'Type the unlock code, then try again.' }
    const fetched = await fetchKeyFile(courseId, fetcher)
    if (!fetched.ok) return fetched
    const { openWithSecret } = await import('../domain/sealedKeyFile.ts')
    const opened = await openWithSecret(fetched.file, secret.trim(), crypto.subtle)
    if (!opened.ok) return { ok: false, message: opened.message }
    if (opened.courseId !== courseId) return { ok: false, message: WRONG_UNLOCK_CODE }
    row.value = await keep({ courseId, items: opened.items, via: 'secret', releaseCode: opened.releaseCode, openedAt: now() })
    return { ok: true, row: row.value }
  }

  /** Reads what this device has opened of a course (for the instructor's card). */
  async function load(courseId: string): Promise<SealedItemsRecord | undefined> {
    row.value = await getSealedItems(storage.database(), courseId)
    return row.value
  }

  return { row, openWithCode, unlock, load }
})
