/**
 * Whether an attempt's items fit a blueprint's draws: an assignment of every slot to a draw must
 * exist with each draw holding exactly its count (lesson, objective and difficulty filters as
 * `drawMatches`). Found as a bipartite matching of items to draw places (Kuhn's augmenting paths;
 * assessments hold tens of items, so this is instant). An item the instructor cannot identify is
 * `undefined` and may fill any place: it is flagged on its own, and must not also be blamed here.
 * A sealed blueprint's places take only sealed items, any other blueprint's only unsealed ones.
 */
import { drawMatches } from './assembly.ts'
import type { BlueprintDraw, VersionedItem } from './types.ts'

/** Why the items do not fit the draws, in words; undefined when they do. */
export function drawMisfit(items: readonly (VersionedItem | undefined)[], draws: readonly BlueprintDraw[], sealed: boolean | undefined = false): string | undefined {
  const places = draws.flatMap((draw) => Array.from({ length: draw.count }, () => draw))
  if (items.length !== places.length) {
    return `The attempt holds ${items.length} item(s); this assessment draws ${places.length}.`
  }
  const ids = items.flatMap((item) => (item === undefined ? [] : [item.id]))
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i)
  if (repeated !== undefined) return `Item ${repeated} appears more than once; an assessment draws each item once.`
  const placeOf: (number | undefined)[] = items.map(() => undefined)
  const holder: (number | undefined)[] = places.map(() => undefined)
  const fits = (i: number, p: number) => {
    const item = items[i]
    return item === undefined || drawMatches(item, places[p]!, sealed)
  }
  const augment = (i: number, seen: boolean[]): boolean => {
    for (let p = 0; p < places.length; p++) {
      if (seen[p] || !fits(i, p)) continue
      seen[p] = true
      const current = holder[p]
      if (current === undefined || augment(current, seen)) {
        holder[p] = i
        placeOf[i] = p
        return true
      }
    }
    return false
  }
  for (let i = 0; i < items.length; i++) {
    if (!augment(i, places.map(() => false))) {
      const item = items[i]!
      return `Item ${item.id} (lesson ${item.lesson}, objective ${item.objective}, difficulty ${item.difficulty}) does not fit what this assessment draws, alongside the other items.`
    }
  }
  return undefined
}
