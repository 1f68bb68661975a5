import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useBusy } from '../../src/composables/useBusy.ts'

const describeError = (e: unknown) => `Could not: ${e instanceof Error ? e.message : String(e)}`

describe('useBusy', () => {
  it('is busy while the task runs and gives back its result', async () => {
    const { busy, error, run } = useBusy(describeError)
    let release!: (value: number) => void
    const running = run(() => new Promise<number>((resolve) => (release = resolve)))
    expect(busy.value).toBe(true)
    release(42)
    expect(await running).toBe(42)
    expect([busy.value, error.value]).toEqual([false, undefined])
  })

  it.each([
    ['an Error', new Error('disk full'), 'Could not: disk full'],
    ['a thrown string', 'offline', 'Could not: offline'],
  ])('puts the words for %s in error and resolves to undefined', async (_label, thrown, words) => {
    const { busy, error, run } = useBusy(describeError)
    expect(await run(() => Promise.reject(thrown))).toBeUndefined()
    expect([busy.value, error.value]).toEqual([false, words])
  })

  it('clears the shared error ref before the next try', async () => {
    const shared = ref<string | undefined>('Loading failed')
    const { run } = useBusy(describeError, shared)
    await run(async () => undefined)
    expect(shared.value).toBeUndefined()
  })
})
