/**
 * The structural check of an item snapshot and of a learner's answer, as read from a result file:
 * every field grading reads, and every field a page shows (texts, feedback, flags), so neither
 * grading nor the review can throw on a snapshot that passed.
 */
import { patternProblem } from './grading/patternSafety.ts'
import { ITEM_TYPES, type ItemType } from './types.ts'
import { arr, between, bool, eachOf, figure, id, idList, Invalid, MAX_POINTS, obj, oneOf, optional, points, str, stringRecord, strList, type Obj } from './validate.ts'

const BLOOM = ['remember', 'understand', 'apply', 'analyze', 'evaluate'] as const
const ORDERING_SCORING = ['all-or-nothing', 'longest-ordered-subset', 'relative-to-next'] as const

/** Text a page shows, when present. */
const optText = (value: unknown, path: string) => optional(value, str, path)
const optFlag = (value: unknown, path: string) => optional(value, bool, path)

/** What the review shows of any item: feedback texts, passages, Bloom level. */
function checkShown(o: Obj, path: string): void {
  optText(o.explanation, `${path}.explanation`)
  optText(o.wrongFeedback, `${path}.wrongFeedback`)
  optText(o.modelAnswer, `${path}.modelAnswer`)
  optional(o.passages, strList, `${path}.passages`)
  optional(o.bloom, (v, p) => oneOf(v, BLOOM, p), `${path}.bloom`)
  for (const flag of ['caseSensitive', 'accentSensitive', 'allowTypo', 'unitsCaseSensitive']) optFlag(o[flag], `${path}.${flag}`)
  optional(o.reject, strList, `${path}.reject`)
}

const withIdText = (key: string) => (o: Obj, path: string) => {
  id(o.id, `${path}.id`)
  str(o[key], `${path}.${key}`)
  optText(o.feedback, `${path}.feedback`)
}

/**
 * The fields grading reads from an item, per type; enough that grading a snapshot cannot throw.
 * A sealed stub (`sealed: true` and no explanation, src/domain/sealed.ts) has no key to check:
 * only what the question shows. It is never graded as it is (importChecks.ts swaps in the full item).
 */
export function checkItem(value: unknown, path: string): void {
  const o = obj(value, path)
  optional(o.sealed, (v, p) => {
    if (v !== true) throw new Invalid(p, 'should be true when present')
  }, `${path}.sealed`)
  const stub = o.sealed === true && o.explanation === undefined
  id(o.id, `${path}.id`)
  id(o.version, `${path}.version`)
  str(o.stem, `${path}.stem`)
  str(o.objective, `${path}.objective`)
  oneOf(o.difficulty, [1, 2, 3], `${path}.difficulty`)
  optional(o.points, points, `${path}.points`)
  checkShown(o, path)
  const type = oneOf(o.type, ITEM_TYPES as readonly ItemType[], `${path}.type`)
  switch (type) {
    case 'single':
      eachOf(o.options, `${path}.options`, withIdText('text'))
      if (!stub) id(o.answer, `${path}.answer`)
      break
    case 'multiple':
      eachOf(o.options, `${path}.options`, (opt, p) => {
        withIdText('text')(opt, p)
        optional(opt.weight, (v, q) => between(v, -MAX_POINTS, MAX_POINTS, q), `${p}.weight`)
      })
      if (!stub) idList(o.answers, `${path}.answers`)
      break
    case 'truefalse':
      if (!stub) bool(o.answer, `${path}.answer`)
      break
    case 'matching':
      eachOf(o.pairs, `${path}.pairs`, (pair, p) => {
        withIdText('prompt')(pair, p)
        str(pair.match, `${p}.match`)
        optText(pair.feedback, `${p}.feedback`)
      })
      if (o.distractors !== undefined) eachOf(o.distractors, `${path}.distractors`, withIdText('text'))
      break
    case 'ordering':
      eachOf(o.steps, `${path}.steps`, withIdText('text'))
      optional(o.scoring, (v, p) => oneOf(v, ORDERING_SCORING, p), `${path}.scoring`)
      break
    case 'categorize':
      eachOf(o.categories, `${path}.categories`, withIdText('label'))
      eachOf(o.statements, `${path}.statements`, (s, p) => {
        withIdText('text')(s, p)
        if (!stub) id(s.category, `${p}.category`)
      })
      break
    case 'cloze':
      str(o.text, `${path}.text`)
      eachOf(o.blanks, `${path}.blanks`, (b, p) => {
        id(b.id, `${p}.id`)
        if (!stub) strList(b.accept, `${p}.accept`)
        optional(b.options, strList, `${p}.options`)
        optional(b.reject, strList, `${p}.reject`)
        optText(b.feedback, `${p}.feedback`)
        optFlag(b.caseSensitive, `${p}.caseSensitive`)
        optFlag(b.accentSensitive, `${p}.accentSensitive`)
      })
      break
    case 'short':
      if (!stub) strList(o.accept, `${path}.accept`)
      optional(o.patterns, safePatterns, `${path}.patterns`)
      if (o.partial !== undefined) {
        eachOf(o.partial, `${path}.partial`, (pa, p) => {
          str(pa.answer, `${p}.answer`)
          between(pa.fraction, 0, 1, `${p}.fraction`)
        })
      }
      break
    case 'numeric':
      if (!stub) figure(o.answer, `${path}.answer`)
      optional(o.units, strList, `${path}.units`)
      if (o.tolerance !== undefined) {
        const t = obj(o.tolerance, `${path}.tolerance`)
        optional(t.absolute, figure, `${path}.tolerance.absolute`)
        optional(t.relative, figure, `${path}.tolerance.relative`)
      }
      break
    case 'freetext':
      optional(o.minWords, (v, p) => between(v, 0, 10_000, p), `${path}.minWords`)
      eachOf(o.rubric, `${path}.rubric`, (c, p) => {
        id(c.id, `${p}.id`)
        points(c.points, `${p}.points`)
        optText(c.text, `${p}.text`)
        arr(c.concepts, `${p}.concepts`).forEach((syn, i) => strList(syn, `${p}.concepts[${i}]`))
      })
      break
  }
}

/** Short-text patterns that are safe to run (grading/patternSafety.ts). */
function safePatterns(value: unknown, path: string): string[] {
  return strList(value, path).map((pattern, i) => {
    const problem = patternProblem(pattern)
    if (problem !== undefined) throw new Invalid(`${path}[${i}]`, problem)
    return pattern
  })
}

/** An Answer's shape: null, or an object whose fields fit its `type`. */
export function checkAnswer(value: unknown, path: string): void {
  if (value === null) return
  const o = obj(value, path)
  const type = oneOf(o.type, ITEM_TYPES as readonly ItemType[], `${path}.type`)
  switch (type) {
    case 'single':
      return void str(o.optionId, `${path}.optionId`)
    case 'multiple':
      return void strList(o.optionIds, `${path}.optionIds`)
    case 'truefalse':
      return void bool(o.value, `${path}.value`)
    case 'matching':
      return void stringRecord(o.matches, `${path}.matches`)
    case 'ordering':
      return void strList(o.order, `${path}.order`)
    case 'categorize':
      return void stringRecord(o.assignments, `${path}.assignments`)
    case 'cloze':
      return void stringRecord(o.blanks, `${path}.blanks`)
    default:
      return void str(o.text, `${path}.text`)
  }
}
