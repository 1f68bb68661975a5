/**
 * Limits that keep a hostile YAML file from hanging or crashing the build:
 * a size cap, and a cap on what anchors (`&a`) and aliases (`*a`) may expand
 * to ("billion laughs": a few lines of nested aliases that expand to billions
 * of values). Course files have no need of either at that scale.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml'

/** Any content file (a bank, blueprints, a lesson, the brief) may be at most this many bytes. */
export const MAX_CONTENT_BYTES = 2 * 1024 * 1024
/** The `yaml` package's own guard (uses of one anchor × the aliases inside it), passed to `toJS`. */
export const MAX_ALIAS_COUNT = 100
/** Values all aliases together may copy in: generous for a repeated option list, far below a bomb. */
export const MAX_ALIAS_VALUES = 10_000
/** Deeper documents are refused before walking them (the parser and `toJS` recurse). */
export const MAX_DEPTH = 200

export function tooManyAliases(): string {
  return `too many aliases: the aliases (*name) in this file would copy in more than ${MAX_ALIAS_VALUES} values, or use one anchor (&name) more than ${MAX_ALIAS_COUNT} times; write the values out, or use fewer aliases`
}

export function tooDeep(): string {
  return `is nested more than ${MAX_DEPTH} levels deep; a course file never needs that`
}

/**
 * Counts what the aliases would copy in, without expanding them: the size of
 * each anchored node is computed once, and an alias adds that size. Returns the
 * character offset of the alias that goes over a limit, or of the node that is
 * too deep, or undefined when the document is within the limits.
 */
export function aliasOverflow(doc: Document): { offset: number; message: string } | undefined {
  const sizes = new Map<string, number>()
  let copied = 0
  let over: { offset: number; message: string } | undefined
  const size = (node: unknown, depth: number): number => {
    if (over) return 0
    const at = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0
    if (depth > MAX_DEPTH) {
      over = { offset: at, message: tooDeep() }
      return 0
    }
    if (isAlias(node)) {
      // An alias to an anchor still open (a cycle) or unknown copies nothing here; `toJS` reports it.
      const n = sizes.get(node.source) ?? 1
      copied += n
      if (copied > MAX_ALIAS_VALUES) over = { offset: at, message: tooManyAliases() }
      return n
    }
    let n = 1
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        n += isPair(item) ? size(item.key, depth + 1) + size(item.value, depth + 1) : size(item, depth + 1)
        if (over) return 0
      }
    }
    const anchor = isScalar(node) || isMap(node) || isSeq(node) ? (node as Node).anchor : undefined
    if (anchor) sizes.set(anchor, n)
    return n
  }
  size(doc.contents, 0)
  return over
}
