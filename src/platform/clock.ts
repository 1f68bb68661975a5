/**
 * The app's clock and its source of ids and randomness: the one module allowed to read the time
 * or the platform's random source (lint bans `Date.now`, `new Date()`, `Math.random` and
 * `crypto.randomUUID`/`getRandomValues` everywhere else), so tests can set the time by hand and
 * time-based behaviour can be checked without waiting.
 */
let current: () => number = () => Date.now()

/** Epoch milliseconds, from the clock tests may replace. */
export function now(): number {
  return current()
}

/** Replaces the clock (tests). */
export function setClock(clock: () => number): void {
  current = clock
}

/** A random 32-bit seed for drawing an assessment (from the platform's crypto source). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

/** `count` random bytes from the platform's crypto source (salts). */
export function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count))
}

/** A new unique id for a record (a learner, an attempt). */
export function newId(): string {
  return crypto.randomUUID()
}
