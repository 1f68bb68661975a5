/** A clock the test sets and moves by hand: the app reads time only through src/platform/clock.ts. */
import { setClock } from '../../src/platform/clock.ts'

export interface ManualClock {
  readonly now: number
  /** Jumps to `at` (ms since the epoch). */
  set(at: number): void
  /** Moves on by `ms`. */
  advance(ms: number): void
}

/** Replaces the app's clock with one that stands still at `start` until the test moves it. */
export function manualClock(start = 1_800_000_000_000): ManualClock {
  let time = start
  setClock(() => time)
  return {
    get now() {
      return time
    },
    set(at) {
      time = at
    },
    advance(ms) {
      time += ms
    },
  }
}

/** Gives the app the real clock back. */
export function realClock(): void {
  setClock(() => Date.now())
}
