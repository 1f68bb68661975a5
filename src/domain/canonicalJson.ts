/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, array-index keys such as "2" first in
 * numeric order, as JavaScript objects order them) at every depth, no whitespace,
 * `undefined` properties dropped as JSON.stringify drops them. Two equal values always give the
 * same text, whatever order their keys were built in, so a checksum over it is stable across
 * devices and serialisers.
 *
 * The text is written directly, without building sorted copies, so every own key is covered —
 * `__proto__` and `constructor` included (assigning `copy['__proto__'] = …` would set a prototype
 * instead, and the key would vanish from the text and from the checksum). The walk keeps its own
 * stack, so a deeply nested value cannot overflow the call stack.
 */
export function canonicalJson(value: unknown): string {
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
