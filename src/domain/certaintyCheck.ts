/** The structural check of a stored certainty, for result files and backups (validate.ts style). */
import { isCertainty, type Certainty } from './certainty.ts'
import { Invalid } from './validate.ts'

/**
 * A stored certainty, checked: the number 1, 2 or 3. Anything else, a string "3" or a 4
 * included, is refused with the path and what to write.
 */
export function checkCertainty(value: unknown, path: string): Certainty {
  if (isCertainty(value)) return value
  const shown = typeof value === 'string' ? `the text "${value}"` : JSON.stringify(value) ?? String(value)
  throw new Invalid(path, `is ${shown}: a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)`)
}
