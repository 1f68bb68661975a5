/**
 * The result file: a learner's exported attempts, carried to an instructor's device.
 *
 * Format (docs/result-file.md): versioned JSON
 *   { format: 'debrief-result', version, courseId, exportedAt (ISO), learner: { id, name },
 *     attempts: [{ attempt (with item snapshots), responses, manualGrades?, assessment? }],
 *     signature?: { alg: 'ES256', publicKey, value } (version 4), checksum: 'sha256:<hex>' }
 *   A response's optional `certainty` and the assessment's `certainty` / `passOn`: version 5.
 * The checksum is SHA-256 over the canonical JSON (keys sorted at every depth) of the file
 * without `checksum`: it catches truncation and hand edits, not a determined forger (anyone with
 * the format can recompute it). The optional device signature (deviceSignature.ts) and the
 * checksum cover the same text: every field but `checksum` and `signature`.
 * The module stays pure: the caller passes `sha256` (WebCrypto in
 * the app, node:crypto in the CLI).
 *
 * Reading checks, in order: size and depth (safeJson.ts) → JSON → format → version (newer than this app: refuse; older: migrate
 * with the `up()` chain) → checksum (over the file as written) → signature (over the file as written,
 * when `subtle` is given) → structure → course. Each failure
 * is a code and a plain-English message saying what is wrong and how to fix it.
 */
import { normalAllowance, type Allowance } from './allowance.ts'
import type { AssessmentInfo } from './blueprints.ts'
import { canonicalJsonFast } from './canonicalJsonFast.ts'
import { authoredBlankOrders } from './clozeOrder.ts'
import { isoDateTime } from './format.ts'
import { badSignatureMessage } from './deviceKeyCheck.ts'
import { verifyFile } from './deviceSignature.ts'
import { signedText, type FileSignature, type SignatureStatus } from './signatureShape.ts'
import { checkResultStructure } from './resultFileStructure.ts'
import { parseJsonWithin } from './safeJson.ts'
import type { Attempt, ManualGrade, SavedResponse, VersionedItem } from './types.ts'
import { Invalid, type Obj } from './validate.ts'

export const RESULT_FILE_FORMAT = 'debrief-result'
export const RESULT_FILE_VERSION = 5

export type Sha256 = (text: string) => Promise<string>

// One shape for what grading needs of a blueprint (src/domain/blueprints.ts); re-exported so the
// result file's readers keep one import.
export type { AssessmentInfo }

export interface ResultAttemptEntry {
  attempt: Attempt
  responses: SavedResponse[]
  manualGrades?: ManualGrade[]
  assessment?: AssessmentInfo
}

export interface ResultFile {
  format: typeof RESULT_FILE_FORMAT
  version: typeof RESULT_FILE_VERSION
  courseId: string
  exportedAt: string
  /** `allowance`: the learner's extra time for timed assessments on their device (version 3). */
  learner: ResultLearner
  attempts: ResultAttemptEntry[]
  /** The learner's device's signature (version 4, optional: docs/result-file.md "Device keys"). */
  signature?: FileSignature
  checksum: string
}

export interface ResultLearner {
  id: string
  name: string
  allowance?: Allowance
}

export type ResultFileErrorCode = 'too-large' | 'too-deep' | 'not-json' | 'wrong-format' | 'future-version' | 'bad-checksum' | 'wrong-course' | 'invalid' | 'bad-signature'

export interface ResultFileError {
  code: ResultFileErrorCode
  message: string
  path?: string
}

/** `signature`: whether the file is signed and by which key; undefined when not checked (no `subtle`). */
export type ParseResult = { ok: true; file: ResultFile; signature?: SignatureStatus } | { ok: false; error: ResultFileError }

/** One step of the upgrade chain: turns a file of version `from` into version `from + 1`. */
export interface ResultFileMigration {
  from: number
  up(data: Obj): Obj
}

