/**
 * The instructor store wires the import to its statements: with an LRS configured, an import
 * loads the row maker (src/app/importOutbox.ts) and hands it every attempt it writes, and
 * accepting an attempt's learner-device grades queues the correction
 * (importStatementsNoLrs.test.ts: without one, nothing loads and nothing is queued).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportedAttempt } from '../../../src/db/importWrite.ts'
import type { XapiStatement } from '../../../src/domain/xapi/statements.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { ATTEMPT_ID, beasFile, importedWithLearnerGrade } from './importStatementsWiring.ts'
import { COURSE, manualClock, storeHarness } from './storeHarness.ts'

const made = vi.hoisted(() => ({ attempts: [] as string[] }))
vi.mock('../../../src/app/importOutbox.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/app/importOutbox.ts')>()
  return {
    ...real,
    importRows: async (...args: Parameters<typeof real.importRows>) => {
      const rows = await real.importRows(...args)
      return rows && ((imported: ImportedAttempt, at: number) => (made.attempts.push(imported.attempt.id), rows(imported, at)))
    },
  }
})

const CONFIG = { lrs: { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: false } }

beforeAll(() => {
  const served = globalThis.fetch
  vi.stubGlobal('fetch', async (url: RequestInfo | URL, init?: RequestInit) =>
    String(url).endsWith('debrief.config.json') ? new Response(JSON.stringify(CONFIG), { status: 200 }) : served(url, init))
})

beforeEach(() => {
  manualClock()
  made.attempts = []
})

describe('with an LRS configured', () => {
  it('hands each attempt an import writes to the row maker', async () => {
    const { db } = await storeHarness()
    const outcomes = await useInstructorStore().importFiles(COURSE, [await beasFile()])
    expect(outcomes).toMatchObject([{ ok: true, added: 1 }])
    expect(await db.attempts.get(ATTEMPT_ID)).toBeDefined()
    expect(made.attempts).toEqual([ATTEMPT_ID])
  })

  it('queues the correction when the instructor accepts the learner-device grades', async () => {
    const { db } = await storeHarness()
    await importedWithLearnerGrade(db)
    const instructor = useInstructorStore()
    await instructor.load(COURSE)
    await instructor.accept(COURSE, ATTEMPT_ID, 'grades')
    const sent = (await db.outbox.orderBy('queuedAt').toArray()).map((r) => JSON.parse(r.body) as XapiStatement)
    expect(sent.map((s) => s.verb.display['en-US'])).toEqual(['voided', 'voided', 'answered', 'completed', 'passed'])
    expect(await db.manualGrades.count()).toBe(1)
  })
})
