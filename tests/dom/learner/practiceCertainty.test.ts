/** The practice page of a course with practiceCertainty (set on this file's copy of the catalog). */
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { courses } from 'virtual:debrief/catalog'
import type { DebriefDb } from '../../../src/db/database.ts'
import { answerAndCheck, openCheckPage } from './checkPage.ts'
import { RIGHT, seedPractice } from './seed.ts'

enableAutoUnmount(afterEach)

const PATH = '/course/river-brief/lesson/l1-flood/practice'
const startsWith = (itemId: string) => async (db: DebriefDb) => {
  await seedPractice(db, { id: 'run-1', at: 1_000, first: itemId })
}

function setPracticeCertainty(on: boolean) {
  const course = courses.find((c) => c.id === 'river-brief')!
  if (on) course.practiceCertainty = true
  else delete course.practiceCertainty
}

describe('practice with certainty', () => {
  afterEach(() => setPracticeCertainty(false))

  it('asks how sure, saves the level chosen with the checked try, and locks it with the feedback', async () => {
    setPracticeCertainty(true)
    const app = await openCheckPage(PATH, startsWith('f-q01'))
    const radios = app.wrapper.findAll<HTMLInputElement>('.practice-question fieldset.certainty input[type="radio"]')
    expect(radios).toHaveLength(3)
    await radios[2]!.setValue(true)
    expect(app.session.certainty).toBe(3)
    await answerAndCheck(app, RIGHT)
    await vi.waitFor(async () => expect(await app.db.responses.get(['run-1', 'f-q01'])).toMatchObject({ certainty: 3 }))
    expect(app.wrapper.findAll<HTMLInputElement>('fieldset.certainty input').every((r) => r.element.disabled)).toBe(true)
  })

  it('is not asked when the course does not say so', async () => {
    const app = await openCheckPage(PATH, startsWith('f-q01'))
    expect(app.wrapper.find('.certainty').exists()).toBe(false)
  })
})
