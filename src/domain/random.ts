/**
 * Seeded randomness. The domain never uses the platform's random numbers: an attempt stores its seed, and the
 * same seed must rebuild the same attempt on any device, so every random choice goes through a
 * small deterministic generator (mulberry32: 32-bit state, fast, good enough for shuffling).
 */

export type Rng = () => number

/** A generator of floats in [0, 1) determined entirely by `seed` (any number; taken mod 2^32). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in 0..n−1. */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n)
}

/** A shuffled copy (Fisher–Yates), leaving the input untouched. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1)
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

/** A shuffled copy from a seed, for one-off shuffles. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffle(items, createRng(seed))
}

/**
 * A seed derived from a parent seed and a label (FNV-1a over the label, mixed with the seed), so
 * each slot's option order depends only on the attempt seed and the item, not on what else was drawn.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}
