import axe from 'axe-core'
import { describe, expect, it, vi } from 'vitest'
import { createLearner } from '../../src/db/learners.ts'
import { listLessonProgress } from '../../src/db/progress.ts'
import { mountApp } from './mountApp.ts'

const seedAna = async (db: Parameters<NonNullable<Parameters<typeof mountApp>[1]>>[0]) => {
  await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
}

describe('lesson page', () => {
  it('sends a visitor without a profile to choose one first', async () => {
    const { router } = await mountApp('/course/river-brief/lesson/l1-flood')
    expect(router.currentRoute.value.name).toBe('profiles')
    expect(router.currentRoute.value.query.next).toBe('/course/river-brief/lesson/l1-flood')
  })

  it('shows the objectives and the brief’s passages as attributed evidence', async () => {
    const { wrapper } = await mountApp('/course/river-brief/lesson/l1-flood', seedAna)
    await vi.waitFor(() => expect(wrapper.find('figure.evidence').exists()).toBe(true))
    expect(wrapper.find('h1').text()).toBe('The flood and what comes next')
    expect(wrapper.findAll('.lesson-objectives li').map((li) => li.text())).toEqual([
      'State what the brief reports and how sure it is.',
      'Explain what the brief expects next and why.',
    ])
    const cards = wrapper.findAll('figure.evidence')
    expect(cards.map((c) => c.attributes('data-passage'))).toEqual(['p-event', 'p-outlook'])
    expect(cards[0]!.find('figcaption').text()).toBe('Fixture brief — Event')
  })

  it('renders a code block, an image and strikethrough as those elements, and passes axe-core’s structural rules', async () => {
    // Earlier tests leave their apps attached; axe looks at this page alone.
    document.body.innerHTML = ''
    const { wrapper } = await mountApp('/course/river-brief/lesson/l1-flood', seedAna)
    await vi.waitFor(() => expect(wrapper.find('.lesson-page__body img').exists()).toBe(true))
    const body = wrapper.find('.lesson-page__body')
    expect(body.find('pre > code.language-text').text()).toBe('level > 5 m: warn')
    expect(body.find('s').text()).toBe('rose to 6 m')
    const img = body.find('img')
    expect(img.attributes()).toEqual({ src: expect.stringMatching(/levee\.png/), alt: 'The levee at the east bank, after the flood', loading: 'lazy' })
    expect(body.html()).not.toMatch(/&lt;(pre|img|s)\b|DEBRIEFIMAGE/)
    // happy-dom has no layout, so contrast is left to the e2e suite in Chromium.
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    wrapper.unmount()
  })

  it('saves the lesson as done when the learner says they finished it', async () => {
    const { wrapper, db } = await mountApp('/course/river-brief/lesson/l1-flood', seedAna)
    await wrapper.find('.lesson-page__end button').trigger('click')
    await vi.waitFor(async () => expect((await listLessonProgress(db, 'ana', 'river-brief'))[0]).toMatchObject({ state: 'done', readFraction: 1 }))
    // The page says so once the store has the saved row: after the transaction commits, which
    // under load takes more than one turn of the promise queue (one flushPromises was flaky).
    await vi.waitFor(() => expect(wrapper.find('.lesson-page__end').text()).toContain('You have finished this lesson.'))
  })

  it('says plainly when a lesson does not exist', async () => {
    const { wrapper } = await mountApp('/course/river-brief/lesson/nope', seedAna)
    expect(wrapper.find('h1').text()).toBe('We could not find that lesson')
  })
})
