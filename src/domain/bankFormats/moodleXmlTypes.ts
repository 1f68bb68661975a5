/**
 * Reading each Moodle question type's own fields into ours (the common fields are read in
 * moodleXmlImport.ts). Each reader returns the type-specific part of an item, or undefined
 * after calling `fail` with what is wrong.
 */
import { optionWeights } from './grading.ts'
import type { CategorizeItem, FreeTextItem, MultipleResponseItem, RubricCriterion } from '../types.ts'
import { IdAllocator, slug, TODO_TEXT } from './common.ts'
import { partIds, perPart } from './extras.ts'
import type { QuestionContext } from './moodleXmlImport.ts'
import { readCloze } from './moodleXmlCloze.ts'
import { hasWildcard, patternAsWildcard, readLiteralAnswer, wildcardAsPattern } from './wildcards.ts'
import { child, children, innerText, textOf, type XmlElement } from './xmlReader.ts'

export type Body = Record<string, unknown> & { type: string; points?: number }

interface MoodleAnswer {
  fraction: number
  text: string
  feedback: string
  el: XmlElement
}

/** Every `<answer>`, with its fraction as 0..1; a fraction that is not a percentage is an error. */
export function answers(ctx: QuestionContext, raw = false): MoodleAnswer[] | undefined {
  const list: MoodleAnswer[] = []
  for (const el of children(ctx.el, 'answer')) {
    const value = el.attrs.fraction
    const fraction = Number(value)
    if (value === undefined || value.trim() === '' || !Number.isFinite(fraction) || (!raw && (fraction < -100 || fraction > 100))) {
      ctx.fail(`bad fraction "${value ?? ''}" on an answer: write a percentage from -100 to 100, e.g. fraction="100" for a right answer`, el.line)
      return undefined
    }
    const text = raw ? innerText(el) : ctx.read(el)
    list.push({ fraction: raw ? fraction : fraction / 100, text, feedback: ctx.read(child(el, 'feedback')), el })
  }
  return list
}

const pointsUnlessDefault = (ctx: QuestionContext, fallback = 1) => (ctx.defaultGrade === undefined || ctx.defaultGrade === fallback ? undefined : ctx.defaultGrade)
const optional = (text: string) => (text === '' ? {} : { feedback: text })

export function readQuestionBody(type: string, ctx: QuestionContext): Body | undefined {
  switch (type) {
    case 'multichoice': return multichoice(ctx)
    case 'truefalse': return truefalse(ctx)
    case 'matching': return matching(ctx)
    case 'ordering': return ordering(ctx)
    case 'cloze': return readCloze(ctx)
    case 'shortanswer': return shortanswer(ctx)
    case 'numerical': return numerical(ctx)
    case 'essay': return essay(ctx)
  }
  return undefined
}

function multichoice(ctx: QuestionContext): Body | undefined {
  const list = answers(ctx)
  if (!list) return undefined
  if (list.length < 2) return void ctx.fail(`has ${list.length} answer(s); a multiple-choice question needs at least two <answer> elements`)
  const ids = partIds(ctx.extras, 'options', list.length, ctx.warn)
  const options = list.map((a, i) => ({ id: ids[i]!, text: a.text, ...optional(a.feedback) }))
  const single = ['true', '1'].includes(textOf(child(ctx.el, 'single')).trim())
  const points = pointsUnlessDefault(ctx)
  if (single) {
    const best = Math.max(...list.map((a) => a.fraction))
    if (best <= 0) return void ctx.fail('no answer is marked right: give the right answer fraction="100"')
    if (best < 1) ctx.warn(`no answer is worth 100%; the best one (${best * 100}%) is taken as the answer and partial credit is dropped`)
    const keys = list.filter((a) => a.fraction === best)
    if (keys.length > 1) ctx.warn(`${keys.length} answers are worth ${best * 100}%; the first is the answer (a single-choice item has one)`)
    return { type: 'single', options, answer: options[list.indexOf(keys[0]!)]!.id, points }
  }
  const right = options.filter((_, i) => list[i]!.fraction > 0).map((o) => o.id)
  if (right.length === 0) return void ctx.fail('no answer has a positive fraction: mark the right answers, e.g. fraction="50" each for two')
  const item = { type: 'multiple', options, answers: right } as unknown as MultipleResponseItem
  const defaults = optionWeights(item)
  const weighted = options.map((o, i) => {
    const w = Math.round(list[i]!.fraction * 1e7) / 1e7
    return Math.abs(w - defaults.get(o.id)!) < 1e-4 ? o : { ...o, weight: w }
  })
  return { type: 'multiple', options: weighted, answers: right, points }
}

