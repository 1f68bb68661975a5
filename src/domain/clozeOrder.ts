/**
 * The order a cloze drop-down shows its options in. Assembly shuffles each drop-down blank's
 * options per attempt (seeded like every other option order, `assembly.ts`) and records them in
 * the slot's `blankOrders`, so a reload, the review and the instructor see the same order.
 *
 * Rules:
 * - A blank listed in `blankOrders` shows exactly that list when it is a permutation of the
 *   blank's options; otherwise (not listed, or the list does not fit the snapshot) it shows its
 *   authored order. Attempts made before drop-downs were shuffled have no `blankOrders`: they were
 *   shown in authored order, which is what they show again.
 * - `authoredBlankOrders` writes that authored order down explicitly (used by the result-file and
 *   database upgrades, so every stored cloze slot says what it showed).
 * Light on purpose (no random numbers): the cloze renderer imports it.
 */
import type { ClozeBlank, VersionedItem } from './types.ts'
import { own } from './own.ts'

export type BlankOrders = Record<string, string[]>

function isPermutationOf(order: readonly string[], options: readonly string[]): boolean {
  if (order.length !== options.length) return false
  const left = [...options]
  for (const o of order) {
    const i = left.indexOf(o)
    if (i < 0) return false
    left.splice(i, 1)
  }
  return true
}

/** The options of `blank` in the order shown (rules at the top of the file); [] for a typed blank. */
export function shownBlankOptions(blank: ClozeBlank, orders: BlankOrders | undefined): string[] {
  const options = blank.options ?? []
  const order = own(orders, blank.id)
  return order !== undefined && isPermutationOf(order, options) ? [...order] : [...options]
}

/** Every drop-down blank of a cloze item in its authored order; undefined for other items or no drop-downs. */
export function authoredBlankOrders(item: VersionedItem): BlankOrders | undefined {
  if (item.type !== 'cloze') return undefined
  const dropdowns = item.blanks.filter((b) => b.options !== undefined)
  return dropdowns.length === 0 ? undefined : Object.fromEntries(dropdowns.map((b) => [b.id, [...b.options!]]))
}
