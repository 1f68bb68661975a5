import { onBeforeUnmount, ref, type Ref } from 'vue'

export type LockState = 'unsupported' | 'waiting' | 'held' | 'elsewhere' | 'taken-over'

export interface AttemptLockOptions {
  attemptId: string
  /** Browser lock manager, passable for tests; null (or a browser without one) leaves the sequence check alone to protect answers. */
  locks?: LockManager | null
}

/**
 * One tab at a time works on an attempt, through the Web Locks API. The tab that holds the
 * lock works normally; another tab is told the attempt is open elsewhere and may take it over
 * (the first tab is then told and stops). Answers are protected either way: every save also
 * carries a sequence number that IndexedDB checks.
 */
export function useAttemptLock(options: AttemptLockOptions): { state: Ref<LockState>; takeOver: () => void } {
  const locks = options.locks === undefined ? globalThis.navigator?.locks : (options.locks ?? undefined)
  const state = ref<LockState>(locks ? 'waiting' : 'unsupported')
  const name = `debrief-attempt-${options.attemptId}`
  let release: (() => void) | undefined

  function hold(steal: boolean) {
    if (!locks) return
    const held = new Promise<void>((resolve) => (release = resolve))
    locks
      .request(name, steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) {
          state.value = 'elsewhere'
          return
        }
        state.value = 'held'
        await held
      })
      .catch((error: unknown) => {
        // Another tab stole the lock: this tab must stop writing.
        if (error instanceof DOMException && error.name === 'AbortError') state.value = 'taken-over'
      })
  }

  hold(false)
  onBeforeUnmount(() => release?.())

  return {
    state,
    takeOver: () => {
      state.value = 'waiting'
      hold(true)
    },
  }
}
