import { ref, type Ref } from 'vue'
import { errorMessage } from '../app/errorMessage.ts'

/**
 * One action at a time, with its failure in words: `run(task)` sets `busy` while the task runs,
 * clears `error` before it and puts the failure's message there (from `describe`, by default
 * `errorMessage`), never a stack trace. Pass the page's own `error` ref when a loader shares it.
 *
 *   const { busy, error, run } = useBusy()
 *   const save = () => run(async () => { await store.grade(…); status.value = 'Saved.' })
 */
export function useBusy(describe: (error: unknown) => string = errorMessage, error: Ref<string | undefined> = ref()) {
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
