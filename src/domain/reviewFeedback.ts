/**
 * The feedback a review may show while the right answers are held back (the review policy
 * shows 'feedback' but not 'correct'), so that retaking a quiz cannot harvest its keys.
 *
 * Authors explain a wrong answer by saying what the brief does say, and that is the key ("The
 * troops go 'in support of Russia'"). So, until 'correct' shows:
 * - authored feedback shows only on what the learner got right: the chosen option of a single
 *   choice when it is the key ("Right. …"), and the ticked right options of a multiple response;
 * - feedback on a wrong choice, on a wrong part (matching prompt, categorize statement, cloze
 *   blank) and every `wrongFeedback` (true/false, ordering, short text, numeric) is left out;
 * - the engine's own lines stay (how many parts are wrong, a forgiven typo, a number that could
 *   not be read, an instructor's comment): they speak of the learner's answer, not of the key.
 * The item's explanation and evidence passages state the answer too; the caller leaves them out.
 */
import type { Grade } from './grading/grade.ts'
import type { Item } from './types.ts'

/** Authored feedback texts of an item that may name its key (everything but its right options' feedback). */
function keyNaming(item: Item): Set<string> {
  const texts: (string | undefined)[] = []
  switch (item.type) {
    case 'single':
      texts.push(...item.options.filter((o) => o.id !== item.answer).map((o) => o.feedback))
      break
    case 'multiple':
      texts.push(...item.options.filter((o) => !item.answers.includes(o.id)).map((o) => o.feedback))
      break
    case 'truefalse':
    case 'ordering':
    case 'short':
    case 'numeric':
      texts.push(item.wrongFeedback)
      break
    case 'matching':
      texts.push(...item.pairs.map((p) => p.feedback))
      break
    case 'categorize':
      texts.push(...item.statements.map((s) => s.feedback))
      break
    case 'cloze':
      texts.push(...item.blanks.map((b) => b.feedback))
      break
    case 'freetext':
      break
  }
  return new Set(texts.filter((t): t is string => t !== undefined && t !== ''))
}

/** The grade's feedback lines that name no key (rules at the top of the file), in their order. */
export function feedbackBeforeKey(item: Item, grade: Grade): string[] {
  const hidden = keyNaming(item)
  return grade.feedback.filter((line) => !hidden.has(line))
}
