import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { webSha256 } from '../../../src/db/importResults.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/import'

async function resultFile(name: string, courseId = 'river-brief'): Promise<File> {
  const item = (await fixtureItems()).get('f-q01')!
  const file = await createResultFile({
    courseId,
    exportedAt: T0,
    learner: { id: 'bea', name: 'Bea' },
    attempts: [{
      attempt: {
        id: 'bea-1', courseId, learnerId: 'bea', mode: 'assessment', sourceId: 'final', seed: 1, startedAt: T0 - 1e6, deadline: null,
        submittedAt: T0 - 1e5, submitReason: 'learner', slots: [{ itemId: item.id, version: item.version }], snapshots: { [item.version]: item },
      },
      responses: [{ attemptId: 'bea-1', itemId: item.id, answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: T0 - 5e5, seq: 1 }],
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
