/**
 * A sealed final on the fixture course, built by hand: the attempt shows stubs (publicItem) of
 * fixture items under versions the fixture's catalog does not know (so only the key file can
 * grade it), and the key file holds those full items, sealed with a known unlock code.
 */
import { loadCourseItems } from 'virtual:debrief/catalog'
import { publicItem } from '../../../src/domain/sealed.ts'
import { openWithSecret, sealKeyFile, type SealedKeyFile } from '../../../src/domain/sealedKeyFile.ts'
import type { Attempt, VersionedItem } from '../../../src/domain/types.ts'
import { COURSE, MINUTE, START } from '../assessment/assessmentApp.ts'

export const SECRET = 'unlock-code-for-tests'
export const SEALED_ITEMS = ['f-q01', 'f-q02', 'f-q04', 'f-q05']

/** The full items reserved for the sealed final, each at its own sealed version. */
export async function sealedFullItems(): Promise<VersionedItem[]> {
  const loaded = await loadCourseItems(COURSE)
  const items = new Map(loaded!.banks.flatMap((b) => b.items.map((i) => [i.id, i] as const)))
  return SEALED_ITEMS.map((id) => ({ ...items.get(id)!, version: `sealed-${items.get(id)!.version}`, sealed: true }) as VersionedItem)
}

/** The course's key file and the release code it opens with. */
export async function keyFile(): Promise<{ file: SealedKeyFile; releaseCode: string }> {
  const file = await sealKeyFile({ courseId: COURSE, blueprints: ['final'], items: await sealedFullItems() }, SECRET, crypto.subtle, (n) => crypto.getRandomValues(new Uint8Array(n)))
  const opened = await openWithSecret(file, SECRET, crypto.subtle)
  if (!opened.ok) throw new Error(opened.message)
  return { file, releaseCode: opened.releaseCode }
}

/** A submitted attempt at the sealed final, as the learner's device stores it (stubs only). */
export async function sealedAttempt(id: string, startedAt = START, versions?: 'catalog'): Promise<Attempt> {
  const full = await sealedFullItems()
  const shown = versions === 'catalog' ? full.map((i) => ({ ...i, version: i.version.replace(/^sealed-/, '') })) : full
  const stubs = shown.map(publicItem)
  return {
    id, courseId: COURSE, learnerId: 'ana', mode: 'assessment', sourceId: 'final', seed: 1,
    startedAt, deadline: startedAt + 10 * MINUTE, submittedAt: startedAt + MINUTE, submitReason: 'learner',
    slots: stubs.map((s) => ({ itemId: s.id, version: s.version })),
    snapshots: Object.fromEntries(stubs.map((s) => [s.version, s])),
  }
}

/** A fetch that serves the key file (or fails as offline, or answers 404). */
export function keyFileFetch(file: SealedKeyFile | 'offline' | 404): typeof fetch {
  return (async () => {
    if (file === 'offline') throw new TypeError('Failed to fetch')
    if (file === 404) return new Response('Not found', { status: 404 })
    return new Response(JSON.stringify(file), { status: 200 })
  }) as typeof fetch
}
