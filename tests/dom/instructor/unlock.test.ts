import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { setPassphrase } from '../../../src/db/instructorAuth.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { mountApp } from '../mountApp.ts'

const GRADING = '/course/river-brief/instructor/grading'

describe('instructor unlock', () => {
  it('asks for a new passphrase on first use and says what it does not protect', async () => {
    const { wrapper } = await mountApp(GRADING)
    await vi.waitFor(() => expect(wrapper.find('#instructor-passphrase-again').exists()).toBe(true))
    expect(wrapper.text()).toContain('It does not secure the data')
  })

  it('refuses two different passphrases', async () => {
    const { wrapper } = await mountApp(GRADING)
    await vi.waitFor(() => expect(wrapper.find('#instructor-passphrase-again').exists()).toBe(true))
    await wrapper.find('#instructor-passphrase').setValue('levee repair')
    await wrapper.find('#instructor-passphrase-again').setValue('levee repairs')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toContain('not the same'))
  })

  it('sets the passphrase, unlocks and goes where the instructor was going', async () => {
    const { wrapper, router } = await mountApp(GRADING)
    await vi.waitFor(() => expect(wrapper.find('#instructor-passphrase-again').exists()).toBe(true))
    await wrapper.find('#instructor-passphrase').setValue('levee repair')
    await wrapper.find('#instructor-passphrase-again').setValue('levee repair')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(GRADING))
  })

  it('refuses a wrong passphrase and stays locked', async () => {
    const { wrapper } = await mountApp(GRADING, (db) => setPassphrase(db, 'levee repair'))
    await vi.waitFor(() => expect(wrapper.find('#instructor-passphrase').exists()).toBe(true))
    await wrapper.find('#instructor-passphrase').setValue('levee')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe('That passphrase is not right. Check it and try again.'))
    expect(useInstructorStore().unlocked).toBe(false)
  })

  it('locks again from the instructor menu', async () => {
    const { wrapper, router } = await mountApp(GRADING, (db) => setPassphrase(db, 'levee repair'))
    await vi.waitFor(() => expect(wrapper.find('#instructor-passphrase').exists()).toBe(true))
    await wrapper.find('#instructor-passphrase').setValue('levee repair')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(GRADING))
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('.instructor-nav button').exists()).toBe(true))
    await wrapper.find('.instructor-nav button').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('course'))
    expect(useInstructorStore().unlocked).toBe(false)
  })
})
