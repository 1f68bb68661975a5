/**
 * Checks an imported attempt against the instructor's own course (issue 12 §1, §2). A learner's
 * file can be edited with a text editor and its checksum recomputed, so nothing in it is trusted
 * because it is there: every item is taken from the instructor's copy, and what does not fit the
 * course or the clock becomes a flag `{ code, message, itemId? }` in plain words. An attempt with
 * any flag is shown with its reasons and never counted until the instructor accepts it.
 *
 * Items (per slot, version V naming item I):
 * - unknown-version: V is neither a current item nor in the course's version manifest.
 * - item-mismatch: V belongs to another item, or the file's snapshot of V has another id.
 * - snapshot-mismatch: the snapshot is not V as published: it differs from the course's own item
 *   of V, or (for a version only the manifest knows) its content hash (sha256 of canonicalJson of
 *   the item without the `lesson` and `version` the loader adds and without `sealed`, first 16
 *   hex) is not V.
 * - The item graded is the instructor's item of V when the course has it; else the snapshot when
 *   it verifies and the manifest knows V (an older published version); else none (the slot then
 *   scores nothing, and the attempt is flagged anyway).
 * - Sealed slots (docs/sealed-assessments.md): the learner's snapshot is a stub. It verifies when it
 *   is exactly `publicItem` of the instructor's full item of V (`stubMatches`), else
 *   snapshot-mismatch. The trusted attempt then holds the full item, and the answers and display
 *   orders are mapped from the stub's tokens to the item's ids (`unsealAttempt`), so grading and
 *   every page after import see an ordinary attempt.
 * - sealed-locked: the instructor's own item of V is itself a stub (the sealed assessments are not
 *   unlocked on this device), so the slot cannot be graded. The app refuses such a file before
 *   importing (`needsUnlock`); the flag is the defence in depth.
 * Assessment:
 * - unknown-blueprint: not an assessment attempt, or at a blueprint the course does not have.
 * - draw-mismatch: the items do not fit the blueprint's draws (drawFit.ts).
 * - settings-mismatch: the file's `assessment` pass mark, grading method, negative marking,
 *   certainty or (with certainty) pass rule differ from the course's (grading always uses the
 *   course's). A response's certainty is part of its answer: graded as written, covered by the
 *   checksum and the signature like any other field.
 * - too-many-attempts: the attempt comes after the blueprint's maxAttempts among the learner's
 *   attempts at it (those on the device and in the files, by start time then id).
 * Time: importTimeChecks.ts.
 */
import type { Allowance } from './attempt.ts'
import { assessmentInfo, type AssessmentInfo } from './blueprints.ts'
import { canonicalJsonFast } from './canonicalJsonFast.ts'
import type { KeyFlagCode } from './deviceKeyCheck.ts'
import type { LrsFlagCode } from './xapi/fromStatements.ts'
import { drawMisfit } from './drawFit.ts'
import { timeFlags, type TimeFlagCode } from './importTimeChecks.ts'
import type { ResultAttemptEntry, Sha256 } from './resultFile.ts'
import { isStub, stubMatches, unsealAttempt } from './sealed.ts'
import type { Attempt, Blueprint, SavedResponse, VersionedItem } from './types.ts'
import type { VersionManifest } from './versionManifest.ts'

export type ImportFlagCode =
  | 'unknown-version' | 'snapshot-mismatch' | 'item-mismatch' | 'draw-mismatch' | 'unknown-blueprint'
  | 'settings-mismatch' | 'too-many-attempts' | 'sealed-locked' | TimeFlagCode | KeyFlagCode | LrsFlagCode

export interface ImportFlag {
  code: ImportFlagCode
  message: string
  itemId?: string
}

/** What the instructor's device knows of the course. */
export interface InstructorCourse {
  id: string
  blueprints: readonly Blueprint[]
  /** The course's current items by version. */
  items: ReadonlyMap<string, VersionedItem>
  manifest: VersionManifest
}

export interface AttemptContext {
  /** Every attempt of this learner at this blueprint the instructor has (device and files), this one included. */
  siblings: readonly Pick<Attempt, 'id' | 'startedAt'>[]
  allowance?: Allowance
}

export interface ImportCheck {
  flags: ImportFlag[]
  /** The attempt with only trusted items in `snapshots` (rules at the top of the file). */
  attempt: Attempt
  /** The entry's responses, answers to sealed stubs mapped to the full items' ids. */
  responses: SavedResponse[]
  /** The course's grading settings for it; undefined at an unknown blueprint. */
  assessment?: AssessmentInfo
}

/** An item map from a course's banks. */
export function itemsByVersion(banks: readonly { items: readonly VersionedItem[] }[]): Map<string, VersionedItem> {
  return new Map(banks.flatMap((b) => b.items.map((item) => [item.version, item] as const)))
}

