/**
 * Response (distractor) analysis, as in Moodle's quiz statistics: for each item, how often each
 * response was given, per part.
 *
 * Parts and responses per type:
 * - single: one part; each option (and "no answer");
 * - truefalse: one part; true / false (and "no answer");
 * - multiple: one part; each option counts the attempts that ticked it (so fractions can sum
 *   past 1), plus "no answer";
 * - matching: a part per prompt; each pair's match and each distractor (and "no answer");
 * - categorize: a part per statement; each category (and "no answer");
 * - cloze: a part per blank; each text given, normalised as the grader does (the blank's
 *   sensitivity kept; drop-down options listed even at 0);
 * - short and numeric: one part; each text given, normalised as the grader does (a short item's
 *   `caseSensitive` / `accentSensitive` kept), judged right by the grader.
 * Ordering and free text have no responses to count. Fraction = count / attempts that saw the item.
 * Options never chosen still appear with count 0, since an unused distractor is itself a finding.
 *
 * Right or wrong is always grading's verdict, never a second matcher: a typed response is right
 * when `gradeResponse` marks that attempt's answer (short, numeric) or that blank (cloze, from
 * the grade's parts) correct; a drop-down option when grading that option alone in its blank
 * marks the blank correct. Texts are grouped by grading's own `normalizeWith`; two answers that
 * normalise alike but that grading judges differently stay two rows.
 */
import { gradeResponse, type GradePart } from './grading/index.ts'
import { normalizeWith } from './normalize.ts'
import type { StatisticsAttempt } from './statistics.ts'
import type { Answer, Item } from './types.ts'

export interface ResponseCount {
  /** Option / pair / category id, 'true' / 'false', or the normalised text; '' for no answer. */
  response: string
  label: string
  count: number
  fraction: number
  correct: boolean
}

export interface PartAnalysis {
  /** '' for items of one part. */
  partId: string
  label: string
  responses: ResponseCount[]
}

export interface ItemResponseAnalysis {
  itemId: string
  type: Item['type']
  n: number
  parts: PartAnalysis[]
}

const NO_ANSWER = ''

/** Counts per response. Ids are judged once (`correct` of the first sight); texts per verdict. */
class Tally {
  readonly counts = new Map<string, { response: string; label: string; count: number; correct: boolean }>()
  private key(response: string, correct: boolean | undefined): string {
    return correct === undefined ? response : `${response}\u0000${correct ? 'right' : 'wrong'}`
  }
  declare(response: string, label: string, correct: boolean, byVerdict = false): void {
    const key = this.key(response, byVerdict ? correct : undefined)
    if (!this.counts.has(key)) this.counts.set(key, { response, label, count: 0, correct })
  }
  add(response: string, label = response, correct = false, byVerdict = false): void {
    const key = this.key(response, byVerdict ? correct : undefined)
    const entry = this.counts.get(key)
    if (entry === undefined) this.counts.set(key, { response, label, count: 1, correct })
    else entry.count++
  }
  rows(n: number): ResponseCount[] {
    return [...this.counts.values()].map((e) => ({
      response: e.response,
      label: e.label,
      count: e.count,
      fraction: n > 0 ? e.count / n : 0,
      correct: e.correct,
    }))
  }
}

