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
 *   the item without the `lesson` and `version` the loader adds, first 16 hex) is not V.
 * - The item graded is the instructor's item of V when the course has it; else the snapshot when
 *   it verifies and the manifest knows V (an older published version); else none (the slot then
 *   scores nothing, and the attempt is flagged anyway).
 * Assessment:
 * - unknown-blueprint: not an assessment attempt, or at a blueprint the course does not have.
 * - draw-mismatch: the items do not fit the blueprint's draws (drawFit.ts).
 * - settings-mismatch: the file's `assessment` pass mark, grading method or negative marking
 *   differ from the course's (grading always uses the course's).
 * - too-many-attempts: the attempt comes after the blueprint's maxAttempts among the learner's
 *   attempts at it (those on the device and in the files, by start time then id).
 * Time: importTimeChecks.ts.
 */
import type { Allowance } from './attempt.ts'
import { assessmentInfo, type AssessmentInfo } from './blueprints.ts'
import { canonicalJson } from './canonicalJson.ts'
import type { KeyFlagCode } from './deviceKeyCheck.ts'
import { drawMisfit } from './drawFit.ts'
import { timeFlags, type TimeFlagCode } from './importTimeChecks.ts'
import type { ResultAttemptEntry, Sha256 } from './resultFile.ts'
import type { Attempt, Blueprint, VersionedItem } from './types.ts'
import type { VersionManifest } from './versionManifest.ts'

export type ImportFlagCode =
  | 'unknown-version' | 'snapshot-mismatch' | 'item-mismatch' | 'draw-mismatch' | 'unknown-blueprint'
  | 'settings-mismatch' | 'too-many-attempts' | TimeFlagCode | KeyFlagCode

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
  /** The course's grading settings for it; undefined at an unknown blueprint. */
  assessment?: AssessmentInfo
}

/** An item map from a course's banks. */
export function itemsByVersion(banks: readonly { items: readonly VersionedItem[] }[]): Map<string, VersionedItem> {
  return new Map(banks.flatMap((b) => b.items.map((item) => [item.version, item] as const)))
}

/** An item as authored: without the `lesson` and `version` the loader adds. */
function authored(item: VersionedItem): object {
  const { lesson: _lesson, version: _version, ...rest } = item
  return rest
}

/** The version a snapshot's content hashes to; undefined when it cannot be hashed. */
export async function snapshotVersion(item: VersionedItem, sha256: Sha256): Promise<string | undefined> {
  try {
    return (await sha256(canonicalJson(authored(item)))).slice(0, 16)
  } catch {
    return undefined
  }
}

/** Whether a snapshot is the item as published: the course's own copy when it has one, else by its hash. */
async function verifies(snapshot: VersionedItem, version: string, own: VersionedItem | undefined, sha256: Sha256): Promise<boolean> {
  if (own === undefined) return (await snapshotVersion(snapshot, sha256)) === version
  try {
    return canonicalJson(authored(snapshot)) === canonicalJson(authored(own))
  } catch {
    return false
  }
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
    if (owner === undefined) flags.push({ code: 'unknown-version', itemId, message: `Item ${itemId} was shown at version ${version}, which this course never published.` })
    else if (owner !== itemId) flags.push({ code: 'item-mismatch', itemId, message: `The attempt names item ${itemId} at version ${version}, but that version is item ${owner}.` })
    let verified = false
    if (snapshot !== undefined) {
      if (snapshot.id !== itemId) flags.push({ code: 'item-mismatch', itemId, message: `The file's copy of item ${itemId} is item ${String(snapshot.id)}.` })
      verified = await verifies(snapshot, version, own, sha256)
      if (!verified) flags.push({ code: 'snapshot-mismatch', itemId, message: `The file's copy of item ${itemId} differs from version ${version} as published (its key, points or text were changed); graded from the course's copy.` })
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
    const misfit = drawMisfit(items.slotItems, blueprint.draws)
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
  return { flags, attempt: { ...attempt, snapshots: items.trusted }, ...(assessment !== undefined ? { assessment } : {}) }
}

/** The learner's attempts at the same blueprint among `attempts` (for AttemptContext.siblings). */
export function siblingsOf(attempt: Pick<Attempt, 'learnerId' | 'sourceId'>, attempts: Iterable<Pick<Attempt, 'id' | 'startedAt' | 'learnerId' | 'sourceId' | 'mode'>>) {
  const out = new Map<string, Pick<Attempt, 'id' | 'startedAt'>>()
  for (const a of attempts) {
    if (a.learnerId === attempt.learnerId && a.sourceId === attempt.sourceId && a.mode === 'assessment' && !out.has(a.id)) out.set(a.id, { id: a.id, startedAt: a.startedAt })
  }
  return [...out.values()]
}