/**
 * An item as its version hashes it: without the `lesson` and `version` the loader adds, and
 * without `sealed`, which the hash leaves out (src/content/loader.ts `itemVersion`).
 */
function authored(item: VersionedItem): object {
  const { lesson: _lesson, version: _version, sealed: _sealed, ...rest } = item
  return rest
}

/** The text an item's version is the hash of; undefined when it cannot be written. */
function hashedText(item: VersionedItem): string | undefined {
  try {
    return canonicalJsonFast(authored(item))
  } catch {
    return undefined
  }
}

/** The version a snapshot's content hashes to; undefined when it cannot be hashed. */
export async function snapshotVersion(item: VersionedItem, sha256: Sha256): Promise<string | undefined> {
  const text = hashedText(item)
  if (text === undefined) return undefined
  try {
    return (await sha256(text)).slice(0, 16)
  } catch {
    return undefined
  }
}

/**
 * The course's own items as hashed text, written once per item object (thousands of attempts
 * show the same few hundred items). Keyed by the object, so an edited copy is never mistaken for it.
 */
const ownTexts = new WeakMap<VersionedItem, string | undefined>()
function ownText(own: VersionedItem): string | undefined {
  if (!ownTexts.has(own)) ownTexts.set(own, hashedText(own))
  return ownTexts.get(own)
}

/**
 * Whether a snapshot is the item as published: the course's own copy when it has one, else by its
 * hash. A stub verifies only against the course's own full item (a stub has no hash of its own).
 */
async function verifies(snapshot: VersionedItem, version: string, own: VersionedItem | undefined, sha256: Sha256): Promise<boolean> {
  if (isStub(snapshot)) return own !== undefined && stubMatches(snapshot, own)
  if (own === undefined) return (await snapshotVersion(snapshot, sha256)) === version
  const text = hashedText(snapshot)
  return text !== undefined && text === ownText(own)
}

async function itemFlags(attempt: Attempt, course: InstructorCourse, sha256: Sha256) {
  const flags: ImportFlag[] = []
  const trusted: Record<string, VersionedItem> = {}
  const slotItems: (VersionedItem | undefined)[] = []
  for (const { itemId, version } of attempt.slots) {
    const own = course.items.get(version)
    const known = Object.hasOwn(course.manifest.versions, version) ? course.manifest.versions[version] : undefined
    const snapshot = Object.hasOwn(attempt.snapshots, version) ? attempt.snapshots[version] : undefined
    const owner = own?.id ?? known?.item
    if (own !== undefined && isStub(own)) {
      flags.push({ code: 'sealed-locked', itemId, message: `Item ${itemId} belongs to a sealed assessment that is not unlocked on this device, so it cannot be graded. Unlock sealed assessments, then import the file again.` })
    }
    if (owner === undefined) flags.push({ code: 'unknown-version', itemId, message: `Item ${itemId} was shown at version ${version}, which this course never published.` })
    else if (owner !== itemId) flags.push({ code: 'item-mismatch', itemId, message: `The attempt names item ${itemId} at version ${version}, but that version is item ${owner}.` })
    let verified = false
    if (snapshot !== undefined) {
      if (snapshot.id !== itemId) flags.push({ code: 'item-mismatch', itemId, message: `The file's copy of item ${itemId} is item ${String(snapshot.id)}.` })
      verified = await verifies(snapshot, version, own, sha256)
      if (!verified) flags.push({ code: 'snapshot-mismatch', itemId, message: isStub(snapshot) && own === undefined
        ? `The file's copy of item ${itemId} is the sealed version ${version}, which this course no longer has, so it cannot be graded.`
        : `The file's copy of item ${itemId} differs from version ${version} as published (its key, points or text were changed); graded from the course's copy.` })
    }
    const item = own ?? (known !== undefined && verified && snapshot?.id === itemId ? { ...snapshot, lesson: known.lesson, version } : undefined)
    if (item !== undefined) trusted[version] = item
    slotItems.push(item?.id === itemId ? item : undefined)
  }
  return { flags, trusted, slotItems }
}

