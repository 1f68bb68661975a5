import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { webSha256 } from '../../../src/db/importResults.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/import'

/** Bea's result file: an honest attempt at the fixture's final (two items per objective, within its 10 minutes), or one of a single item. */
async function resultFile(name: string, courseId = 'river-brief', ids = ['f-q01', 'f-q02', 'f-q04', 'f-q05']): Promise<File> {
  const items = await fixtureItems()
  const shown = ids.map((id) => items.get(id)!)
  const startedAt = T0 - 1e6
  const file = await createResultFile({
    courseId,
    exportedAt: T0,
    learner: { id: 'bea', name: 'Bea' },
    attempts: [{
      attempt: {
        id: 'bea-1', courseId, learnerId: 'bea', mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: startedAt + 600_000,
        submittedAt: startedAt + 300_000, submitReason: 'learner',
        slots: shown.map((item) => ({ itemId: item.id, version: item.version })), snapshots: Object.fromEntries(shown.map((item) => [item.version, item])),
      },
      responses: shown.map((item, i) => ({ attemptId: 'bea-1', itemId: item.id, answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: startedAt + 60_000 * (i + 1), seq: 1 })),
    }],
  }, webSha256)
  return new File([serializeResultFile(file)], name, { type: 'application/json' })
}

async function pick(wrapper: Awaited<ReturnType<typeof mountInstructor>>['wrapper'], files: File[]) {
  const input = wrapper.find('#import-files')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
}

describe('importing result files', () => {
  it('labels the file picker', async () => {
    const { wrapper } = await mountInstructor(PATH, undefined, '#import-files')
    expect(wrapper.find('label[for="import-files"]').text()).toBe('Result files (.json)')
  })

  it('reports per file what it added', async () => {
    const { wrapper } = await mountInstructor(PATH, undefined, '#import-files')
    await pick(wrapper, [await resultFile('bea.json')])
    await vi.waitFor(() => expect(wrapper.find('[data-file="bea.json"]').text().replace(/\s+/g, ' ')).toBe('bea.json: added 1 attempt for Bea (new learner).'))
  })

  it('says when an attempt is flagged: a final of one item does not fit the course', async () => {
    const { wrapper, db } = await mountInstructor(PATH, undefined, '#import-files')
    await pick(wrapper, [await resultFile('one.json', 'river-brief', ['f-q01'])])
    await vi.waitFor(() => expect(wrapper.find('[data-file="one.json"] .import-report__line').text().replace(/\s+/g, ' ')).toBe(
      'one.json: added 1 attempt for Bea (new learner); 1 attempt flagged and not counted (see the gradebook for why).'))
    expect(wrapper.find('[data-file="one.json"] .import-report__reasons').text()).toMatch(/^Attempt bea-1: .*do not fit how/)
    expect((await db.importFlags.get('bea-1'))?.flags.map((f) => f.code)).toEqual(['draw-mismatch'])
  })

  it('names a file for another course and changes nothing', async () => {
    const { wrapper, db } = await mountInstructor(PATH, undefined, '#import-files')
    await pick(wrapper, [await resultFile('other.json', 'other-course')])
    await vi.waitFor(() => expect(wrapper.find('[data-file="other.json"]').text()).toContain('not imported. This result file belongs to the course "other-course"'))
    expect(await db.attempts.count()).toBe(0)
  })

  it('imports files dropped on the drop zone', async () => {
    const { wrapper, db } = await mountInstructor(PATH, undefined, '#import-files')
    const zone = wrapper.find('.import-zone__drop')
    await zone.trigger('drop', { dataTransfer: { files: [await resultFile('dropped.json')] } })
    await vi.waitFor(() => expect(wrapper.find('[data-file="dropped.json"]').exists()).toBe(true))
    expect(await db.attempts.count()).toBe(1)
  })

  it('opens the file picker when the drop zone is pressed', async () => {
    const { wrapper } = await mountInstructor(PATH, undefined, '#import-files')
    const click = vi.spyOn(wrapper.find('#import-files').element as HTMLInputElement, 'click').mockImplementation(() => {})
    await wrapper.find('.import-zone__drop').trigger('click')
    await flushPromises()
    expect(click).toHaveBeenCalledOnce()
  })
})
