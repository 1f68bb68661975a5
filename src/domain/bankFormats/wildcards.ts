/**
 * Our short-text patterns are regular expressions matched against the whole answer; Moodle's
 * short answers know one wildcard, `*` (any run of characters, `\*` a literal star). A pattern
 * made only of literal characters and `.*` says exactly what a wildcard answer says, so it is
 * written as one; any other pattern (alternatives, optional parts, classes) cannot be, and the
 * exporter reports it.
 */

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/

/** The Moodle wildcard answer equal to a pattern, or undefined when there is none. */
export function patternAsWildcard(pattern: string): string | undefined {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '.' && pattern[i + 1] === '*') {
      out += '*'
      i++
    } else if (c === '\\' && i + 1 < pattern.length && REGEX_SPECIAL.test(pattern[i + 1]!)) {
      out += pattern[i + 1] === '*' ? '\\*' : pattern[i + 1]
      i++
    } else if (REGEX_SPECIAL.test(c)) return undefined
    else out += c
  }
  return out
}

/** True when a Moodle answer uses the wildcard (an unescaped `*`). */
export function hasWildcard(answer: string): boolean {
  return /(^|[^\\])\*/.test(answer)
}

/** A Moodle wildcard answer as one of our patterns. */
export function wildcardAsPattern(answer: string): string {
  let out = ''
  for (let i = 0; i < answer.length; i++) {
    const c = answer[i]!
    if (c === '\\' && answer[i + 1] === '*') {
      out += '\\*'
      i++
    } else if (c === '*') out += '.*'
    else out += REGEX_SPECIAL.test(c) ? `\\${c}` : c
  }
  return out
}

/** A literal answer, safe from Moodle's wildcard. */
export function literalAnswer(text: string): string {
  return text.replace(/\*/g, '\\*')
}

/** A literal Moodle answer read back (`\*` → `*`). */
export function readLiteralAnswer(text: string): string {
  return text.replace(/\\\*/g, '*')
}
