import { afterEach, describe, expect, it, vi } from 'vitest'
import axe from 'axe-core'
import { importResultText, webSha256 } from '../../../src/db/importResults.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/import'

/** A file naming learner "bea" (as `name`) with an honest final attempt `attemptId`. */
async function resultFile(fileName: string, name: string, attemptId = 'bea-1', allowance?: { extraMinutes: number }): Promise<File> {
  const items = await fixtureItems()
  const shown = ['f-q01', 'f-q02', 'f-q04', 'f-q05'].map((id) => items.get(id)!)
  const startedAt = T0 - 1e6
  const file = await createResultFile({
    courseId: 'river-brief',
    exportedAt: T0,
    learner: { id: 'bea', name, ...(allowance !== undefined ? { allowance } : {}) },
    attempts: [{
      attempt: {
        id: attemptId, courseId: 'river-brief', learnerId: 'bea', mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: startedAt + 600_000,
        submittedAt: startedAt + 300_000, submitReason: 'learner',
        slots: shown.map((item) => ({ itemId: item.id, version: item.version })), snapshots: Object.fromEntries(shown.map((item) => [item.version, item])),
      },
      responses: shown.map((item, i) => ({ attemptId, itemId: item.id, answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: startedAt + 60_000 * (i + 1), seq: 1 })),
    }],
  }, webSha256)
  return new File([serializeResultFile(file)], fileName, { type: 'application/json' })
}

type Wrapper = Awaited<ReturnType<typeof mountInstructor>>['wrapper']
const WAIT = { timeout: 5000 }
let mounted: Wrapper | undefined
afterEach(() => mounted?.unmount())

async function pick(wrapper: Wrapper, files: File[]) {
  const input = wrapper.find('#import-files')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
}

/** Bea imported, then a file naming "bea" as someone else: the page shows the conflict. */
async function withConflict() {
  const app = await mountInstructor(PATH, undefined, '#import-files')
  mounted = app.wrapper
  await pick(app.wrapper, [await resultFile('bea.json', 'Bea')])
  await vi.waitFor(() => expect(app.wrapper.find('[data-file="bea.json"]').exists()).toBe(true), WAIT)
  await pick(app.wrapper, [await resultFile('fake.json', 'Bea Impostor', 'bea-2', { extraMinutes: 30 })])
  await vi.waitFor(() => expect(app.wrapper.find('[data-conflict="fake.json"]').exists()).toBe(true), WAIT)
  return app
}

const text = (wrapper: Wrapper, selector: string) => wrapper.find(selector).text().replace(/\s+/g, ' ')

describe('resolving who is who on the import page', () => {
  it('says nothing was imported, in plain words', async () => {
    const { wrapper } = await withConflict()
    expect(text(wrapper, '[data-file="fake.json"]')).toBe(
      'fake.json: not imported. This file names learner "bea", who is already on this device as "Bea"; the file says "Bea Impostor". Nothing was imported: choose how to resolve it below.')
  })

  it('shows the device and the file side by side: names, extra time, attempts with dates and scores', async () => {
    const { wrapper } = await withConflict()
    const rows = wrapper.findAll('[data-conflict="fake.json"] tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')))
    const attempt = (id: string) => expect.stringMatching(new RegExp(`^${id} \\(final\\): started .+, submitted .+, score \\d+ of 4$`))
    expect(rows).toEqual([
      ['Learner', 'Bea (id "bea")', 'Bea Impostor (id "bea")'],
      ['Extra time', 'none', '30 extra minutes'],
      ['Attempts', attempt('bea-1'), attempt('bea-2')],
    ])
  })

  it('offers the three choices as buttons, the new id shown', async () => {
    const { wrapper } = await withConflict()
    expect(wrapper.findAll('[data-conflict="fake.json"] button').map((b) => b.text())).toEqual([
      'It is the same person: import', 'It is someone else: import as a new learner (id "bea~2")', 'Discard the file',
    ])
  })

  it('imports as a new learner when asked, and says so', async () => {
    const { wrapper, db } = await withConflict()
    await wrapper.find('[data-choice="new-learner"]').trigger('click')
    await vi.waitFor(() => expect(text(wrapper, '.import-page__resolved')).toBe('fake.json: imported as a new learner, id "bea~2".'), WAIT)
    expect([(await db.learners.get('bea~2'))?.allowance, (await db.attempts.get('bea-2'))?.learnerId, (await db.learners.get('bea'))?.name]).toEqual([{ extraMinutes: 30 }, 'bea~2', 'Bea'])
    expect(wrapper.find('[data-conflict="fake.json"]').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.find('.import-page__resolved').element)
  })

  it('discards the file when asked, writing nothing', async () => {
    const { wrapper, db } = await withConflict()
    await wrapper.find('[data-choice="discard"]').trigger('click')
    await vi.waitFor(() => expect(text(wrapper, '.import-page__resolved')).toBe('fake.json: discarded. Nothing from it was imported.'), WAIT)
    expect([await db.attempts.count(), await db.importConflicts.count()]).toEqual([1, 0])
  })

  it('shows a conflict kept from before when the page opens', async () => {
    const options = { courseId: 'river-brief', now: T0 }
    const { wrapper } = await mountInstructor(PATH, async (db) => {
      await importResultText(db, 'bea.json', await (await resultFile('bea.json', 'Bea')).text(), options)
      await importResultText(db, 'old.json', await (await resultFile('old.json', 'Someone')).text(), options)
    }, '#import-files')
    mounted = wrapper
    await vi.waitFor(() => expect(wrapper.find('[data-conflict="old.json"]').exists()).toBe(true), WAIT)
  })

  it('passes axe-core\'s structural rules with a conflict shown', async () => {
    await withConflict()
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.map((v) => v.id)).toEqual([])
  })
})