function truefalse(ctx: QuestionContext): Body | undefined {
  const list = answers(ctx)
  if (!list) return undefined
  const byValue = (v: string) => list.find((a) => a.text.toLowerCase() === v)
  const t = byValue('true')
  const f = byValue('false')
  if (!t || !f) return void ctx.fail('a true/false question needs an <answer> "true" and an <answer> "false"')
  const answer = t.fraction >= f.fraction
  const [right, wrong] = answer ? [t, f] : [f, t]
  if (right.feedback !== '') ctx.warn('the feedback for the right answer is dropped (Debrief shows only wrongFeedback)')
  if (wrong.feedback === '') ctx.warn('the wrong answer has no feedback; wrongFeedback is a TODO')
  return { type: 'truefalse', answer, wrongFeedback: wrong.feedback || TODO_TEXT, points: pointsUnlessDefault(ctx) }
}

function matching(ctx: QuestionContext): Body | undefined {
  const subs = children(ctx.el, 'subquestion').map((s) => ({ prompt: ctx.read(s), match: innerText(child(s, 'answer')), line: s.line }))
  const missing = subs.find((s) => s.match === '')
  if (missing) return void ctx.fail('a <subquestion> has no <answer><text>…</text></answer>', missing.line)
  const pairs = subs.filter((s) => s.prompt !== '')
  const extra = subs.filter((s) => s.prompt === '').map((s) => s.match)
  if (pairs.length < 2) return void ctx.fail(`has ${pairs.length} sub-question(s) with text; a matching question needs at least two`)
  const points = pointsUnlessDefault(ctx)
  const repeated = new Set(pairs.map((p) => p.match)).size < pairs.length
  if (ctx.extras?.categorize || repeated) {
    if (!ctx.extras?.categorize) ctx.warn('answers repeat across sub-questions, so it is imported as a categorize item (sort statements into groups)')
    return categorize(ctx, pairs, extra, points)
  }
  const pairIds = partIds(ctx.extras, 'pairs', pairs.length, ctx.warn)
  const distractorIds = partIds(ctx.extras, 'distractors', extra.length, ctx.warn)
  const feedback = perPart(ctx.extras?.pairFeedback, pairs.length, 'pair feedback', ctx.warn)
  return {
    type: 'matching',
    pairs: pairs.map((p, i) => ({ id: pairIds[i]!, prompt: p.prompt, match: p.match, ...(typeof feedback?.[i] === 'string' ? { feedback: feedback[i] } : {}) })),
    ...(extra.length > 0 ? { distractors: extra.map((text, i) => ({ id: distractorIds[i]!, text })) } : {}),
    points,
  }
}

function categorize(ctx: QuestionContext, pairs: { prompt: string; match: string }[], extra: string[], points: number | undefined): Body {
  const labels = [...new Set([...pairs.map((p) => p.match), ...extra])]
  const listed = ctx.extras?.categorize?.categories
  let categories: CategorizeItem['categories']
  if (Array.isArray(listed) && listed.length === labels.length && labels.every((l) => listed.some((c) => c.label === l))) categories = listed
  else {
    if (listed) ctx.warn('the categories in <debrief> do not fit the answers in the file (was it edited?); category ids were made up')
    const ids = new IdAllocator()
    categories = labels.map((label) => ({ id: ids.take(slug(label)), label }))
  }
  const statementIds = partIds(ctx.extras, 'statements', pairs.length, ctx.warn)
  const feedback = perPart(ctx.extras?.categorize?.feedback, pairs.length, 'statement feedback', ctx.warn)
  const idOf = new Map(categories.map((c) => [c.label, c.id]))
  return {
    type: 'categorize',
    categories,
    statements: pairs.map((p, i) => ({ id: statementIds[i]!, text: p.prompt, category: idOf.get(p.match)!, ...(typeof feedback?.[i] === 'string' ? { feedback: feedback[i] } : {}) })),
    points,
  }
}

