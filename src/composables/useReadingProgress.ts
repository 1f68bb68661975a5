import { onBeforeUnmount, onMounted, type Ref } from 'vue'

export interface ReadingProgressOptions {
  /** The element whose reading is tracked. */
  target: Ref<HTMLElement | null | undefined>
  /** Called with the furthest fraction read, seconds spent since last call, and whether the end was reached. */
  save: (fraction: number, secondsDelta: number, finished: boolean) => void
  /** Browser globals, passable for tests. */
  window?: Window
  /** Minimum growth of the read fraction before saving again. */
  step?: number
}

/**
 * Tracks how far the learner has read and how long they spent, saving as they go
 * and when the page is hidden or left, so a reload never loses reading progress.
 */
export function useReadingProgress(options: ReadingProgressOptions) {
  const win = options.window ?? window
  const step = options.step ?? 0.1
  let furthest = 0
  let savedFraction = -1
  let visibleSince = win.document.visibilityState === 'visible' ? win.performance.now() : undefined
  let pendingSeconds = 0

  function measure(): number {
    const el = options.target.value
    if (!el) return furthest
    const rect = el.getBoundingClientRect()
    const seen = win.innerHeight - rect.top
    const fraction = rect.height <= 0 ? 1 : Math.min(1, Math.max(0, seen / rect.height))
    furthest = Math.max(furthest, fraction)
    return furthest
  }

  function takeSeconds(): number {
    if (visibleSince !== undefined) {
      const now = win.performance.now()
      pendingSeconds += (now - visibleSince) / 1000
      visibleSince = now
    }
    const whole = Math.floor(pendingSeconds)
    pendingSeconds -= whole
    return whole
  }

  function flush(force = false) {
    const fraction = measure()
    if (!force && fraction - savedFraction < step && fraction < 0.98) return
    savedFraction = fraction
    options.save(fraction, takeSeconds(), fraction >= 0.98)
  }

  let frame = 0
  const onScroll = () => {
    if (frame) return
    frame = win.requestAnimationFrame(() => {
      frame = 0
      flush()
    })
  }
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') {
      flush(true)
      visibleSince = undefined
    } else visibleSince = win.performance.now()
  }
  const onHide = () => flush(true)

  onMounted(() => {
    win.addEventListener('scroll', onScroll, { passive: true })
    win.addEventListener('pagehide', onHide)
    win.document.addEventListener('visibilitychange', onVisibility)
    flush(true)
  })
  onBeforeUnmount(() => {
    win.removeEventListener('scroll', onScroll)
    win.removeEventListener('pagehide', onHide)
    win.document.removeEventListener('visibilitychange', onVisibility)
    if (frame) win.cancelAnimationFrame(frame)
    flush(true)
  })

  return { flush }
}
