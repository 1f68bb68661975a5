/**
 * One rule for a learner's name, for the name typed on this device and the name read from a
 * result file, so an imported name can never look like something a learner could not type here:
 * - Unicode NFC, so "é" typed two ways is one name;
 * - every invisible format character (Unicode category Cf) removed: among them the bidirectional
 *   controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width characters
 *   (U+200B–U+200D, U+2060, U+FEFF), and the soft hyphen, invisible operators and tag characters.
 *   They let a name show reversed text ("… passed") or pass for another learner's name while
 *   differing from it;
 * - except the zero-width non-joiner and joiner (U+200C, U+200D) where a script needs them to
 *   spell a name: one of them alone between two letters or marks of the same script among
 *   SCRIPTS below (Persian "می‌خواهم", Hindi "क्‍ष"). Anywhere else (at the start or end, two in a
 *   row, beside a space, between Latin letters, between two scripts) they only make a name look
 *   like another, and go. Emoji ZWJ sequences are split into their emoji: a name needs
 *   none. A word-final ZWJ (Malayalam's old chillu spelling) goes too: the atomic chillu letters
 *   U+0D7A–U+0D7F spell it today;
 * - other control characters removed, runs of white space made one space, trimmed;
 * - at most MAX_NAME_LENGTH characters (UTF-16 code units, as the input's maxlength counts).
 */

export const MAX_NAME_LENGTH = 60

/**
 * Scripts whose spelling uses ZWNJ/ZWJ between letters (ISO 15924 codes): Arabic (Persian, Urdu…),
 * Syriac, the Indic scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
 * Kannada, Malayalam) and Sinhala. A letter or mark of one of them matches its pattern.
 */
const SCRIPTS = 'Arab Syrc Deva Beng Guru Gujr Orya Taml Telu Knda Mlym Sinh'.split(' ').map((s) => new RegExp(`^(?=[\\p{L}\\p{M}])\\p{scx=${s}}$`, 'u'))

/** Whether code point `i` of `chars` stands between two letters (or marks) of one joining script. */
const joins = (chars: readonly string[], i: number) => SCRIPTS.some((s) => s.test(chars[i - 1] ?? '') && s.test(chars[i + 1] ?? ''))

/** The text without invisible format characters, but for a lone ZWNJ/ZWJ that joins. */
function withoutInvisible(name: string): string {
  const chars = Array.from(name)
  return chars.map((c, i) => (/\p{Cf}/u.test(c) && !(/[\u200C\u200D]/.test(c) && joins(chars, i)) ? '' : c)).join('')
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g

/** The name as it is stored and shown (rules at the top of the file). */
export function cleanName(name: string): string {
  // Invisible characters go first (U+FEFF also counts as white space), then line breaks and tabs
  // become spaces before other controls go, so removing one never leaves two spaces side by side.
  const visible = withoutInvisible(name).replace(/\s+/g, ' ').replace(CONTROL, '')
  return visible.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Why a (cleaned) name cannot be used, in words a learner can act on; undefined when it can. */
export function nameProblem(cleaned: string): string | undefined {
  if (cleaned === '') return 'Please type a name for the profile.'
  if (cleaned.length > MAX_NAME_LENGTH) return `Please use a name of ${MAX_NAME_LENGTH} characters or fewer.`
  return undefined
}
