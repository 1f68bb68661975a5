/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, array-index keys such as "2" first in
 * numeric order, as JavaScript objects order them) at every depth, no whitespace,
 * `undefined` properties dropped as JSON.stringify drops them. Two equal values always give the
 * same text, whatever order their keys were built in, so a checksum over it is stable across
 * devices and serialisers.
 *
 * Every own key is covered — `__proto__` and `constructor` included (assigning `copy['__proto__']
 * = …` on an ordinary object would set a prototype instead, and the key would vanish from the text
 * and from the checksum): the fast path copies into objects without a prototype, and a value
 * nested too deeply for JSON.stringify's own recursion is written by a walk that keeps its own
 * stack, so it cannot overflow the call stack. Both write the same text
 * (tests/unit/domain/canonicalJsonFast.test.ts).
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(value, sortedKeys) ?? ''
  } catch (error) {
    // Nested too deeply for the engine's own walk: the walk with its own stack writes the same text.
    if (error instanceof RangeError) return canonicalJsonIterative(value)
    throw error
  }
}

/**
 * The fast path (imports hash thousands of files, 100 MB of text): JSON.stringify writes each object as a copy
 * whose keys were added in canonical order. The copy has no prototype, so a `__proto__` key is an
 * ordinary key of it; JSON.stringify then writes array-index keys first in numeric order and the
 * other keys in the order they were added, which is canonical order.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const source = value as Record<string, unknown>
  const copy = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(source).sort()) copy[key] = source[key]
  return copy
}

function canonicalJsonIterative(value: unknown): string {
  const out: string[] = []
  // Work items, last first: a piece of text to write, or a value to write.
  const stack: ({ text: string } | { value: unknown; inArray: boolean })[] = [{ value, inArray: false }]
  while (stack.length > 0) {
    const work = stack.pop()!
    if ('text' in work) {
      out.push(work.text)
      continue
    }
    const v = toJsonValue(work.value)
    if (Array.isArray(v)) {
      stack.push({ text: ']' })
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], inArray: true })
        if (i > 0) stack.push({ text: ',' })
      }
      stack.push({ text: '[' })
    } else if (v !== null && typeof v === 'object') {
      const source = v as Record<string, unknown>
      const keys = canonicalKeyOrder(Object.keys(source)).filter((k) => writable(toJsonValue(source[k])))
      stack.push({ text: '}' })
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!
        stack.push({ value: source[key], inArray: false })
        stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` })
      }
      stack.push({ text: '{' })
    } else if (writable(v)) out.push(JSON.stringify(v))
    else if (work.inArray) out.push('null')
  }
  return out.join('')
}

/**
 * Sorted by code unit, except that array-index keys ("0", "17") come first in numeric order: the
 * order JSON.stringify gave the sorted copies this module used to build, kept so that every
 * checksum and item version made before stays the same.
 */
function canonicalKeyOrder(keys: string[]): string[] {
  const isIndex = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b))
  return [...indices, ...keys.filter((k) => !isIndex(k)).sort()]
}

/** What JSON.stringify writes for a value with `toJSON` (a Date, say). */
function toJsonValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON: () => unknown }).toJSON() : v
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
function writable(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol'
}
