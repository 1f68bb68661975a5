/**
 * Without an LRS (debrief.config.json as shipped, `{ "lrs": null }`), an import and accepting an
 * attempt's learner-device grades are saved, the import's row maker (src/app/importOutbox.ts) is
 * never loaded, and nothing is queued (importStatements.test.ts: with one, it is).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { ATTEMPT_ID, beasFile, importedWithLearnerGrade } from './importStatementsWiring.ts'
import { COURSE, manualClock, storeHarness } from './storeHarness.ts'

const loaded = vi.hoisted(() => ({ importOutbox: 0 }))
vi.mock('../../../src/app/importOutbox.ts', async (importOriginal) => {
  loaded.importOutbox++
  return importOriginal()
})

const CONFIG = { lrs: null }

beforeAll(() => {
  const served = globalThis.fetch
  vi.stubGlobal('fetch', async (url: RequestInfo | URL, init?: RequestInit) =>
    String(url).endsWith('debrief.config.json') ? new Response(JSON.stringify(CONFIG), { status: 200 }) : served(url, init))
})

beforeEach(() => {
  manualClock()
})

describe('without an LRS', () => {
  it('imports a file without loading the row maker, and queues nothing', async () => {
    const { db } = await storeHarness()
    expect(await useInstructorStore().importFiles(COURSE, [await beasFile()])).toMatchObject([{ ok: true, added: 1 }])
    expect([loaded.importOutbox, await db.outbox.count()]).toEqual([0, 0])
  })

  it('accepts the learner-device grades and queues nothing', async () => {
    const { db } = await storeHarness()
    await importedWithLearnerGrade(db)
    const instructor = useInstructorStore()
    await instructor.load(COURSE)
    await instructor.accept(COURSE, ATTEMPT_ID, 'grades')
    expect([await db.manualGrades.count(), await db.outbox.count()]).toEqual([1, 0])
  })
})
