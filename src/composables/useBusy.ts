import { ref, type Ref } from 'vue'

/**
 * One action at a time, with its failure in words: `run(task)` sets `busy` while the task runs,
 * clears `error` before it and puts the failure's message there (from `describe`), never a
 * stack trace. Pass the page's own `error` ref when a loader shares it.
 *
 *   const { busy, error, run } = useBusy(friendlyError)
 *   const save = () => run(async () => { await store.grade(…); status.value = 'Saved.' })
 */
export function useBusy(describe: (error: unknown) => string, error: Ref<string | undefined> = ref()) {
  const busy = ref(false)

  /** Runs `task`, resolving to its result, or to undefined once its failure is in `error`. */
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = undefined
    try {
      return await task()
    } catch (e) {
      error.value = describe(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
