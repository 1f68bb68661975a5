/**
 * One rule for a learner's name, for the name typed on this device and the name read from a
 * result file, so an imported name can never look like something a learner could not type here:
 * - Unicode NFC, so "é" typed two ways is one name;
 * - every invisible format character (Unicode category Cf) removed: among them the bidirectional
 *   controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width characters
 *   (U+200B–U+200D, U+2060, U+FEFF), and the soft hyphen, invisible operators and tag characters.
 *   They let a name show reversed text ("… passed") or pass for another learner's name while
 *   differing from it;
 * - other control characters removed, runs of white space made one space, trimmed;
 * - at most MAX_NAME_LENGTH characters (UTF-16 code units, as the input's maxlength counts).
 */

export const MAX_NAME_LENGTH = 60

const INVISIBLE = /\p{Cf}/gu
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g

/** The name as it is stored and shown (rules at the top of the file). */
export function cleanName(name: string): string {
  // Invisible characters go first (U+FEFF also counts as white space), then line breaks and tabs
  // become spaces before other controls go, so removing one never leaves two spaces side by side.
  const visible = name.replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(CONTROL, '')
  return visible.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Why a (cleaned) name cannot be used, in words a learner can act on; undefined when it can. */
export function nameProblem(cleaned: string): string | undefined {
  if (cleaned === '') return 'Please type a name for the profile.'
  if (cleaned.length > MAX_NAME_LENGTH) return `Please use a name of ${MAX_NAME_LENGTH} characters or fewer.`
  return undefined
}
