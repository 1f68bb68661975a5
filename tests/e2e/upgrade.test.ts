/**
 * A device that used the first release: its database, at schema version 1 on a real Chromium
 * profile, is upgraded to version 2 when the new app opens, and nothing is lost.
 */
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSIONS } from '../../src/db/schema.ts'
import { COURSE } from './learnerActions.ts'
import { collectErrors } from './browser.ts'
import { usePersistentDevice } from './persistent.ts'

const device = usePersistentDevice('upgrade')

interface IndexSpec {
  name: string
  keyPath: string | string[]
  unique: boolean
  multiEntry: boolean
  autoIncrement: boolean
}

/** One Dexie index declaration ("id", "++id", "&email", "*tags", "[a+b]") as IndexedDB sees it. */
function parseIndex(source: string): IndexSpec {
  const name = source.replace(/^[&*]|^\+\+/, '')
  const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name
  return { name, keyPath, unique: source.startsWith('&'), multiEntry: source.startsWith('*'), autoIncrement: source.startsWith('++') }
}

/** The object stores Dexie creates for a schema version: first entry the primary key, the rest indexes. */
function storesOf(stores: Record<string, string | null>) {
  return Object.entries(stores).map(([name, spec]) => {
    const [primary, ...indexes] = (spec ?? '').split(',').map((s) => s.trim())
    return { name, primaryKey: parseIndex(primary!), indexes: indexes.map(parseIndex) }
  })
}

const VERSION_1 = SCHEMA_VERSIONS.find((v) => v.version === 1)!
const LATEST = SCHEMA_VERSIONS.at(-1)!

const OLD_LEARNER = { id: 'old', name: 'Old Learner', createdAt: 1 }
const OLD_PROGRESS = [
  { learnerId: 'old', courseId: COURSE, lessonId: 'l0-reading-briefs', state: 'done', readFraction: 1, secondsSpent: 600, updatedAt: 2 },
  { learnerId: 'old', courseId: COURSE, lessonId: 'l1-event', state: 'in-progress', readFraction: 0.4, secondsSpent: 120, updatedAt: 3 },
]

describe('a database from the first release', () => {
  it('is upgraded to version 2 on a real Chromium profile without losing its profile or reading progress', async () => {
    let context = await device.open({ serviceWorkers: 'block' })
    const page = await context.newPage()
    // A static file of the origin: nothing of the app runs, so the database is only what this test makes.
    await page.goto('/robots.txt')
    await page.evaluate(
      ({ stores, learner, progress }) =>
        new Promise<void>((resolve, reject) => {
          // Dexie stores its schema version n as IndexedDB version n × 10.
          const request = indexedDB.open('debrief', 10)
          request.onupgradeneeded = () => {
            const db = request.result
            for (const store of stores) {
              const created = db.createObjectStore(store.name, { keyPath: store.primaryKey.keyPath, autoIncrement: store.primaryKey.autoIncrement })
              for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry })
            }
            const tx = request.transaction!
            tx.objectStore('learners').add(learner)
            for (const row of progress) tx.objectStore('lessonProgress').add(row)
          }
          request.onsuccess = () => {
            request.result.close()
            resolve()
          }
          request.onerror = () => reject(request.error)
        }),
      { stores: storesOf(VERSION_1.stores), learner: OLD_LEARNER, progress: OLD_PROGRESS },
    )
    // The first release's browser closes; the next start runs the new app on the same profile.
    await device.close()

    context = await device.open({ serviceWorkers: 'block' })
    const app = await context.newPage()
    const errors = collectErrors(app)
    await app.goto('/')
    // Profiles are listed from the version 2 index on `origin`: the old learner is there only if the upgrade ran.
    const chooser = app.getByRole('region', { name: 'Who is learning?' })
    await chooser.getByRole('button', { name: 'Old Learner' }).click()
    await app.getByRole('heading', { name: 'Lessons' }).waitFor()
    // Their reading progress shows on the course home: lesson 0 read, lesson 1 begun, lesson 2 not yet.
    const states = () => app.locator('.lesson-list__state').evaluateAll((marks) => marks.slice(0, 3).map((mark) => mark.getAttribute('data-state')))
    await expect.poll(states).toEqual(['done', 'in-progress', 'not-started'])

    const upgraded = await app.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; learnerIndexes: string[]; learners: unknown[]; progress: unknown[] }>((resolve, reject) => {
          const request = indexedDB.open('debrief')
          request.onerror = () => reject(request.error)
          request.onsuccess = () => {
            const db = request.result
            const tx = db.transaction(['learners', 'lessonProgress'], 'readonly')
            const learnerIndexes = [...tx.objectStore('learners').indexNames]
            const learners = tx.objectStore('learners').getAll()
            const progress = tx.objectStore('lessonProgress').getAll()
            tx.onerror = () => reject(tx.error)
            tx.oncomplete = () => {
              resolve({
                version: db.version,
                stores: [...db.objectStoreNames],
                learnerIndexes,
                learners: learners.result,
                progress: progress.result,
              })
              db.close()
            }
          }
        }),
    )
    expect(upgraded.version).toBe(LATEST.version * 10)
    expect(upgraded.stores.sort()).toEqual(['attempts', 'deviceKeys', 'gradeHistory', 'importConflicts', 'importFlags', 'learners', 'lessonProgress', 'manualGrades', 'outbox', 'pinnedKeys', 'responses', 'reviewCards', 'sealedItems', 'settings'])
    expect(upgraded.learnerIndexes.sort()).toEqual(['name', 'origin'])
    expect(upgraded.learners).toEqual([{ ...OLD_LEARNER, origin: 'local' }])
    expect(upgraded.progress).toEqual(OLD_PROGRESS)
    expect(errors).toEqual([])
  })
})
