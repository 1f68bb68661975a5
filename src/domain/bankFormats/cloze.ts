/**
 * Moodle's embedded answers (multianswer, "Cloze") syntax for our cloze blanks:
 * `{1:MULTICHOICE_S:=right#feedback~wrong#feedback}` for a drop-down (shuffled, as ours are),
 * `{1:SHORTANSWER:%0%near miss~=right#feedback~*#feedback}` for a typed blank (`_C` when case
 * matters; known wrong answers first, because Moodle takes the first answer that matches), and
 * on import also `{1:NUMERICAL:=3:0.5#feedback}`. Inside a sub-question Moodle requires
 * `} # ~ / " \` to be escaped with a backslash.
 */
import type { ClozeBlank } from '../types.ts'

const SPECIAL = /[}#~/"\\]/g

export function escapeCloze(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`)
}

/** A literal `*` in a short answer must not be read as Moodle's wildcard. */
function escapeShort(text: string): string {
  return escapeCloze(text).replace(/\*/g, '\\*')
}

export function encodeBlank(blank: ClozeBlank): string {
  const fb = blank.feedback ? `#${escapeCloze(blank.feedback)}` : ''
  if (blank.options) {
    const accepted = new Set(blank.accept)
    return `{1:MULTICHOICE_S:${blank.options.map((o) => `${accepted.has(o) ? '=' : ''}${escapeCloze(o)}${fb}`).join('~')}}`
  }
  const parts = [
    ...(blank.reject ?? []).map((r) => `%0%${escapeShort(r)}`),
    ...blank.accept.map((a) => `=${escapeShort(a)}${fb}`),
    ...(blank.feedback ? [`*${fb}`] : []),
  ]
  return `{1:${blank.caseSensitive ? 'SHORTANSWER_C' : 'SHORTANSWER'}:${parts.join('~')}}`
}

export interface ClozeAnswer {
  fraction: number
  text: string
  feedback: string
}

export interface ClozeCode {
  /** Offset of `{` and just after `}` in the question text. */
  start: number
  end: number
  mark: number
  kind: string
  answers: ClozeAnswer[]
}

const KINDS: Record<string, 'dropdown' | 'short' | 'short_c' | 'numerical' | 'unsupported'> = {
  MULTICHOICE: 'dropdown', MC: 'dropdown', MULTICHOICE_S: 'dropdown', MCS: 'dropdown',
  MULTICHOICE_V: 'dropdown', MCV: 'dropdown', MULTICHOICE_H: 'dropdown', MCH: 'dropdown',
  MULTICHOICE_VS: 'dropdown', MCVS: 'dropdown', MULTICHOICE_HS: 'dropdown', MCHS: 'dropdown',
  SHORTANSWER: 'short', SA: 'short', MW: 'short', SHORTANSWER_C: 'short_c', SAC: 'short_c', MWC: 'short_c',
  NUMERICAL: 'numerical', NM: 'numerical',
  MULTIRESPONSE: 'unsupported', MR: 'unsupported', MULTIRESPONSE_H: 'unsupported', MRH: 'unsupported',
  MULTIRESPONSE_S: 'unsupported', MRS: 'unsupported', MULTIRESPONSE_HS: 'unsupported', MRHS: 'unsupported',
}

export function clozeKind(kind: string) {
  return KINDS[kind]
}

function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[i]! + text[i + 1]!
      i++
    } else if (text[i] === sep) {
      parts.push(current)
      current = ''
    } else current += text[i]
  }
  parts.push(current)
  return parts
}

function unescape(text: string): string {
  return text.replace(/\\([}#~/"\\])/g, '$1')
}

/**
 * Finds every `{N:KIND:…}` in a question text. An opening `{N:KIND:` with no closing `}` is an
 * error (`unterminated`, at its offset); a `{` that starts no code is text.
 */
export function findClozeCodes(text: string): { codes: ClozeCode[] } | { unterminated: number; kind: string } {
  const codes: ClozeCode[] = []
  const opener = /\{(\d*):([A-Z_]+):/g
  let match: RegExpExecArray | null
  while ((match = opener.exec(text))) {
    let i = opener.lastIndex
    while (i < text.length && text[i] !== '}') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) return { unterminated: match.index, kind: match[2]! }
    const body = text.slice(opener.lastIndex, i)
    const answers = splitUnescaped(body, '~')
      .filter((a, n) => !(n === 0 && a === ''))
      .map((raw) => {
        let fraction = 0
        let rest = raw
        const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(rest)
        if (rest.startsWith('=')) {
          fraction = 1
          rest = rest.slice(1)
        } else if (weighted) {
          fraction = Number(weighted[1]) / 100
          rest = rest.slice(weighted[0].length)
        }
        const [answer = '', ...feedback] = splitUnescaped(rest, '#')
        return { fraction, text: unescape(answer).trim(), feedback: unescape(feedback.join('#')).trim() }
      })
    codes.push({ start: match.index, end: i + 1, mark: match[1] === '' ? 1 : Number(match[1]), kind: match[2]!, answers })
    opener.lastIndex = i + 1
  }
  return { codes }
}

/** A short answer's text with Moodle's `\*` (a literal star) read back. */
export function unescapeStar(text: string): string {
  return text.replace(/\\\*/g, '*')
}
