import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useStorageStore } from '../../../src/stores/storage.ts'
import { manualClock, mountAttempt } from './assessmentApp.ts'

// Each commit can be held at the door, so the test sees the page while IndexedDB has not committed.
const gate = vi.hoisted(() => ({ hold: undefined as Promise<void> | undefined }))
vi.mock('../../../src/db/attempts.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/db/attempts.ts')>()
  return {
    ...real,
    commitResponse: async (...args: Parameters<typeof real.commitResponse>) => {
      await gate.hold
      return real.commitResponse(...args)
    },
  }
})

enableAutoUnmount(afterEach)
beforeEach(() => {
  manualClock()
  sessionStorage.clear()
  gate.hold = undefined
})

const status = (w: VueWrapper) => w.find('.assessment-save__text').text()

async function openFinal() {
  const app = await mountAttempt()
  await vi.waitFor(() => expect(app.wrapper.find('.question-choice input').exists()).toBe(true))
  return app
}

describe('saving an answer', () => {
  it('says "Saving…" while the write is pending and "Saved" only once the response is in IndexedDB', async () => {
    const { wrapper } = await openFinal()
    let release!: () => void
    gate.hold = new Promise((resolve) => (release = resolve))
    const responses = useStorageStore().database().responses
    expect(status(wrapper)).toBe('')

    await wrapper.find('.question-choice input').setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saving…'))
    expect(await responses.get(['att', 'f-q01'])).toBeUndefined()
    expect(status(wrapper)).toBe('Saving…')

    release()
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    expect(await responses.get(['att', 'f-q01'])).toMatchObject({ answer: { type: 'single', optionId: 'a' }, seq: 1 })
  })

  it('says "Not saved — try again" when the write fails, keeps the answer and saves it on retry', async () => {
    const { wrapper } = await openFinal()
    const db = useStorageStore().database()
    db.close()
    await wrapper.find('.question-choice input').setValue(true)
    await vi.waitFor(() => expect(status(wrapper)).toBe('Not saved — try again'))
    expect(wrapper.find('[role="alert"]').text()).toBe('Debrief lost its connection to storage on this device. Reload the page to keep saving your work.')
    expect((wrapper.find('.question-choice input').element as HTMLInputElement).checked).toBe(true)

    await db.open()
    await wrapper.find('.assessment-save__retry').trigger('click')
    await vi.waitFor(() => expect(status(wrapper)).toBe('Saved'))
    expect((await db.responses.get(['att', 'f-q01']))?.answer).toEqual({ type: 'single', optionId: 'a' })
    expect(wrapper.find('.assessment-page__error').exists()).toBe(false)
  })
})
