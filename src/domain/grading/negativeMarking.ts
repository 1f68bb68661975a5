/**
 * Negative marking (an optional, per-assessment setting).
 *
 * Rule: a wrongly answered choice costs 1/(k − 1) of what answering it rightly earns, where k is
 * the number of choices the learner picked from (single choice: its options; true/false: 2, so a
 * wrong value costs the full value; a matching prompt: every pair and distractor; a categorize
 * statement: the categories; a cloze drop-down: its options). With k choices a blind guess then
 * has an expected value of exactly 0: (1/k)·v − ((k − 1)/k)·v/(k − 1) = 0.
 *
 * Typed parts (cloze text blanks) cannot be guessed from a list and carry no penalty; blank parts
 * and unanswered items are never penalised. An item's score is still clamped to 0..max, so a
 * single-choice or true/false item scores 0 whether or not negative marking is on: the setting
 * only changes multi-part items (matching, categorize, cloze), where wrong parts now cancel
 * right ones. Multiple response already deducts for wrong ticks through its option weights.
 */

/** The penalty for one wrong choice among `choices`, as a fraction of the part's value. */
export function guessPenalty(choices: number): number {
  return choices >= 2 ? 1 / (choices - 1) : 0
}
