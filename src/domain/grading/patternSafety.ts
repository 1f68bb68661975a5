/**
 * Which short-text patterns are safe to run. JavaScript's regular expressions backtrack, so a
 * pattern with a repeated group that itself repeats (`^(a+)+$`, `(\w*)*`, `(x{1,9})+`) can take
 * exponential time on a crafted answer and hang the page that grades it. One pure rule, used by
 * content:check (an error at the pattern's file and line) and by the structural check of a result
 * file (a snapshot carrying such a pattern is refused):
 * - at most MAX_PATTERN_LENGTH characters;
 * - no quantifier that repeats (`*`, `+`, `{n,}`, `{n,m}` with m > 1) applied to a group that
 *   already contains one. A bounded `?` is allowed anywhere;
 * - no repeating quantifier applied to a group with alternatives (`|`) unless every alternative
 *   is plain non-empty text (letters, digits, spaces, escaped punctuation: no class, group,
 *   quantifier, `.` or `\w`-style escape) and no two begin with the same character (compared
 *   case-insensitively). Alternatives that can match the same text (`(a|aa)+`, `(a|a?)+`,
 *   `(\w|\d)+`) let the engine split one answer in exponentially many ways; text alternatives with
 *   distinct first characters split it one way only, so `(a|b)+` and `(ab|cd)*` stay allowed.
 * Both rules are conservative: they refuse some harmless patterns (`(ab+)+c`, `(ab|ac)+`); an
 * author can always write them without the outer repeat, or list the answers in `accept`.
 */

export const MAX_PATTERN_LENGTH = 200

interface Quantifier {
  end: number
  repeats: boolean
}

/** The quantifier starting at `i`, if any (with its lazy `?`). */
function quantifierAt(pattern: string, i: number): Quantifier | undefined {
  const c = pattern[i]
  const lazy = (end: number) => (pattern[end] === '?' ? end + 1 : end)
  if (c === '*' || c === '+') return { end: lazy(i + 1), repeats: true }
  if (c === '?') return { end: lazy(i + 1), repeats: false }
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24))
    if (m === null) return undefined
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])
    return { end: lazy(i + m[0].length), repeats: max > 1 }
  }
  return undefined
}

/** The index just after the character class opening at `i` (`[` … `]`, with escapes). */
function classEnd(pattern: string, i: number): number {
  let j = i + 1
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1
  return j + 1
}

const PLAIN = /^(?:[^\\()[\]{}*+?.^$|]|\\[^A-Za-z0-9])+$/

/**
 * Whether a group's body (between its parentheses) has alternatives that might match the same
 * text: true for any `|` unless every alternative is plain text with its own first character.
 */
function overlappingAlternatives(body: string): boolean {
  if (!body.includes('|')) return false
  const inner = body.startsWith('?:') ? body.slice(2) : body.startsWith('?') ? undefined : body
  if (inner === undefined) return true
  const alternatives = inner.split('|')
  if (alternatives.some((a) => !PLAIN.test(a))) return true
  const firsts = alternatives.map((a) => (a[0] === '\\' ? a[1]! : a[0]!).toLowerCase())
  return new Set(firsts).size !== firsts.length
}

/** Why a pattern is unsafe to run (a phrase to follow its field name), or undefined when it is safe. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `is ${pattern.length} characters long; a pattern may have at most ${MAX_PATTERN_LENGTH}: list the answers in accept instead`
  }
  // One entry per open group: whether it contains a repeating quantifier; and where each opened.
  const groups: boolean[] = [false]
  const starts: number[] = []
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '(') {
      groups.push(false)
      starts.push(i)
      i++
      continue
    }
    if (c === '|') {
      i++
      continue
    }
    let inner = false
    let body: string | undefined
    if (c === ')') {
      inner = groups.length > 1 ? groups.pop()! : false
      const start = starts.pop()
      if (start !== undefined) body = pattern.slice(start + 1, i)
      i++
    } else if (c === '\\') i += 2
    else if (c === '[') i = classEnd(pattern, i)
    else i++
    const q = quantifierAt(pattern, i)
    if (q !== undefined) {
      if (q.repeats && inner) {
        return `repeats a group that already repeats (nested quantifiers, as in "(a+)+"), which can make grading hang on a crafted answer: remove the outer or the inner repeat`
      }
      if (q.repeats && body !== undefined && overlappingAlternatives(body)) {
        return `repeats a group whose alternatives can match the same text (as in "(a|aa)+"), which can make grading hang on a crafted answer: make the alternatives plain words that each start with a different letter, or list the answers in accept`
      }
      i = q.end
    }
    if (inner || q?.repeats === true) groups[groups.length - 1] = true
  }
  return undefined
}