function record(answer: Answer | null, key: 'matches' | 'assignments' | 'blanks'): Record<string, unknown> {
  const value = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>)[key] : undefined
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function partsFor(item: Item, answers: (Answer | null)[]): PartAnalysis[] {
  const one = (tally: Tally): PartAnalysis[] => [{ partId: '', label: item.stem, responses: tally.rows(answers.length) }]
  const tally = new Tally()
  switch (item.type) {
    case 'single':
      for (const o of item.options) tally.declare(o.id, o.text, o.id === item.answer)
      tally.declare(NO_ANSWER, '(no answer)', false)
      for (const a of answers) tally.add(a?.type === 'single' ? a.optionId : NO_ANSWER)
      return one(tally)
    case 'truefalse':
      tally.declare('true', 'True', item.answer)
      tally.declare('false', 'False', !item.answer)
      tally.declare(NO_ANSWER, '(no answer)', false)
      for (const a of answers) tally.add(a?.type === 'truefalse' ? String(a.value) : NO_ANSWER)
      return one(tally)
    case 'multiple':
      for (const o of item.options) tally.declare(o.id, o.text, item.answers.includes(o.id))
      tally.declare(NO_ANSWER, '(no answer)', false)
      for (const a of answers) {
        const ids = a?.type === 'multiple' && Array.isArray(a.optionIds) ? [...new Set(a.optionIds)] : []
        if (ids.length === 0) tally.add(NO_ANSWER)
        for (const id of ids) tally.add(id)
      }
      return one(tally)
    case 'matching':
      return item.pairs.map((pair) => {
        const t = new Tally()
        for (const p of item.pairs) t.declare(p.id, p.match, p.match === pair.match)
        for (const d of item.distractors ?? []) t.declare(d.id, d.text, false)
        t.declare(NO_ANSWER, '(no answer)', false)
        for (const a of answers) t.add(text(record(a, 'matches')[pair.id]) || NO_ANSWER)
        return { partId: pair.id, label: pair.prompt, responses: t.rows(answers.length) }
      })
    case 'categorize':
      return item.statements.map((statement) => {
        const t = new Tally()
        for (const c of item.categories) t.declare(c.id, c.label, c.id === statement.category)
        t.declare(NO_ANSWER, '(no answer)', false)
        for (const a of answers) t.add(text(record(a, 'assignments')[statement.id]) || NO_ANSWER)
        return { partId: statement.id, label: statement.text, responses: t.rows(answers.length) }
      })
    case 'cloze': {
      const verdicts = answers.map((a) => gradeResponse(item, a).parts ?? [])
      const blankRight = (blankId: string, parts: readonly GradePart[]) => parts.some((p) => p.id === blankId && p.correct)
      return item.blanks.map((blank) => {
        const t = new Tally()
        for (const o of blank.options ?? []) {
          const alone = gradeResponse(item, { type: 'cloze', blanks: { [blank.id]: o } }).parts ?? []
          t.declare(normalizeWith(o, blank), o, blankRight(blank.id, alone), true)
        }
        t.declare(NO_ANSWER, '(no answer)', false, true)
        answers.forEach((a, i) => {
          const typed = normalizeWith(text(record(a, 'blanks')[blank.id]), blank)
          t.add(typed, typed, typed !== NO_ANSWER && blankRight(blank.id, verdicts[i] ?? []), true)
        })
        return { partId: blank.id, label: blank.id, responses: t.rows(answers.length) }
      })
    }
    case 'short':
    case 'numeric':
      tally.declare(NO_ANSWER, '(no answer)', false, true)
      for (const a of answers) {
        const typed = a?.type === item.type ? normalizeWith(text(a.text), item.type === 'short' ? item : {}) : NO_ANSWER
        tally.add(typed, typed, typed !== NO_ANSWER && gradeResponse(item, a).state === 'correct', true)
      }
      return one(tally)
    default:
      return []
  }
}

/** Response frequencies per item and part (rules at the top of the file). */
export function responseAnalysis(
  items: readonly Item[],
  attempts: readonly StatisticsAttempt[],
): ItemResponseAnalysis[] {
  return items
    .filter((item) => item.type !== 'ordering' && item.type !== 'freetext')
    .map((item) => {
      const answers: (Answer | null)[] = []
      for (const attempt of attempts) {
        const entry = attempt.items[item.id]
        if (entry !== undefined) answers.push((entry.answer ?? null) as Answer | null)
      }
      return { itemId: item.id, type: item.type, n: answers.length, parts: partsFor(item, answers) }
    })
}
