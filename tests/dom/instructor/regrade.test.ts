import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import type { Attempt, SingleChoiceItem, VersionedItem } from '../../../src/domain/types.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/regrade'

/** Ana sat the final when f-q01's key wrongly named option b; she chose a (right today). */
async function seed(db: DebriefDb) {
  const current = (await fixtureItems()).get('f-q01') as SingleChoiceItem & VersionedItem
  const old: VersionedItem = { ...current, answer: 'b', version: 'old-key' }
  await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
  const attempt: Attempt = {
    id: 'ana-1', courseId: 'river-brief', learnerId: 'ana', mode: 'assessment', sourceId: 'final', seed: 1, startedAt: T0, deadline: null,
    submittedAt: T0 + 1000, submitReason: 'learner', slots: [{ itemId: 'f-q01', version: 'old-key' }], snapshots: { 'old-key': old },
  }
  await db.attempts.add(attempt)
  await db.responses.add({ attemptId: 'ana-1', itemId: 'f-q01', answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: T0 + 500, seq: 1 })
}

describe('regrade page', () => {
  it('previews the old and new score of each changed answer', async () => {
    const { wrapper } = await mountInstructor(PATH, seed, 'tbody tr')
    expect(wrapper.findAll('tbody tr')[0]!.findAll('th, td').map((c) => c.text())).toEqual(['Ana', 'Final check', 'f-q01', '0 → 1', '0% → 100%', '+100 points'])
  })

  it('changes nothing until the instructor presses Regrade', async () => {
    const { db } = await mountInstructor(PATH, seed, 'tbody tr')
    expect((await db.attempts.get('ana-1'))?.slots[0]?.version).toBe('old-key')
  })

  it('regrades on request and keeps the history', async () => {
    const { wrapper, db } = await mountInstructor(PATH, seed, 'tbody tr')
    await wrapper.find('.regrade-page__apply').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.regrade-page__status').text()).toContain('Regraded 1 answer'))
    await flushPromises()
    expect([(await db.attempts.get('ana-1'))?.slots[0]?.version !== 'old-key', (await db.gradeHistory.toArray()).map((h) => h.kind)]).toEqual([true, ['regrade']])
  })
})