/**
 * The released upgrade steps (never edit one; add the next):
 * - 1 → 2: slots gain `blankOrders` (cloze drop-downs shuffled per attempt). A version-1 attempt
 *   showed its drop-downs in authored order, so each cloze slot whose snapshot has drop-downs gets
 *   that order written down (`authoredBlankOrders`). Anything not shaped as expected is left for
 *   the structural check to report.
 * - 2 → 3: `learner.allowance` (extra time for timed assessments) may be present. A version-2 file
 *   carried no allowance, and nothing is invented for it: the step changes nothing but the version.
 * - 3 → 4: an optional device `signature` may be present. A version-3 file was never signed, and
 *   none is invented: the step changes nothing but the version (the file reads as unsigned).
 * - 4 → 5: a response may carry its `certainty` (1, 2 or 3), and `assessment` its `certainty`
 *   and `passOn` (certainty-based marking, cbm.ts). A version-4 file had no certainty anywhere,
 *   and none is invented: the step changes nothing but the version (its answers read as given
 *   without certainty; its signature and checksum, over the file as written, still verify).
 */
export const RESULT_FILE_MIGRATIONS: readonly ResultFileMigration[] = [
  { from: 1, up: upToVersion2 },
  { from: 2, up: (data) => data },
  { from: 3, up: (data) => data },
  { from: 4, up: (data) => data },
]

function upToVersion2(data: Obj): Obj {
  if (!Array.isArray(data.attempts)) return data
  return { ...data, attempts: data.attempts.map((entry: unknown) => withAuthoredBlankOrders(entry)) }
}

function withAuthoredBlankOrders(entry: unknown): unknown {
  const attempt = isObj(entry) && isObj(entry.attempt) ? entry.attempt : undefined
  if (attempt === undefined || !Array.isArray(attempt.slots) || !isObj(attempt.snapshots)) return entry
  const snapshots = attempt.snapshots
  const slots = attempt.slots.map((slot: unknown) => {
    if (!isObj(slot) || slot.blankOrders !== undefined || typeof slot.version !== 'string') return slot
    const item = Object.hasOwn(snapshots, slot.version) ? snapshots[slot.version] : undefined
    const orders = isObj(item) && item.type === 'cloze' && wellFormedBlanks(item.blanks) ? authoredBlankOrders(item as unknown as VersionedItem) : undefined
    return orders === undefined ? slot : { ...slot, blankOrders: orders }
  })
  return { ...(entry as Obj), attempt: { ...attempt, slots } }
}

/** Blanks the upgrade can read (the structural check reports anything else after it). */
function wellFormedBlanks(blanks: unknown): boolean {
  return Array.isArray(blanks) && blanks.every((b) => isObj(b) && typeof b.id === 'string' && (b.options === undefined || (Array.isArray(b.options) && b.options.every((o) => typeof o === 'string'))))
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Bring an older file up to `target` one step at a time; throws when a step is missing. */
export function migrateResultFile(
  data: Obj,
  migrations: readonly ResultFileMigration[] = RESULT_FILE_MIGRATIONS,
  target = RESULT_FILE_VERSION,
): Obj {
  let current = data
  while (typeof current.version === 'number' && current.version < target) {
    const from = current.version
    const step = migrations.find((m) => m.from === from)
    if (step === undefined) throw new Error(`No upgrade from result-file version ${from}.`)
    current = { ...step.up(current), version: from + 1 }
  }
  return current
}

/**
 * `sha256:` and the hex SHA-256 of `text`: the canonical JSON of the file without `checksum` and
 * `signature` (signedText). A version-3 file never had a signature, so its checksum is the same.
 */
async function checksumOf(text: string, sha256: Sha256): Promise<string> {
  return `sha256:${(await sha256(text)).toLowerCase()}`
}

export interface CreateResultFileInput {
  courseId: string
  /** Epoch ms. */
  exportedAt: number
  learner: ResultLearner
  attempts: ResultAttemptEntry[]
}

/** The learner as written: an allowance only when it grants extra time. */
function learnerOf(learner: ResultLearner): ResultLearner {
  const allowance = normalAllowance(learner.allowance)
  return allowance === undefined ? { id: learner.id, name: learner.name } : { id: learner.id, name: learner.name, allowance }
}

/**
 * Signs a file's body (everything but checksum and signature), given also its canonical text:
 * deviceSignature.ts signFile with the device's key.
 */
export type FileSigner = (body: Obj, text: string) => Promise<FileSignature>

/** Build a result file with its checksum, signed first when a `sign` is given. */
export async function createResultFile(input: CreateResultFileInput, sha256: Sha256, sign?: FileSigner): Promise<ResultFile> {
  const body = {
    format: RESULT_FILE_FORMAT,
    version: RESULT_FILE_VERSION,
    courseId: input.courseId,
    exportedAt: isoDateTime(input.exportedAt),
    learner: learnerOf(input.learner),
    attempts: input.attempts,
  } as const
  const text = canonicalJsonFast(body)
  const signed = sign === undefined ? body : { ...body, signature: await sign(body as unknown as Obj, text) }
  return { ...signed, checksum: await checksumOf(text, sha256) }
}

/** The file as text, ready to save (pretty-printed: it is small and people open it). */
export function serializeResultFile(file: ResultFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

const fail = (code: ResultFileErrorCode, message: string, path?: string): ParseResult => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
})

