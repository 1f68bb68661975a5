/** The app's clock, replaceable in tests so time-based behaviour can be checked without waiting. */
let current: () => number = () => Date.now()

export function now(): number {
  return current()
}

export function setClock(clock: () => number): void {
  current = clock
}

/** A random 32-bit seed for drawing an assessment (from the platform's crypto source). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

export function newId(): string {
  return crypto.randomUUID()
}