const GRADING: Record<string, string | undefined> = { LONGEST_ORDERED_SUBSET: undefined, RELATIVE_NEXT_EXCLUDE_LAST: 'relative-to-next', ALL_OR_NOTHING: 'all-or-nothing' }

function ordering(ctx: QuestionContext): Body | undefined {
  const list = answers(ctx, true)
  if (!list) return undefined
  if (list.length < 2) return void ctx.fail(`has ${list.length} item(s) to order; an ordering question needs at least two <answer> elements`)
  const steps = list.map((a, i) => ({ a, i })).sort((x, y) => x.a.fraction - y.a.fraction || x.i - y.i)
  const ids = partIds(ctx.extras, 'steps', steps.length, ctx.warn)
  const grading = textOf(child(ctx.el, 'gradingtype')).trim().toUpperCase()
  if (grading !== '' && !(grading in GRADING)) ctx.warn(`Moodle grading type ${grading} has no Debrief equivalent; the item uses longest-ordered-subset`)
  const select = textOf(child(ctx.el, 'selecttype')).trim().toUpperCase()
  if (select !== '' && select !== 'ALL') ctx.warn(`Moodle shows a ${select.toLowerCase()} subset of the items; Debrief shows them all`)
  const wrong = ctx.read(child(ctx.el, 'incorrectfeedback'))
  return {
    type: 'ordering',
    steps: steps.map((s, i) => ({ id: ids[i]!, text: ctx.read(s.a.el) })),
    ...(GRADING[grading] ? { scoring: GRADING[grading] } : {}),
    ...(wrong === '' ? {} : { wrongFeedback: wrong }),
    points: pointsUnlessDefault(ctx),
  }
}

function shortanswer(ctx: QuestionContext): Body | undefined {
  const list = answers(ctx)
  if (!list) return undefined
  const extras = ctx.extras
  const derived = (Array.isArray(extras?.patterns) ? extras.patterns : []).map(patternAsWildcard).filter((w): w is string => w !== undefined)
  const accept: string[] = []
  const patterns: string[] = []
  const reject: string[] = []
  const partial: { answer: string; fraction: number }[] = []
  let wrongFeedback = ''
  for (const a of list) {
    if (a.text === '*' && a.fraction <= 0) {
      wrongFeedback = a.feedback
      continue
    }
    if (a.fraction >= 1 && derived.includes(a.text)) {
      derived.splice(derived.indexOf(a.text), 1)
      continue
    }
    if (a.feedback !== '') ctx.warn(`the feedback on the answer "${a.text}" is dropped (a short-text item has one wrongFeedback)`, a.el.line)
    if (hasWildcard(a.text) && a.fraction < 1) ctx.warn(`the wildcard answer "${a.text}" worth ${a.fraction * 100}% is dropped (only fully right patterns are kept)`, a.el.line)
    else if (hasWildcard(a.text)) patterns.push(wildcardAsPattern(a.text))
    else if (a.fraction >= 1) accept.push(readLiteralAnswer(a.text))
    else if (a.fraction <= 0) reject.push(readLiteralAnswer(a.text))
    else partial.push({ answer: readLiteralAnswer(a.text), fraction: a.fraction })
  }
  if (accept.length === 0) return void ctx.fail('no answer is marked right: give a right answer fraction="100" (a wildcard alone is not enough)')
  if (wrongFeedback === '') ctx.warn('there is no feedback for a wrong answer (an answer "*" with fraction 0); wrongFeedback is a TODO')
  const allPatterns = Array.isArray(extras?.patterns) ? extras.patterns : patterns
  return {
    type: 'short',
    accept,
    ...(allPatterns.length > 0 ? { patterns: allPatterns } : {}),
    ...(partial.length > 0 ? { partial } : {}),
    ...(reject.length > 0 ? { reject } : {}),
    ...(extras?.allowTypo === true ? { allowTypo: true } : {}),
    ...(textOf(child(ctx.el, 'usecase')).trim() === '1' ? { caseSensitive: true } : {}),
    ...(typeof extras?.accentSensitive === 'boolean' ? { accentSensitive: extras.accentSensitive } : {}),
    wrongFeedback: wrongFeedback || TODO_TEXT,
    points: pointsUnlessDefault(ctx),
  }
}

