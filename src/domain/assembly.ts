/**
 * Building an assessment attempt from a blueprint, reproducibly from a seed.
 *
 * Rules:
 * - Sealed items (`sealed: true`, docs/sealed-assessments.md) are reserved: a sealed blueprint
 *   draws only sealed items, and any other blueprint only unsealed ones.
 * - Draws are taken in blueprint order. A draw picks `count` items that match all its filters
 *   (lesson, objective, difficulty) and that no earlier draw picked: an item is never reused.
 * - Within a draw the pick is balanced: candidates are grouped by objective, each group is
 *   ordered round-robin across difficulties (shuffled within a difficulty), and items are taken
 *   round-robin across the (shuffled) objectives. The draw's picks are then shuffled, and slots
 *   follow the draws' order.
 * - Option order: with `shuffleOptions`, single/multiple options, categorize statements and
 *   matching choices (pairs and distractors) get a per-slot order, and each cloze drop-down's
 *   options a per-blank order (`blankOrders`, read by `clozeOrder.ts`); ordering steps are always
 *   shuffled (and never shown already solved when there are two or more steps). Each slot's order
 *   comes from a seed derived from the attempt seed and the item id (drop-downs: the item id and
 *   "blanks"), so adding drop-down orders left every other order of a seed as it was.
 * - The same blueprint, banks and seed always give the same items, order and option order.
 * - A draw the banks cannot satisfy throws BlueprintError; `checkBlueprint` reports the same
 *   problems without throwing, for the content check.
 */
import type { AttemptSlot, Bank, Blueprint, BlueprintDraw, Item, VersionedItem } from './types.ts'
import { createRng, deriveSeed, shuffle, type Rng } from './random.ts'

export interface AssembledAttempt {
  slots: AttemptSlot[]
  /** Keyed by item version, as in Attempt.snapshots. */
  snapshots: Record<string, VersionedItem>
}

export interface BlueprintProblem {
  blueprintId: string
  drawIndex: number
  needed: number
  found: number
  message: string
}

/** A blueprint the banks cannot satisfy; the message names the blueprint, the draw and the counts. */
export class BlueprintError extends Error {
  override readonly name = 'BlueprintError'
  constructor(readonly problem: BlueprintProblem) {
    super(problem.message)
  }
}

function describeDraw(draw: BlueprintDraw): string {
  const filters: string[] = []
  if (draw.lesson !== undefined) filters.push(`lesson ${draw.lesson}`)
  if (draw.objective !== undefined) filters.push(`objective ${draw.objective}`)
  if (draw.difficulty !== undefined) filters.push(`difficulty ${draw.difficulty.join('/')}`)
  return filters.length > 0 ? filters.join(', ') : 'any item'
}

/**
 * Whether a draw of a blueprint that is (or is not) `sealed` may pick `item`: its lesson,
 * objective and difficulty filters, and a sealed item only for a sealed blueprint and vice versa.
 */
export function drawMatches(item: Item & { lesson?: string }, draw: BlueprintDraw, sealed: boolean | undefined = false): boolean {
  return (
    (item.sealed === true) === (sealed === true) &&
    (draw.lesson === undefined || item.lesson === draw.lesson) &&
    (draw.objective === undefined || item.objective === draw.objective) &&
    (draw.difficulty === undefined || draw.difficulty.includes(item.difficulty))
  )
}

/** Every item once, sorted by id, so bank order never changes what a seed draws. */
function allItems(banks: readonly Bank[]): VersionedItem[] {
  const byId = new Map<string, VersionedItem>()
  for (const bank of banks) {
    for (const item of bank.items) if (!byId.has(item.id)) byId.set(item.id, { ...item, lesson: item.lesson ?? bank.lesson })
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T[]> {
  const groups = new Map<string | number, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group === undefined) groups.set(k, [item])
    else group.push(item)
  }
  return groups
}

/** Interleave lists: first of each, then second of each, and so on. */
function roundRobin<T>(lists: readonly T[][]): T[] {
  const out: T[] = []
  const longest = Math.max(0, ...lists.map((l) => l.length))
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i] as T)
  return out
}

function balancedPick(candidates: VersionedItem[], count: number, rng: Rng): VersionedItem[] {
  const byObjective = groupBy(candidates, (item) => item.objective)
  const objectiveKeys = shuffle([...byObjective.keys()].sort(), rng)
  const perObjective = objectiveKeys.map((key) => {
    const byDifficulty = groupBy(byObjective.get(key) ?? [], (item) => item.difficulty)
    const levels = [...byDifficulty.keys()].sort()
    return roundRobin(levels.map((level) => shuffle(byDifficulty.get(level) ?? [], rng)))
  })
  return shuffle(roundRobin(perObjective).slice(0, count), rng)
}

function drawError(blueprint: Blueprint, index: number, draw: BlueprintDraw, found: number, note = ''): BlueprintProblem {
  return {
    blueprintId: blueprint.id,
    drawIndex: index,
    needed: draw.count,
    found,
    message:
      `Blueprint "${blueprint.id}", draw ${index + 1} (${describeDraw(draw)}) needs ${draw.count} ` +
      `${blueprint.sealed === true ? 'sealed ' : ''}item${draw.count === 1 ? '' : 's'} but the banks have only ${found}${note}` +
      (blueprint.sealed === true ? ': a sealed assessment draws only items marked `sealed: true`.' : '.'),
  }
}

