/**
 * Reading a Moodle "cloze" (embedded answers) question into our cloze item: each
 * `{N:KIND:…}` becomes a blank `{{bN}}`; the paragraphs before the first blank are the stem.
 */
import type { ClozeBlank } from '../types.ts'
import { clozeKind, findClozeCodes, unescapeStar, type ClozeCode } from './cloze.ts'
import { partIds, perPart } from './extras.ts'
import type { QuestionContext } from './moodleXmlImport.ts'
import type { Body } from './moodleXmlTypes.ts'
import { hasWildcard } from './wildcards.ts'
import { child } from './xmlReader.ts'

const FALLBACK_STEM = 'Fill in the blanks.'

export function readCloze(ctx: QuestionContext): Body | undefined {
  const el = child(ctx.el, 'questiontext')
  const source = ctx.read(el)
  const lineAt = (offset: number) => (el?.line ?? ctx.el.line) + (source.slice(0, offset).match(/\n/g)?.length ?? 0)
  const found = findClozeCodes(source)
  if ('unterminated' in found) {
    return void ctx.fail(`the gap {…:${found.kind}:… is never closed with "}" (write \\} for a "}" inside a gap)`, lineAt(found.unterminated))
  }
  if (found.codes.length === 0) return void ctx.fail('a cloze question needs at least one gap such as {1:SHORTANSWER:=answer}', el?.line)
  const ids = partIds(ctx.extras, 'blanks', found.codes.length, ctx.warn)
  const accent = perPart(ctx.extras?.blankAccent, found.codes.length, 'blank settings', ctx.warn)
  const blanks: ClozeBlank[] = []
  for (const [n, code] of found.codes.entries()) {
    const blank = readBlank(code, ids[n]!, ctx, lineAt(code.start))
    if (!blank) return undefined
    if (typeof accent?.[n] === 'boolean') blank.accentSensitive = accent[n]
    blanks.push(blank)
  }
  let text = source
  for (let n = found.codes.length - 1; n >= 0; n--) text = text.slice(0, found.codes[n]!.start) + `{{${ids[n]}}}` + text.slice(found.codes[n]!.end)

  const paragraphs = text.split(/\n\s*\n/)
  const wanted = ctx.extras?.stemParagraphs
  let k = paragraphs.findIndex((p) => /\{\{[a-z]/.test(p))
  if (typeof wanted === 'number' && wanted >= 1 && wanted <= k) k = wanted
  let stem = paragraphs.slice(0, k).join('\n\n').trim()
  if (stem === '') {
    stem = FALLBACK_STEM
    ctx.warn(`the question text starts with a gap, so the stem is "${FALLBACK_STEM}": write a better one`)
  }
  const marks = found.codes.map((c) => c.mark)
  if (new Set(marks).size > 1) ctx.warn(`the gaps carry different marks (${marks.join(', ')}); in Debrief every blank counts the same`)
  const sum = marks.reduce((a, b) => a + b, 0)
  const points = ctx.extras ? ctx.extras.points : sum === 1 ? undefined : sum
  return { type: 'cloze', stem, text: paragraphs.slice(k).join('\n\n').trim(), blanks, ...(typeof points === 'number' ? { points } : {}) }
}

function readBlank(code: ClozeCode, id: string, ctx: QuestionContext, line: number): ClozeBlank | undefined {
  const kind = clozeKind(code.kind)
  if (kind === undefined) return void ctx.fail(`unknown gap kind "${code.kind}": use MULTICHOICE, SHORTANSWER or NUMERICAL (or their short forms MC, SA, NM)`, line)
  if (kind === 'unsupported') return void ctx.fail(`the gap kind ${code.kind} (tick several) has no Debrief equivalent; make it a MULTICHOICE gap or remove the question`, line)
  if (code.answers.length === 0 || code.answers.every((a) => a.text === '')) return void ctx.fail(`a ${code.kind} gap has no answers`, line)
  const best = Math.max(...code.answers.map((a) => a.fraction))
  if (best <= 0) return void ctx.fail(`no answer of a ${code.kind} gap is marked right: start the right one with "="`, line)
  if (code.answers.some((a) => a.fraction > 0 && a.fraction < 1)) ctx.warn(`partial credit in a ${code.kind} gap is dropped (Debrief blanks are right or wrong)`, line)
  const right = code.answers.filter((a) => a.fraction === best && a.text !== '*')
  const feedback = right.find((a) => a.feedback !== '')?.feedback ?? code.answers.find((a) => a.feedback !== '')?.feedback
  const fb = feedback ? { feedback } : {}
  if (kind === 'dropdown') {
    return { id, accept: right.map((a) => a.text), options: code.answers.map((a) => a.text), ...fb }
  }
  if (kind === 'numerical') {
    const accept = right.map((a) => {
      const [value = '', tolerance = '0'] = a.text.split(':')
      if (Number(tolerance) !== 0) ctx.warn(`the tolerance ±${tolerance} of a NUMERICAL gap is dropped: the blank accepts exactly "${value.trim()}"`, line)
      return value.trim()
    })
    return { id, accept, ...fb }
  }
  const wild = right.filter((a) => hasWildcard(a.text))
  if (wild.length > 0) ctx.warn(`the wildcard answer(s) ${wild.map((a) => `"${a.text}"`).join(', ')} in a gap are dropped: a blank accepts whole answers`, line)
  const accept = right.filter((a) => !hasWildcard(a.text)).map((a) => unescapeStar(a.text))
  if (accept.length === 0) return void ctx.fail(`a ${code.kind} gap has no right answer without a wildcard`, line)
  const reject = code.answers.filter((a) => a.fraction <= 0 && a.text !== '*' && !hasWildcard(a.text)).map((a) => unescapeStar(a.text))
  return { id, accept, ...(reject.length > 0 ? { reject } : {}), ...(kind === 'short_c' ? { caseSensitive: true } : {}), ...fb }
}
