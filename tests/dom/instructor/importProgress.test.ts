/** The import page's progress bar, its announcements and the per-file report (issue 12 §9). */
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import InstructorImportProgress from '../../../src/components/instructor/InstructorImportProgress.vue'
import InstructorImportReport from '../../../src/components/instructor/InstructorImportReport.vue'
import { webSha256 } from '../../../src/db/importResults.ts'
import { IMPORT_CHUNK } from '../../../src/db/importChunk.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import type { ImportOutcome } from '../../../src/domain/resultImport.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const learner = { id: 'ana', name: 'Ana' }
const imported = (n: number): ImportOutcome => ({ fileName: `f${n}.json`, ok: true, learner, newLearner: true, added: 5, alreadyImported: 0, flagged: 0 })
const refused = (n: number): ImportOutcome => ({ fileName: `f${n}.json`, ok: false, code: 'too-deep', message: 'This file is nested too deeply to be a result file.' })
const flagged = (n: number): ImportOutcome => ({ ...imported(n), flagged: 1, reasons: [{ attemptId: `a${n}`, messages: ['This is attempt 4 at "Final", which allows 3.'] }] }) as ImportOutcome

/** 1,000 outcomes: every 100th refused, every 250th (+1) flagged. */
const thousand = Array.from({ length: 1000 }, (_, i) => (i % 100 === 99 ? refused(i) : i % 250 === 1 ? flagged(i) : imported(i)))

describe('the progress bar', () => {
  it('is a native progress with a visible label, and announces only each tenth of the batch', async () => {
    const wrapper = mount(InstructorImportProgress, { props: { active: true, done: 0, total: 1000 } })
    const announced: string[] = []
    const live = () => wrapper.find('[data-import-announcement]')
    const note = () => {
      if (announced.at(-1) !== live().text()) announced.push(live().text())
    }
    note()
    for (let done = IMPORT_CHUNK; done <= 1000; done += IMPORT_CHUNK) {
      await wrapper.setProps({ done })
      note()
      if (done === 350) {
        expect(wrapper.find('label[for="import-progress"]').text()).toBe('Imported 350 of 1,000 files')
        expect(wrapper.find('progress#import-progress').attributes()).toMatchObject({ max: '1000', value: '350' })
      }
    }
    expect(announced).toEqual(['Imported 0 of 1,000 files', ...Array.from({ length: 10 }, (_, k) => `Imported ${((k + 1) * 100).toLocaleString('en')} of 1,000 files`)])
    expect(live().attributes()).toMatchObject({ 'aria-live': 'polite' })
    await wrapper.setProps({ active: false, summary: '1,000 files: 1,000 imported.' })
    expect(wrapper.find('progress').exists()).toBe(false)
    expect(live().text()).toBe('Import finished. 1,000 files: 1,000 imported.')
  })
})

describe('the per-file report', () => {
  it('gives the counts first, then every file in order', () => {
    const wrapper = mount(InstructorImportReport, { props: { outcomes: thousand } })
    const text = wrapper.text()
    expect(text.indexOf('1,000 files: 986 imported, 4 imported with flagged attempts, 10 refused.')).toBeLessThan(text.indexOf('f0.json'))
    expect(wrapper.findAll('li[data-file]').map((li) => li.attributes('data-file'))).toEqual(thousand.map((o) => o.fileName))
  })

  it('lists the reasons of a flagged attempt under its file', () => {
    const wrapper = mount(InstructorImportReport, { props: { outcomes: thousand } })
    expect(wrapper.find('[data-file="f1.json"] .import-report__reasons').text()).toBe('Attempt a1: This is attempt 4 at "Final", which allows 3.')
  })

  it('shows only the problems when asked, each file keeping its number', async () => {
    const wrapper = mount(InstructorImportReport, { props: { outcomes: thousand } })
    const filter = wrapper.find('input[type="checkbox"]')
    expect(filter.element.closest('label')?.textContent?.trim()).toBe('Show only the 14 files not imported cleanly')
    await filter.setValue(true)
    const lines = wrapper.findAll('li[data-file]')
    expect(lines.map((li) => li.attributes('data-file'))).toEqual(thousand.filter((o) => !o.ok || (o.flagged ?? 0) > 0).map((o) => o.fileName))
    expect(lines[0]!.attributes('value')).toBe('2')
    await filter.setValue(false)
    expect(wrapper.findAll('li[data-file]')).toHaveLength(1000)
  })

  it('offers no filter when every file is alike', () => {
    expect(mount(InstructorImportReport, { props: { outcomes: [imported(0), imported(1)] } }).find('input[type="checkbox"]').exists()).toBe(false)
  })
})

async function resultFiles(n: number): Promise<File[]> {
  const items = await fixtureItems()
  const shown = ['f-q01', 'f-q02', 'f-q04', 'f-q05'].map((id) => items.get(id)!)
  const startedAt = T0 - 1e6
  return Promise.all(Array.from({ length: n }, async (_, i) => {
    const id = `l${i}`
    const file = await createResultFile({
      courseId: 'river-brief', exportedAt: T0, learner: { id, name: `Learner ${i}` },
      attempts: [{
        attempt: {
          id: `${id}-1`, courseId: 'river-brief', learnerId: id, mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: startedAt + 600_000,
          submittedAt: startedAt + 300_000, submitReason: 'learner',
          slots: shown.map((item) => ({ itemId: item.id, version: item.version })), snapshots: Object.fromEntries(shown.map((item) => [item.version, item])),
        },
        responses: shown.map((item, k) => ({ attemptId: `${id}-1`, itemId: item.id, answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: startedAt + 60_000 * (k + 1), seq: 1 })),
      }],
    }, webSha256)
    return new File([serializeResultFile(file)], `${id}.json`, { type: 'application/json' })
  }))
}

describe('importing a batch on the page', () => {
  it('shows the progress after every chunk, then the report, and the picker is usable again', async () => {
    const { wrapper } = await mountInstructor('/course/river-brief/instructor/import', undefined, '#import-files')
    const store = useInstructorStore()
    const shown: string[] = []
    watch(() => store.importing, () => {
      const label = wrapper.find('.import-progress__label')
      if (label.exists()) shown.push(label.text())
    }, { flush: 'post' })
    const files = await resultFiles(IMPORT_CHUNK + 5)
    const input = wrapper.find('#import-files')
    Object.defineProperty(input.element, 'files', { value: files, configurable: true })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.findAll('li[data-file]')).toHaveLength(files.length), { timeout: 20_000 })
    expect(shown).toEqual([`Imported 0 of ${files.length} files`, `Imported ${IMPORT_CHUNK} of ${files.length} files`, `Imported ${files.length} of ${files.length} files`])
    expect(wrapper.find('[data-import-counts]').text()).toBe(`${files.length} files: ${files.length} imported.`)
    expect(wrapper.find('progress').exists()).toBe(false)
    expect((input.element as HTMLInputElement).disabled).toBe(false)
  }, 30_000)
})
