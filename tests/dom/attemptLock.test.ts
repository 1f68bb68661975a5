import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { describe, expect, it } from 'vitest'
import { useAttemptLock, type LockState } from '../../src/composables/useAttemptLock.ts'

/** Enough of the Web Locks API for one lock name shared by several "tabs". */
function fakeLocks(): LockManager {
  let holder: { release: () => void; abort: (e: unknown) => void } | undefined
  return {
    async request(_name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<void>) {
      if (holder && options.ifAvailable) return callback(null)
      if (holder && options.steal) {
        holder.abort(new DOMException('The lock was stolen', 'AbortError'))
        holder = undefined
      }
      return new Promise<void>((resolve, reject) => {
        holder = { release: resolve, abort: reject }
        void callback({ name: 'x', mode: 'exclusive' } as Lock).then(() => {
          holder = undefined
          resolve()
        })
      })
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager
}

function tab(locks: LockManager | null) {
  let api: { state: { value: LockState }; takeOver: () => void } | undefined
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useAttemptLock({ attemptId: 'a1', locks })
        return () => h('p', api!.state.value)
      },
    }),
  )
  return { wrapper, lock: () => api! }
}

describe('one tab at a time on an attempt', () => {
  it('lets the first tab hold the attempt', async () => {
    const first = tab(fakeLocks())
    await flushPromises()
    expect(first.wrapper.text()).toBe('held')
  })

  it('tells a second tab the attempt is open elsewhere', async () => {
    const locks = fakeLocks()
    tab(locks)
    await flushPromises()
    const second = tab(locks)
    await flushPromises()
    expect(second.wrapper.text()).toBe('elsewhere')
  })

  it('hands the attempt over when the second tab continues there, and tells the first', async () => {
    const locks = fakeLocks()
    const first = tab(locks)
    await flushPromises()
    const second = tab(locks)
    await flushPromises()
    second.lock().takeOver()
    await flushPromises()
    expect(second.wrapper.text()).toBe('held')
    expect(first.wrapper.text()).toBe('taken-over')
  })

  it('works without the Web Locks API (the save sequence check still protects answers)', async () => {
    const only = tab(null)
    await flushPromises()
    expect(only.wrapper.text()).toBe('unsupported')
  })
})
