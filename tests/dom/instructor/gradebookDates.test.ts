/**
 * An attempt stored with an impossible time (imported before the structural check refused it)
 * never blanks the gradebook or breaks its CSV: every learner still shows (issue 12 §2).
 */
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { addFinalAttempt, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor'

async function seed(db: DebriefDb) {
  await db.learners.bulkAdd([
    { id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' },
    { id: 'eve', name: 'Eve', createdAt: 1, origin: 'imported' },
    { id: 'zed', name: 'Zed', createdAt: 1, origin: 'imported' },
  ])
  await addFinalAttempt(db, 'ana-1', 'ana', { 'f-q01': { type: 'single', optionId: 'a' } })
  await addFinalAttempt(db, 'eve-1', 'eve', { 'f-q01': { type: 'single', optionId: 'a' } }, 1e20)
  await addFinalAttempt(db, 'zed-1', 'zed', { 'f-q01': { type: 'single', optionId: 'b' } }, T0 + 5000)
}

describe('a gradebook holding a time of 1e20', () => {
  it('lists every learner, the impossible time as an unknown date', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map((r) => r.find('th').text())).toEqual(['Ana', 'Eve (imported)', 'Zed (imported)'])
    expect(rows[1]!.find('[data-column="activity"]').text()).toBe('unknown date')
  })

  it('downloads the CSV with every learner', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:gradebook')
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.findAll('button').find((b) => b.text().startsWith('Download CSV'))!.trigger('click')
    await flushPromises()
    const text = await (created.mock.calls[0]![0] as Blob).text()
    expect(text.split('\r\n').slice(1).filter((l) => l !== '').map((l) => l.split(',')[0])).toEqual(['ana', 'eve', 'zed'])
    expect(text).toContain('unknown date')
    created.mockRestore()
    click.mockRestore()
  })
})
