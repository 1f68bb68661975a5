import { onScopeDispose, ref, type Ref } from 'vue'

/**
 * How long after the page's load event the service worker (offline copy and update offers)
 * registers: its code and its precache downloads never compete with the learner's first screen.
 */
export const SERVICE_WORKER_DELAY_MS = 1500

/** True once the page has loaded and SERVICE_WORKER_DELAY_MS has passed; `win` is passable for tests. */
export function useServiceWorkerStart(win: Window = window): Readonly<Ref<boolean>> {
  const started = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  const later = () => (timer = setTimeout(() => (started.value = true), SERVICE_WORKER_DELAY_MS))
  if (win.document.readyState === 'complete') later()
  else win.addEventListener('load', later, { once: true })
  onScopeDispose(() => {
    win.removeEventListener('load', later)
    clearTimeout(timer)
  })
  return started
}
