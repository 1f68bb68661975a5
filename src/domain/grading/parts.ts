/**
 * Grading of matching, categorize and cloze items: credit per part.
 *
 * Every prompt (matching), statement (categorize) or blank (cloze) is worth an equal share of the
 * item's points and is graded on its own. In matching the same match may be used for several
 * prompts; each prompt is still judged alone, and a match whose text equals the right match's
 * text counts as right (two prompts may share an answer). A cloze blank is graded by `textCredit`,
 * the short-text rules of `text.ts` (same normalisation, with the blank's own `caseSensitive` and
 * `accentSensitive`; an answer in its `reject` list is wrong even if also accepted): right only
 * with full credit. With negative marking a wrong part
 * costs its share × 1/(k − 1) (see `negativeMarking.ts`); the item total is clamped to 0..max.
 */
import type { Answer, CategorizeItem, ClozeItem, MatchingItem } from '../types.ts'
import { normalizeText } from '../normalize.ts'
import { guessPenalty } from './negativeMarking.ts'
import { textCredit } from './text.ts'
import { partsGrade, wrongType, type Grade, type GradeOptions, type GradePart } from './grade.ts'

function stringRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function given(record: Record<string, unknown>, key: string): string | null {
  const value = record[key]
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

export function gradeMatching(item: MatchingItem, answer: Answer, max: number, options: GradeOptions): Grade {
  const matches = answer.type === 'matching' ? stringRecord(answer.matches) : null
  if (matches === null || item.pairs.length === 0) return wrongType(max)
  const share = max / item.pairs.length
  const matchText = new Map<string, string>()
  for (const pair of item.pairs) matchText.set(pair.id, normalizeText(pair.match))
  for (const d of item.distractors ?? []) matchText.set(d.id, normalizeText(d.text))
  const choices = matchText.size
  let score = 0
  const parts: GradePart[] = []
  const feedback: string[] = []
  for (const pair of item.pairs) {
    const chosen = given(matches, pair.id)
    const right = chosen !== null && matchText.get(chosen) === matchText.get(pair.id)
    if (right) score += share
    else if (chosen !== null && options.negativeMarking) score -= share * guessPenalty(choices)
    if (chosen !== null && !right && pair.feedback !== undefined) feedback.push(pair.feedback)
    parts.push({ id: pair.id, correct: right, expected: pair.match, given: chosen })
  }
  return partsGrade(score, max, parts, feedback, 'matches')
}

export function gradeCategorize(item: CategorizeItem, answer: Answer, max: number, options: GradeOptions): Grade {
  const assignments = answer.type === 'categorize' ? stringRecord(answer.assignments) : null
  if (assignments === null || item.statements.length === 0) return wrongType(max)
  const share = max / item.statements.length
  let score = 0
  const parts: GradePart[] = []
  const feedback: string[] = []
  for (const statement of item.statements) {
    const chosen = given(assignments, statement.id)
    const right = chosen === statement.category
    if (right) score += share
    else if (chosen !== null && options.negativeMarking) score -= share * guessPenalty(item.categories.length)
    if (chosen !== null && !right && statement.feedback !== undefined) feedback.push(statement.feedback)
    const label = item.categories.find((c) => c.id === statement.category)?.label ?? statement.category
    parts.push({ id: statement.id, correct: right, expected: label, given: chosen })
  }
  return partsGrade(score, max, parts, feedback, 'statements')
}

export function gradeCloze(item: ClozeItem, answer: Answer, max: number, options: GradeOptions): Grade {
  const blanks = answer.type === 'cloze' ? stringRecord(answer.blanks) : null
  if (blanks === null || item.blanks.length === 0) return wrongType(max)
  const share = max / item.blanks.length
  let score = 0
  const parts: GradePart[] = []
  const feedback: string[] = []
  for (const blank of item.blanks) {
    const typed = given(blanks, blank.id)
    const right = typed !== null && textCredit(blank, typed).fraction === 1
    if (right) score += share
    else if (typed !== null && options.negativeMarking && blank.options !== undefined) {
      score -= share * guessPenalty(blank.options.length)
    }
    if (typed !== null && !right && blank.feedback !== undefined) feedback.push(blank.feedback)
    parts.push({ id: blank.id, correct: right, expected: blank.accept[0] ?? '', given: typed })
  }
  return partsGrade(score, max, parts, feedback, 'blanks')
}
