/**
 * The inside of a GIFT answer block `{…}`: essay `{}`, true/false `{T#wrong#right}`,
 * numerical `{#3:0.5}` / `{#1..5}` / `{#=3:0 =%50%3:1}`, matching `{=a -> b}`, multiple
 * choice `{=right ~wrong ~%50%half}` and short answer `{=a =b}`; `####` starts the general
 * feedback (our explanation).
 */
import { optionWeights } from './grading.ts'
import type { MultipleResponseItem } from '../types.ts'
import { TODO_TEXT } from './common.ts'
import { conventionalIds } from './extras.ts'
import { hasWildcard, readLiteralAnswer, wildcardAsPattern } from './wildcards.ts'

/** Index of the first `target` at or after `from` that is not escaped with a backslash, or -1. */
export function findUnescaped(text: string, target: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text.startsWith(target, i)) return i
  }
  return -1
}

/** GIFT's escapes read back: `\~ \= \# \{ \} \: \\` are the characters, `\n` a line break. */
export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/g, (whole, c: string) => (c === 'n' ? '\n' : '~=#{}:\\'.includes(c) ? c : whole))
}

/** The last unescaped `target` (Moodle takes the general feedback after the last `####`). */
function findLastUnescaped(text: string, target: string): number {
  let last = -1
  for (let at = findUnescaped(text, target); at >= 0; at = findUnescaped(text, target, at + 1)) last = at
  return last
}

export interface GiftContext {
  read: (raw: string) => string
  warn: (message: string) => void
  /** `at`: where in the answer block the problem is (for its line). */
  fail: (message: string, at?: number) => void
}

interface GiftAnswer {
  /** `=` or `~`: in a multiple-choice question, any `=` makes it single choice (as in Moodle). */
  marker: string
  fraction: number
  raw: string
  feedback: string
}

/**
 * Splits at every unescaped `=` and `~`, as Moodle does, reading weights and feedback. Text before
 * the first marker is an answer too, worth `leading` (Moodle: full marks in a short answer, none
 * in multiple choice).
 */
function splitAnswers(block: string, ctx: GiftContext, leading = 0): GiftAnswer[] | undefined {
  const starts: number[] = []
  for (let i = 0; i < block.length; i++) {
    if (block[i] === '\\') i++
    else if (block[i] === '=' || block[i] === '~') starts.push(i)
  }
  if (block.slice(0, starts[0] ?? block.length).trim() !== '') starts.unshift(-1)
  const list: GiftAnswer[] = []
  for (const [n, s] of starts.entries()) {
    let raw = block.slice(s + 1, starts[n + 1] ?? block.length).trim()
    let fraction = s < 0 ? leading : block[s] === '=' ? 1 : 0
    const weight = /^%([^%]*)%/.exec(raw)
    if (weight) {
      const value = Number(weight[1])
      if (weight[1]!.trim() === '' || !Number.isFinite(value) || value < -100 || value > 100) {
        ctx.fail(`bad weight "%${weight[1]}%": write a percentage from -100 to 100, e.g. ~%50%`, s)
        return undefined
      }
      fraction = value / 100
      raw = raw.slice(weight[0].length)
    }
    const hash = findUnescaped(raw, '#')
    list.push({ marker: s < 0 ? '' : block[s]!, fraction, raw: hash < 0 ? raw.trim() : raw.slice(0, hash).trim(), feedback: hash < 0 ? '' : raw.slice(hash + 1).trim() })
  }
  return list
}