/** The order a slot shows its options in, or undefined when the item keeps the authored order. */
export function slotOrder(item: VersionedItem, shuffleOptions: boolean, seed: number): string[] | undefined {
  const rng = createRng(deriveSeed(seed, item.id))
  if (item.type === 'ordering') {
    const ids = item.steps.map((s) => s.id)
    const order = shuffle(ids, rng)
    const solved = ids.length > 1 && order.every((id, i) => id === ids[i])
    return solved ? [...order.slice(1), ...order.slice(0, 1)] : order
  }
  if (!shuffleOptions) return undefined
  switch (item.type) {
    case 'single':
    case 'multiple':
      return shuffle(item.options.map((o) => o.id), rng)
    case 'categorize':
      return shuffle(item.statements.map((s) => s.id), rng)
    case 'matching':
      return shuffle([...item.pairs.map((p) => p.id), ...(item.distractors ?? []).map((d) => d.id)], rng)
    default:
      return undefined
  }
}

/**
 * The order each drop-down blank of a cloze item shows its options in, or undefined (not cloze,
 * no drop-down, or no shuffling). Uniformly random: the answer may come first, as often as chance.
 */
export function slotBlankOrders(item: VersionedItem, shuffleOptions: boolean, seed: number): Record<string, string[]> | undefined {
  if (!shuffleOptions || item.type !== 'cloze') return undefined
  const dropdowns = item.blanks.filter((b) => b.options !== undefined)
  if (dropdowns.length === 0) return undefined
  const rng = createRng(deriveSeed(seed, `${item.id}:blanks`))
  return Object.fromEntries(dropdowns.map((b) => [b.id, shuffle(b.options!, rng)]))
}

/** A slot for `item`: its version and, when shuffled, its option order and drop-down orders. */
export function buildSlot(item: VersionedItem, shuffleOptions: boolean, seed: number): AttemptSlot {
  const slot: AttemptSlot = { itemId: item.id, version: item.version }
  const order = slotOrder(item, shuffleOptions, seed)
  if (order !== undefined) slot.order = order
  const blankOrders = slotBlankOrders(item, shuffleOptions, seed)
  if (blankOrders !== undefined) slot.blankOrders = blankOrders
  return slot
}

/**
 * Draw the items of one attempt. Throws BlueprintError when a draw cannot be filled from the
 * items left after the earlier draws.
 */
export function assembleAttempt(blueprint: Blueprint, banks: readonly Bank[], seed: number): AssembledAttempt {
  const rng = createRng(seed)
  const items = allItems(banks)
  const used = new Set<string>()
  const slots: AttemptSlot[] = []
  const snapshots: Record<string, VersionedItem> = {}
  blueprint.draws.forEach((draw, index) => {
    const candidates = items.filter((item) => !used.has(item.id) && drawMatches(item, draw, blueprint.sealed))
    if (candidates.length < draw.count) {
      const note = items.some((item) => used.has(item.id) && drawMatches(item, draw, blueprint.sealed)) ? ' not already drawn by earlier draws' : ''
      throw new BlueprintError(drawError(blueprint, index, draw, candidates.length, note))
    }
    for (const item of balancedPick(candidates, draw.count, rng)) {
      used.add(item.id)
      slots.push(buildSlot(item, blueprint.shuffleOptions, seed))
      snapshots[item.version] = item
    }
  })
  return { slots, snapshots }
}

/**
 * Problems that would make `assembleAttempt` fail for some seed, without throwing. A draw is
 * safe when its candidates, minus the most that earlier overlapping draws could take from them,
 * still cover its count; otherwise it is reported (always failing when even all candidates fall short).
 */
export function checkBlueprint(blueprint: Blueprint, banks: readonly Bank[]): BlueprintProblem[] {
  const items = allItems(banks)
  const problems: BlueprintProblem[] = []
  const candidateSets: Set<string>[] = []
  blueprint.draws.forEach((draw, index) => {
    const candidates = new Set(items.filter((item) => drawMatches(item, draw, blueprint.sealed)).map((item) => item.id))
    if (!Number.isInteger(draw.count) || draw.count < 1) {
      problems.push({ blueprintId: blueprint.id, drawIndex: index, needed: draw.count, found: candidates.size,
        message: `Blueprint "${blueprint.id}", draw ${index + 1}: count must be a whole number of at least 1.` })
    }
    let takenEarlier = 0
    blueprint.draws.slice(0, index).forEach((earlier, j) => {
      const overlap = [...(candidateSets[j] ?? [])].filter((id) => candidates.has(id)).length
      takenEarlier += Math.min(Math.max(0, earlier.count), overlap)
    })
    const guaranteed = Math.max(0, candidates.size - takenEarlier)
    const reserved = items.filter((item) => item.sealed === true && blueprint.sealed !== true && drawMatches(item, draw, true)).length
    const note = reserved > 0 ? ` (${reserved} more ${reserved === 1 ? 'is' : 'are'} reserved for sealed assessments)` : ''
    if (candidates.size < draw.count) problems.push(drawError(blueprint, index, draw, candidates.size, note))
    else if (guaranteed < draw.count) {
      problems.push(drawError(blueprint, index, draw, guaranteed, ' once earlier draws have taken theirs (it may fail for some seeds)'))
    }
    candidateSets.push(candidates)
  })
  if (blueprint.draws.length === 0) {
    problems.push({ blueprintId: blueprint.id, drawIndex: -1, needed: 0, found: 0, message: `Blueprint "${blueprint.id}" has no draws.` })
  }
  return problems
}