function settingsFlag(file: AssessmentInfo | undefined, course: AssessmentInfo): ImportFlag | undefined {
  if (file === undefined) return undefined
  const pct = (n: unknown) => (typeof n === 'number' ? `${Math.round(n * 1000) / 10} %` : String(n))
  const diffs: string[] = []
  if (file.passMark !== course.passMark) diffs.push(`pass mark ${pct(file.passMark)} (the course: ${pct(course.passMark)})`)
  if (file.gradingMethod !== course.gradingMethod) diffs.push(`grading method "${String(file.gradingMethod)}" (the course: "${course.gradingMethod}")`)
  if ((file.negativeMarking ?? false) !== (course.negativeMarking ?? false)) diffs.push(`negative marking ${file.negativeMarking === true ? 'on' : 'off'} (the course: ${course.negativeMarking === true ? 'on' : 'off'})`)
  if ((file.certainty ?? false) !== (course.certainty ?? false)) diffs.push(`certainty ${file.certainty === true ? 'on' : 'off'} (the course: ${course.certainty === true ? 'on' : 'off'})`)
  else if (course.certainty === true && (file.passOn ?? 'accuracy') !== (course.passOn ?? 'accuracy')) diffs.push(`pass on "${String(file.passOn ?? 'accuracy')}" (the course: "${course.passOn ?? 'accuracy'}")`)
  if (diffs.length === 0) return undefined
  return { code: 'settings-mismatch', message: `The file's settings differ from the course: ${diffs.join('; ')}. Graded with the course's.` }
}

function attemptRank(attempt: Attempt, siblings: AttemptContext['siblings']): number {
  const all = new Map(siblings.map((s) => [s.id, s.startedAt]))
  all.set(attempt.id, attempt.startedAt)
  const order = [...all].sort(([a, ta], [b, tb]) => ta - tb || (a < b ? -1 : a > b ? 1 : 0))
  return order.findIndex(([id]) => id === attempt.id) + 1
}

/** Checks one imported attempt against the instructor's course (rules at the top of the file). */
export async function checkImportedAttempt(entry: ResultAttemptEntry, course: InstructorCourse, context: AttemptContext, sha256: Sha256): Promise<ImportCheck> {
  const { attempt } = entry
  const items = await itemFlags(attempt, course, sha256)
  const flags = [...items.flags]
  const blueprint = attempt.mode === 'assessment' ? course.blueprints.find((b) => b.id === attempt.sourceId) : undefined
  const assessment = blueprint === undefined ? undefined : assessmentInfo(blueprint)
  if (blueprint === undefined || assessment === undefined) {
    flags.push({ code: 'unknown-blueprint', message: `This attempt is for "${attempt.sourceId}", which is not an assessment of this course.` })
  } else {
    const misfit = drawMisfit(items.slotItems, blueprint.draws, blueprint.sealed)
    if (misfit !== undefined) flags.push({ code: 'draw-mismatch', message: `${misfit} The items do not fit how "${blueprint.title}" draws them.` })
    const settings = settingsFlag(entry.assessment, assessment)
    if (settings !== undefined) flags.push(settings)
    const rank = attemptRank(attempt, context.siblings)
    if (blueprint.maxAttempts !== undefined && rank > blueprint.maxAttempts) {
      flags.push({ code: 'too-many-attempts', message: `This is attempt ${rank} at "${blueprint.title}", which allows ${blueprint.maxAttempts}.` })
    }
  }
  const own = entry.responses.filter((r) => r.attemptId === attempt.id)
  flags.push(...timeFlags({ attempt, responses: own, manualGrades: entry.manualGrades ?? [], blueprint, allowance: context.allowance }))
  // Sealed slots: stubs in the file, full items trusted; answers and orders move to the full ids.
  const unsealed = unsealAttempt(attempt, entry.responses, (version) => {
    const item = Object.hasOwn(items.trusted, version) ? items.trusted[version] : undefined
    return item === undefined || isStub(item) ? undefined : item
  })
  const trustedAttempt = { ...unsealed.attempt, snapshots: items.trusted }
  return { flags, attempt: trustedAttempt, responses: unsealed.responses, ...(assessment !== undefined ? { assessment } : {}) }
}

/**
 * Whether grading `attempt` needs sealed items this device does not have in full: some slot's item
 * in `items` (the course's items by version, as the app holds them) is a stub. The app refuses to
 * import such a file until the instructor unlocks sealed assessments.
 */
export function needsUnlock(attempt: Pick<Attempt, 'slots'>, items: ReadonlyMap<string, VersionedItem>): boolean {
  return attempt.slots.some((slot) => isStub(items.get(slot.version)))
}

/** The learner's attempts at the same blueprint among `attempts` (for AttemptContext.siblings). */
export function siblingsOf(attempt: Pick<Attempt, 'learnerId' | 'sourceId'>, attempts: Iterable<Pick<Attempt, 'id' | 'startedAt' | 'learnerId' | 'sourceId' | 'mode'>>) {
  const out = new Map<string, Pick<Attempt, 'id' | 'startedAt'>>()
  for (const a of attempts) {
    if (a.learnerId === attempt.learnerId && a.sourceId === attempt.sourceId && a.mode === 'assessment' && !out.has(a.id)) out.set(a.id, { id: a.id, startedAt: a.startedAt })
  }
  return [...out.values()]
}