function numerical(ctx: QuestionContext): Body | undefined {
  const list = answers(ctx)
  if (!list) return undefined
  const right = list.find((a) => a.fraction >= 1)
  if (!right) return void ctx.fail('no answer is marked right: give the right number fraction="100"')
  const answer = Number(right.text)
  if (right.text === '' || !Number.isFinite(answer)) return void ctx.fail(`the answer "${right.text}" is not a number`, right.el.line)
  const tolText = textOf(child(right.el, 'tolerance')).trim()
  const tol = tolText === '' ? 0 : Number(tolText)
  if (!(tol >= 0)) return void ctx.fail(`the tolerance "${tolText}" is not a number of 0 or more`, right.el.line)
  const wrong = list.find((a) => a.text === '*')
  for (const a of list) if (a !== right && a !== wrong) ctx.warn(`the answer "${a.text}" (${a.fraction * 100}%) is dropped: a numeric item has one right number`, a.el.line)
  const units: string[] = []
  for (const u of children(child(ctx.el, 'units'), 'unit')) {
    const unitName = textOf(child(u, 'unit_name')).trim()
    const multiplier = Number(textOf(child(u, 'multiplier')).trim() || '1')
    if (multiplier !== 1) ctx.warn(`the unit "${unitName}" (×${multiplier}) is dropped: Debrief accepts units only for the same number`, u.line)
    else if (unitName !== '') units.push(unitName)
  }
  const extras = ctx.extras
  const tolerance = extras && 'tolerance' in extras ? (extras.tolerance ?? undefined) : { absolute: tol }
  if (wrong === undefined || wrong.feedback === '') ctx.warn('there is no feedback for a wrong answer (an answer "*" with fraction 0); wrongFeedback is a TODO')
  return {
    type: 'numeric',
    answer,
    ...(tolerance ? { tolerance } : {}),
    ...(units.length > 0 ? { units } : {}),
    ...(typeof extras?.unitsCaseSensitive === 'boolean' ? { unitsCaseSensitive: extras.unitsCaseSensitive } : {}),
    wrongFeedback: wrong?.feedback || TODO_TEXT,
    points: pointsUnlessDefault(ctx),
  }
}

function validRubric(value: unknown): value is RubricCriterion[] {
  return Array.isArray(value) && value.length > 0 && value.every((c) => typeof c?.id === 'string' && typeof c.text === 'string' && typeof c.points === 'number' && Array.isArray(c.concepts) && c.concepts.every((k: unknown) => Array.isArray(k) && k.every((s) => typeof s === 'string')))
}

function essay(ctx: QuestionContext): Body {
  const extras = ctx.extras
  const info = ctx.read(child(ctx.el, 'graderinfo'))
  const min = Number(textOf(child(ctx.el, 'minwordlimit')).trim())
  const minWords = Number.isInteger(min) && min >= 1 ? { minWords: min } : {}
  let rubric: FreeTextItem['rubric']
  let modelAnswer: string
  if (validRubric(extras?.rubric) && typeof extras.modelAnswer === 'string') {
    rubric = extras.rubric
    modelAnswer = extras.modelAnswer
  } else {
    ctx.warn('an essay has no Debrief rubric: one TODO criterion was made (write its text and concepts); the grader information became the model answer')
    rubric = [{ id: 'c1', text: TODO_TEXT, points: ctx.defaultGrade ?? 1, concepts: [['todo']] }]
    modelAnswer = info || TODO_TEXT
  }
  const total = rubric.reduce((s, c) => s + c.points, 0)
  return { type: 'freetext', rubric, modelAnswer, ...minWords, points: pointsUnlessDefault(ctx, total > 0 ? total : 1) }
}
