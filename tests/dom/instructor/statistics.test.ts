import { describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { addFinalAttempt, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/statistics'

async function seed(db: DebriefDb) {
  await db.learners.bulkAdd([
    { id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' },
    { id: 'ben', name: 'Ben', createdAt: 1, origin: 'local' },
  ])
  await addFinalAttempt(db, 'ana-1', 'ana', { 'f-q01': { type: 'single', optionId: 'a' }, 'f-q02': { type: 'truefalse', value: true } })
  await addFinalAttempt(db, 'ana-2', 'ana', { 'f-q01': { type: 'single', optionId: 'b' }, 'f-q02': { type: 'truefalse', value: true } }, T0 + 1e6)
  await addFinalAttempt(db, 'ben-1', 'ben', { 'f-q01': { type: 'single', optionId: 'b' }, 'f-q02': { type: 'truefalse', value: false } })
}

describe('item statistics page', () => {
  it('counts the attempts the grading method picks by default (highest at the fixture’s final)', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const select = wrapper.find<HTMLSelectElement>('select#statistics-which')
    expect([select.element.value, wrapper.find('label[for="statistics-which"]').text()]).toEqual(['highest', 'Attempts counted'])
    expect(wrapper.find('.test-stats div').text()).toBe('Attempts2')
  })

  it('counts every attempt when asked', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    await wrapper.find('select#statistics-which').setValue('all')
    expect(wrapper.find('.test-stats div').text()).toBe('Attempts3')
  })

  it('leaves out an attempt whose free text waits for a grade, unless asked to include it', async () => {
    const { wrapper } = await mountInstructor(PATH, async (db) => {
      await seed(db)
      await addFinalAttempt(db, 'cy-1', 'cy', { 'f-q01': { type: 'single', optionId: 'a' }, 'f-q06': { type: 'freetext', text: 'The river rose after rain.' } })
    })
    expect(wrapper.find('.test-stats div').text()).toBe('Attempts2')
    await wrapper.find('input[name="statistics-pending"]').setValue(true)
    expect(wrapper.find('.test-stats div').text()).toBe('Attempts3')
  })

  it('draws the score distribution as an SVG with a title, a description and a table', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    await vi.waitFor(() => expect(wrapper.find('svg[role="img"]').exists()).toBe(true))
    const svg = wrapper.find('svg')
    expect([svg.find('title').text(), svg.find('desc').text(), wrapper.findAll('.score-chart__table tbody tr').length]).toEqual([
      'Scores at Final check', 'Number of attempts per score band. 0–10%: 1; 90–100%: 1', 10,
    ])
  })

  it('counts each option’s responses', async () => {
    const { wrapper } = await mountInstructor(PATH, seed)
    const row = wrapper.findAll('.response-analysis__table tbody tr').find((tr) => tr.find('th').text() === 'It is reported.')!
    expect(row.findAll('td').map((td) => td.text())).toEqual(['Right', '1', '50.0%'])
  })
})