export function readGiftAnswers(inside: string, ctx: GiftContext): { body: Record<string, unknown>; explanation: string } | undefined {
  const cut = findLastUnescaped(inside, '####')
  const explanation = cut < 0 ? '' : ctx.read(inside.slice(cut + 4))
  const lead = inside.length - inside.trimStart().length
  const block = (cut < 0 ? inside : inside.slice(0, cut)).trim()
  const outer = ctx.fail
  ctx = { ...ctx, fail: (message, at = 0) => outer(message, lead + at) }
  if (block === '') return { body: essay(ctx), explanation }
  const tf = /^(T|TRUE|F|FALSE)\s*(#|$)/.exec(block)
  if (tf) return { body: truefalse(block, tf[1]!, ctx), explanation }
  if (block.startsWith('#')) {
    const body = numerical(block.slice(1).trim(), ctx)
    return body && { body, explanation }
  }
  const kind = findUnescaped(block, '~') >= 0 ? 'choice' : findUnescaped(block, '->') >= 0 ? 'matching' : 'short'
  const list = splitAnswers(block, ctx, kind === 'short' ? 1 : 0)
  if (!list) return undefined
  const body = kind === 'matching' ? matching(list, ctx) : kind === 'choice' ? choice(list, ctx) : short(list, ctx)
  return body && { body, explanation }
}

function essay(ctx: GiftContext) {
  ctx.warn('an essay has no Debrief rubric: one TODO criterion was made (write its text and concepts) and the model answer is a TODO')
  return { type: 'freetext', rubric: [{ id: 'c1', text: TODO_TEXT, points: 1, concepts: [['todo']] }], modelAnswer: TODO_TEXT }
}

function truefalse(block: string, value: string, ctx: GiftContext) {
  const parts: string[] = []
  let from = 0
  for (let at = findUnescaped(block, '#'); at >= 0; at = findUnescaped(block, '#', from)) {
    parts.push(block.slice(from, at))
    from = at + 1
  }
  parts.push(block.slice(from))
  const [, wrong = '', right = ''] = parts.map((p) => ctx.read(p.trim()))
  if (right !== '') ctx.warn('the feedback for the right answer is dropped (Debrief shows only wrongFeedback)')
  if (wrong === '') ctx.warn('there is no feedback for a wrong answer; wrongFeedback is a TODO')
  return { type: 'truefalse', answer: value.startsWith('T'), wrongFeedback: wrong || TODO_TEXT }
}

function numerical(block: string, ctx: GiftContext) {
  const one = (text: string): { answer: number; tolerance: number } | undefined => {
    const range = /^(-?[\d.eE+-]+)\s*\.\.\s*(-?[\d.eE+-]+)$/.exec(text)
    if (range) {
      const [low, high] = [Number(range[1]), Number(range[2])]
      if (Number.isFinite(low) && Number.isFinite(high) && low <= high) return { answer: (low + high) / 2, tolerance: (high - low) / 2 }
    }
    const [value = '', tol = '0'] = text.split(':')
    const answer = Number(value.trim())
    const tolerance = Number(tol.trim())
    if (value.trim() === '' || !Number.isFinite(answer) || !(tolerance >= 0)) return undefined
    return { answer, tolerance }
  }
  // As in Moodle, everything from the first "~" is the feedback for any other answer: `~#…`.
  const tilde = findUnescaped(block, '~')
  const answersPart = (tilde < 0 ? block : block.slice(0, tilde)).trim()
  const otherwise = tilde < 0 ? '' : block.slice(tilde + 1).trim()
  const wrongFeedback = ctx.read(otherwise.startsWith('#') ? otherwise.slice(1) : otherwise)
  let answer: { answer: number; tolerance: number } | undefined
  if (answersPart.startsWith('=')) {
    const list = splitAnswers(answersPart, ctx)
    if (!list) return undefined
    const right = list.find((a) => a.fraction >= 1)
    if (!right) return void ctx.fail('no numerical answer is worth 100%: mark the right number with "="')
    answer = one(unescapeGift(right.raw))
    if (list.length > 1) ctx.warn('only the right answer is kept: a numeric item has one number and tolerance')
  } else {
    const hash = findUnescaped(answersPart, '#')
    answer = one(unescapeGift(hash < 0 ? answersPart : answersPart.slice(0, hash)).trim())
  }
  if (!answer) return void ctx.fail(`"${answersPart}" is not a number, "number:tolerance" or "low..high"`)
  if (wrongFeedback === '') ctx.warn('there is no feedback for a wrong answer ("~#…"); wrongFeedback is a TODO')
  return { type: 'numeric', answer: answer.answer, tolerance: { absolute: answer.tolerance }, wrongFeedback: wrongFeedback || TODO_TEXT }
}

function matching(list: GiftAnswer[], ctx: GiftContext) {
  const pairs: { prompt: string; match: string }[] = []
  const distractors: string[] = []
  for (const a of list) {
    const arrow = findUnescaped(a.raw, '->')
    if (arrow < 0) return void ctx.fail(`the matching answer "${a.raw}" needs "->" between the question and its match`)
    const prompt = ctx.read(a.raw.slice(0, arrow).trim())
    const match = ctx.read(a.raw.slice(arrow + 2).trim())
    if (prompt === '') distractors.push(match)
    else pairs.push({ prompt, match })
  }
  if (pairs.length < 2) return void ctx.fail('a matching question needs at least two "=question -> match" pairs')
  if (new Set(pairs.map((p) => p.match)).size < pairs.length) ctx.warn('some matches repeat; Debrief shows each match once per pair')
  const ids = conventionalIds.pairs(pairs.length)
  const dIds = conventionalIds.distractors(distractors.length)
  return {
    type: 'matching',
    pairs: pairs.map((p, i) => ({ id: ids[i]!, ...p })),
    ...(distractors.length > 0 ? { distractors: distractors.map((text, i) => ({ id: dIds[i]!, text })) } : {}),
  }
}

function choice(list: GiftAnswer[], ctx: GiftContext) {
  if (list.length < 2) return void ctx.fail('a multiple-choice question needs at least two answers')
  const ids = conventionalIds.options(list.length)
  const options = list.map((a, i) => ({ id: ids[i]!, text: ctx.read(a.raw), ...(a.feedback ? { feedback: ctx.read(a.feedback) } : {}) }))
  const key = list.find((a) => a.marker === '=')
  if (key) {
    if (list.some((a) => a !== key && a.fraction !== 0)) ctx.warn('weights beside an "=" answer are dropped: with "=" it is a single-choice question, as in Moodle')
    if (list.filter((a) => a.marker === '=').length > 1) ctx.warn('several answers start with "="; the first is the answer')
    return { type: 'single', options, answer: options[list.indexOf(key)]!.id }
  }
  if (!list.some((a) => a.fraction > 0)) return void ctx.fail('no answer is marked right: start the right one with "=" (or give the right ones weights such as ~%50%)')
  const answers = options.filter((_, i) => list[i]!.fraction > 0).map((o) => o.id)
  const defaults = optionWeights({ type: 'multiple', options, answers } as unknown as MultipleResponseItem)
  return {
    type: 'multiple',
    options: options.map((o, i) => (Math.abs(list[i]!.fraction - defaults.get(o.id)!) < 1e-4 ? o : { ...o, weight: Math.round(list[i]!.fraction * 1e7) / 1e7 })),
    answers,
  }
}

function short(list: GiftAnswer[], ctx: GiftContext) {
  const accept: string[] = []
  const patterns: string[] = []
  const reject: string[] = []
  const partial: { answer: string; fraction: number }[] = []
  let wrongFeedback = ''
  for (const a of list) {
    const text = unescapeGift(a.raw)
    if (text === '*' && a.fraction <= 0) {
      wrongFeedback = ctx.read(a.feedback)
      continue
    }
    if (a.feedback !== '') ctx.warn(`the feedback on the answer "${text}" is dropped (a short-text item has one wrongFeedback)`)
    if (hasWildcard(text) && a.fraction >= 1) patterns.push(wildcardAsPattern(text))
    else if (hasWildcard(text)) ctx.warn(`the wildcard answer "${text}" worth ${a.fraction * 100}% is dropped`)
    else if (a.fraction >= 1) accept.push(readLiteralAnswer(text))
    else if (a.fraction <= 0) reject.push(readLiteralAnswer(text))
    else partial.push({ answer: readLiteralAnswer(text), fraction: a.fraction })
  }
  if (accept.length === 0) return void ctx.fail('no answer is marked right: start a right answer with "="')
  if (wrongFeedback === '') ctx.warn('there is no feedback for a wrong answer (an answer "=%0%*#…"); wrongFeedback is a TODO')
  return {
    type: 'short',
    accept,
    ...(patterns.length > 0 ? { patterns } : {}),
    ...(partial.length > 0 ? { partial } : {}),
    ...(reject.length > 0 ? { reject } : {}),
    wrongFeedback: wrongFeedback || TODO_TEXT,
  }
}
