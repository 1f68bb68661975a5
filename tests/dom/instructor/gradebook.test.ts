import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { mountApp } from '../mountApp.ts'
import { addFinalAttempt, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor'

async function seed(db: DebriefDb) {
  await db.learners.bulkAdd(Array.from({ length: 58 }, (_, i) => ({ id: `l${i}`, name: `Learner ${String(i).padStart(2, '0')}`, createdAt: 1, origin: 'local' as const })))
  await db.learners.bulkAdd([
    { id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' },
    { id: 'zed', name: 'Zed', createdAt: 1, origin: 'imported' },
  ])
  await addFinalAttempt(db, 'ana-1', 'ana', { 'f-q01': { type: 'single', optionId: 'a' }, 'f-q02': { type: 'truefalse', value: true } })
  await addFinalAttempt(db, 'zed-1', 'zed', { 'f-q01': { type: 'single', optionId: 'b' }, 'f-q02': { type: 'truefalse', value: true } }, T0 + 5000)
}

const names = (wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) => wrapper.findAll('tbody th[scope="row"] a').map((a) => a.text())

describe('gradebook', () => {
  it('sends a locked visitor to the unlock page', async () => {
    const { router } = await mountApp(PATH)
    expect(router.currentRoute.value.name).toBe('instructor-unlock')
  })

  it('shows 50 learners per page and counts them all', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    expect([names(wrapper).length, wrapper.find('.instructor-pager__status').text()]).toEqual([50, 'Showing 1–50 of 60 · page 1 of 2'])
  })

  it('shows the next page', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.findAll('.instructor-pager button')[1]!.trigger('click')
    expect(names(wrapper)).toEqual(['Learner 49', 'Learner 50', 'Learner 51', 'Learner 52', 'Learner 53', 'Learner 54', 'Learner 55', 'Learner 56', 'Learner 57', 'Zed'])
  })

  it('sorts by grade, highest first, and says so with aria-sort', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const header = wrapper.findAll('thead th').find((th) => th.text().startsWith('Grade at Final check'))!
    await header.find('button').trigger('click')
    expect([names(wrapper).slice(0, 2), header.attributes('aria-sort')]).toEqual([['Ana', 'Zed'], 'descending'])
  })

  it('reverses the order on a second press', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const button = wrapper.findAll('thead th').find((th) => th.text().startsWith('Grade at Final check'))!.find('button')
    await button.trigger('click')
    await button.trigger('click')
    expect(names(wrapper).slice(0, 2)).toEqual(['Zed', 'Ana'])
  })

  it('filters by name', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.find('#gradebook-search').setValue('ZE')
    expect(names(wrapper)).toEqual(['Zed'])
  })

  it('filters by result at an assessment', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.find('#gradebook-outcome').setValue('passed')
    expect(names(wrapper)).toEqual(['Ana'])
  })

  it('shows an attempt never submitted as open, not as failed, and filters by it', async () => {
    const { wrapper } = await mountInstructor(PATH, async (db) => {
      await seed(db)
      await addFinalAttempt(db, 'l0-1', 'l0', { 'f-q01': { type: 'single', optionId: 'b' } })
      await db.attempts.update('l0-1', { submittedAt: null, submitReason: null })
    })
    await wrapper.find('#gradebook-outcome').setValue('open')
    // One result cell per assessment: the quiz was never started, the final is open.
    expect([names(wrapper), wrapper.findAll('tbody td[data-column="result"]').map((td) => td.text())]).toEqual([['Learner 00'], ['—', 'Open: not submitted']])
  })

  it('marks learners imported from another device', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.find('#gradebook-search').setValue('zed')
    expect(wrapper.find('tbody th').text()).toBe('Zed (imported)')
  })

  it('downloads gradebook.csv with a byte-order mark', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:gradebook')
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.findAll('button').find((b) => b.text().startsWith('Download CSV'))!.trigger('click')
    const blob = created.mock.calls[0]![0] as Blob
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([(click.mock.instances[0] as unknown as HTMLAnchorElement | undefined)?.download, [...bytes.slice(0, 3)]]).toEqual(['gradebook.csv', [0xef, 0xbb, 0xbf]])
    created.mockRestore()
    click.mockRestore()
  })

  it('opens a learner’s page with every attempt', async () => {
    const { wrapper, router } = await mountInstructor(PATH, seed)
    await router.push('/course/river-brief/instructor/learner/ana')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Ana'))
    expect(wrapper.findAll('.attempt-review').length).toBe(1)
  })

  it('shows an attempt’s answers read-only with the right answers', async () => {
    const { wrapper, router } = await mountInstructor(PATH, seed)
    await router.push('/course/river-brief/instructor/learner/ana')
    await flushPromises()
    await wrapper.find('.attempt-review button').trigger('click')
    await flushPromises()
    const inputs = wrapper.findAll('.attempt-review__items input')
    expect([inputs.length > 0, inputs.every((i) => i.attributes('disabled') !== undefined), wrapper.findAll('.question-feedback').length]).toEqual([true, true, 2])
  })

  it('lists a flagged imported attempt with its reasons, and does not count it', async () => {
    const { wrapper } = await mountInstructor(PATH, async (db) => {
      await db.learners.add({ id: 'eve', name: 'Eve', createdAt: 1, origin: 'imported' })
      await addFinalAttempt(db, 'eve-1', 'eve', { 'f-q01': { type: 'single', optionId: 'a' } })
      await db.learners.add({ id: 'fay', name: 'Fay', createdAt: 1, origin: 'imported' })
      await addFinalAttempt(db, 'fay-1', 'fay', { 'f-q01': { type: 'single', optionId: 'a' } })
      await db.importFlags.add({
        attemptId: 'eve-1', checkedAt: 1, learnerGrades: [],
        flags: [{ code: 'snapshot-mismatch', itemId: 'f-q01', message: 'The file\'s copy of item f-q01 differs from version x as published.' }],
      })
    })
    const flagged = wrapper.find('[data-attempt="eve-1"]')
    expect(flagged.text().replace(/\s+/g, ' ')).toContain('Eve, Final check, started')
    expect(flagged.find('[data-flag="snapshot-mismatch"]').text()).toBe('The file\'s copy of item f-q01 differs from version x as published.')
    const row = wrapper.findAll('tbody tr').find((tr) => tr.text().includes('Eve'))!
    expect(row.text()).not.toMatch(/\d%/)
    // The same attempt without a flag shows its grade.
    expect(wrapper.findAll('tbody tr').find((tr) => tr.text().includes('Fay'))!.text()).toMatch(/100(\.0)?%/)
  })

  it('counts a flagged attempt once the instructor accepts it', async () => {
    const { wrapper, db } = await mountInstructor(PATH, async (db) => {
      await db.learners.add({ id: 'eve', name: 'Eve', createdAt: 1, origin: 'imported' })
      await addFinalAttempt(db, 'eve-1', 'eve', { 'f-q01': { type: 'single', optionId: 'a' } })
      await db.importFlags.add({ attemptId: 'eve-1', checkedAt: 1, learnerGrades: [], flags: [{ code: 'late-submit', message: 'Submitted 2 h after the deadline.' }] })
    })
    await wrapper.find('[data-attempt="eve-1"] button').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr').find((tr) => tr.text().includes('Eve'))!.text()).toMatch(/100(\.0)?%/))
    expect([wrapper.find('[data-attempt="eve-1"]').exists(), (await db.importFlags.get('eve-1'))?.acceptedAt]).toEqual([false, expect.any(Number)])
  })

  it('keeps grades from the learner\'s device apart until the instructor accepts them', async () => {
    const { wrapper, db } = await mountInstructor(PATH, async (db) => {
      await db.learners.add({ id: 'eve', name: 'Eve', createdAt: 1, origin: 'imported' })
      await addFinalAttempt(db, 'eve-1', 'eve', { 'f-q06': { type: 'freetext', text: 'The levee failed.' } })
      await db.importFlags.add({
        attemptId: 'eve-1', checkedAt: 1, flags: [],
        learnerGrades: [{ attemptId: 'eve-1', itemId: 'f-q06', criteria: {}, score: 2, comment: 'Full marks', gradedAt: 2 }],
      })
    })
    const entry = wrapper.find('[data-attempt="eve-1"]')
    expect(entry.text().replace(/\s+/g, ' ')).toContain('The file carries 1 grade from the learner\'s device; they do not count unless you accept them.')
    expect(await db.manualGrades.count()).toBe(0)
    await entry.find('button').trigger('click')
    await vi.waitFor(async () => expect(await db.manualGrades.get(['eve-1', 'f-q06'])).toMatchObject({ score: 2 }))
    expect((await db.gradeHistory.where('attemptId').equals('eve-1').first())?.note).toBe('Accepted from the learner\'s device. Full marks')
  })
})
