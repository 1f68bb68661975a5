import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { mountInstructor } from '../instructor/seed.ts'
import { sealedAttempt, sealedFullItems } from './sealedFixture.ts'

enableAutoUnmount(afterEach)

const PATH = '/course/river-brief/instructor'
/** The fixture's blueprints are the quiz, then the final: the final's cell of Ana's row. */
const finalCell = (w: Awaited<ReturnType<typeof mountInstructor>>['wrapper'], column: string) => w.findAll(`tr.gradebook-table__row td[data-column="${column}"]`)[1]!.text()

/** Ana sat the sealed final on this (the instructor's) device: her attempt holds stubs. */
async function seed(db: DebriefDb) {
  await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
  await db.attempts.add(await sealedAttempt('s1'))
  await db.responses.add({ attemptId: 's1', itemId: 'f-q01', answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: 2, seq: 1 })
}

describe('the gradebook and a sealed attempt made on the instructor’s device', () => {
  it('while locked: leaves it out and says why and where to unlock', async () => {
    const { wrapper } = await mountInstructor(PATH, seed, '[data-sealed-locked]')
    expect(wrapper.find('[data-sealed-locked]').text().replace(/\s+/g, ' ')).toBe(
      '1 attempt at a sealed assessment, made on this device, is left out until you unlock sealed assessments (Import results → Sealed assessments).',
    )
    expect(finalCell(wrapper, 'attempts')).toBe('0')
  })

  it('once unlocked: grades it like any other attempt', async () => {
    const unlocked = async (db: DebriefDb) => {
      await seed(db)
      await db.sealedItems.add({ courseId: 'river-brief', items: await sealedFullItems(), via: 'secret', releaseCode: 'X', openedAt: 1 })
    }
    const { wrapper } = await mountInstructor(PATH, unlocked, 'table')
    await vi.waitFor(() => expect(finalCell(wrapper, 'attempts')).toBe('1'))
    expect(wrapper.find('[data-sealed-locked]').exists()).toBe(false)
    expect(finalCell(wrapper, 'grade')).toMatch(/^25(\.0)?%/)
  })
})
