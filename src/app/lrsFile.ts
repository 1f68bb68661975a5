/**
 * Whether this device asks for an LRS at all: its instructor's override (a `settings` row,
 * src/db/lrsDevice.ts) or `debrief.config.json`, fetched once. Tiny on purpose: it is all the
 * start and assessment chunks carry of xAPI. Only when one names an LRS (or the file cannot be
 * read as JSON, so the check can say what to fix) is the real reader loaded (lrsConfig.ts).
 */
import type { DebriefDb } from '../db/database.ts'
import { readLrsOverride } from '../db/lrsOverrideRow.ts'

let text: Promise<string | null> | undefined
let device: DebriefDb | undefined

/** The database whose override counts (main.ts, once it is open; a store that saves one). */
export function attachLrsDevice(db: DebriefDb): void {
  device = db
}

/** The file's text, or null when it is absent or unreachable. */
export function lrsFileText(): Promise<string | null> {
  text ??= fetch(`${import.meta.env.BASE_URL}debrief.config.json`, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null)
  return text
}

/** This device's stored override (unchecked), or undefined: none, or the database cannot say. */
export function lrsOverride(): Promise<unknown> {
  return Promise.resolve(device && readLrsOverride(device)).catch(() => undefined)
}

/** False when there is no override and the file is absent or says `{}` / `{ "lrs": null }`: then nothing xAPI loads. */
export async function lrsWanted(): Promise<boolean> {
  if ((await lrsOverride()) !== undefined) return true
  const body = await lrsFileText()
  return body !== null && !/^\s*\{\s*("lrs"\s*:\s*null\s*)?\}\s*$/u.test(body)
}

/** Forgets the file's text and the database (tests). */
export function forgetLrsFile(): void {
  text = undefined
  device = undefined
}
