import axe from 'axe-core'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountInstructor } from '../instructor/seed.ts'
import { keyFile, keyFileFetch, SECRET } from './sealedFixture.ts'

// The fixture course with its final sealed, and a key file served at the catalog's address.
vi.mock('virtual:debrief/catalog', async (importOriginal) => {
  const original = await importOriginal<typeof import('virtual:debrief/catalog')>()
  return {
    ...original,
    courses: original.courses.map((c) => ({ ...c, blueprints: c.blueprints.map((b) => (b.id === 'final' ? { ...b, sealed: true as const } : b)) })),
    sealedKeyFileUrl: (courseId: string) => `/sealed/${courseId}.json`,
  }
})

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.unstubAllGlobals()
})

const PATH = '/course/river-brief/instructor/import'

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function unlockWith(wrapper: Awaited<ReturnType<typeof mountInstructor>>['wrapper'], code: string) {
  await wrapper.find('.sealed-unlock input').setValue(code)
  await wrapper.find('.sealed-unlock__form').trigger('submit')
  await vi.waitFor(() => expect(wrapper.find('.sealed-unlock button:disabled').exists()).toBe(false))
  await flushPromises()
}

describe('unlocking sealed assessments on the instructor’s device', () => {
  it('names the sealed assessment and asks for the unlock code', async () => {
    const { wrapper } = await mountInstructor(PATH, undefined, '.sealed-unlock input')
    expect(wrapper.find('.sealed-unlock__what').text()).toBe('Final check: learners’ devices hold no answer keys for it. Unlock it on this device to grade imported attempts.')
    expect(wrapper.find('label[for]').text()).toBe('Unlock code')
    expect(await violations()).toEqual([])
  })

  it('with the right code: stores the full items and shows the release code with what it does', async () => {
    const { file, releaseCode } = await keyFile()
    vi.stubGlobal('fetch', keyFileFetch(file))
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { wrapper, db } = await mountInstructor(PATH, undefined, '.sealed-unlock input')
    await unlockWith(wrapper, SECRET)
    await vi.waitFor(() => expect(wrapper.find('[data-release-code]').exists()).toBe(true))
    expect(wrapper.find('[data-release-code]').text()).toBe(releaseCode)
    expect(wrapper.find('.sealed-unlock').text()).toContain('Give this code to learners when you release results; anyone with it can see the final’s answers.')
    const row = await db.sealedItems.get('river-brief')
    expect([row?.via, row?.releaseCode, row?.items.length]).toEqual(['secret', releaseCode, 4])
    await wrapper.find('.sealed-unlock button').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith(releaseCode)
    expect(wrapper.find('.sealed-unlock__copied').text()).toBe('Copied.')
    expect(await violations()).toEqual([])
  })

  it('with a wrong code: says so, stays locked and stores nothing', async () => {
    const { file } = await keyFile()
    vi.stubGlobal('fetch', keyFileFetch(file))
    const { wrapper, db } = await mountInstructor(PATH, undefined, '.sealed-unlock input')
    await unlockWith(wrapper, 'not the secret')
    expect(wrapper.find('.sealed-unlock [role="alert"]').text()).toBe('That unlock code does not open this course’s sealed assessments. Check it and try again.')
    expect(wrapper.find('[data-release-code]').exists()).toBe(false)
    expect(await db.sealedItems.count()).toBe(0)
    expect(await violations()).toEqual([])
  })

  it('offline: says the key file could not be fetched', async () => {
    vi.stubGlobal('fetch', keyFileFetch('offline'))
    const { wrapper } = await mountInstructor(PATH, undefined, '.sealed-unlock input')
    await unlockWith(wrapper, SECRET)
    expect(wrapper.find('.sealed-unlock [role="alert"]').text()).toContain('could not be fetched: this device seems to be offline')
  })
})