export interface ParseOptions {
  sha256: Sha256
  /** When given, a file from another course is refused. */
  courseId?: string
  /** Epoch ms; when given, an export dated more than a day ahead is refused. */
  now?: number
  /** WebCrypto; when given, a device signature is verified and a bad one refuses the file. */
  subtle?: SubtleCrypto
}

/** Read and check a result file (order of checks at the top of the file). Never throws. */
export async function parseResultFile(text: string, options: ParseOptions): Promise<ParseResult> {
  const read = parseJsonWithin(text, { what: 'a result file' })
  if (!read.ok) {
    if (read.reason !== 'not-json') return fail(read.reason, read.message)
    return fail('not-json', 'This file is not valid JSON, so it cannot be a Debrief result file. Export it again from the learner’s device.')
  }
  const raw = read.value
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as Obj).format !== RESULT_FILE_FORMAT) {
    return fail('wrong-format', 'This is not a Debrief result file (its "format" is not "debrief-result"). Choose the file the learner exported from Debrief.', 'format')
  }
  const data = raw as Obj
  const version = data.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('wrong-format', 'This result file has no valid version number. Export it again from the learner’s device.', 'version')
  }
  if (version > RESULT_FILE_VERSION) {
    return fail('future-version', `This result file was made by a newer Debrief (format version ${version}; this app reads up to ${RESULT_FILE_VERSION}). Update Debrief on this device, then import it again.`, 'version')
  }
  if (typeof data.checksum !== 'string' || !/^sha256:[0-9a-f]{64}$/i.test(data.checksum)) {
    return fail('invalid', 'This result file has no valid checksum ("sha256:" and 64 hex digits). Export it again from the learner’s device.', 'checksum')
  }
  // One canonical text for the checksum and the signature.
  const covered = signedText(data)
  if ((await checksumOf(covered, options.sha256)) !== data.checksum.toLowerCase()) {
    return fail('bad-checksum', 'This result file was changed or damaged after it was exported (its checksum does not match). Ask the learner to export it again.', 'checksum')
  }
  const signature = options.subtle === undefined ? undefined : await verifyFile(data, options.subtle, covered)
  if (signature?.status === 'bad-signature') return fail('bad-signature', badSignatureMessage(signature.reason), 'signature')
  try {
    const current = migrateResultFile(data)
    const { learnerName } = checkResultStructure(current)
    const checked = current as unknown as ResultFile
    const file = checked.learner.name === learnerName ? checked : { ...checked, learner: { ...checked.learner, name: learnerName } }
    if (options.courseId !== undefined && file.courseId !== options.courseId) {
      return fail('wrong-course', `This result file belongs to the course "${file.courseId}", not "${options.courseId}". Import it into that course instead.`, 'courseId')
    }
    if (options.now !== undefined && Date.parse(file.exportedAt) > options.now + 86_400_000) {
      return fail('invalid', 'This result file is dated in the future. Check the date and time on both devices, then export it again.', 'exportedAt')
    }
    return signature === undefined ? { ok: true, file } : { ok: true, file, signature }
  } catch (error) {
    if (error instanceof Invalid) {
      return fail('invalid', `This result file is damaged: ${error.path} ${error.message}. Export it again from the learner’s device.`, error.path)
    }
    return fail('invalid', `This result file could not be read: ${error instanceof Error ? error.message : String(error)}.`)
  }
}
