/**
 * The instructor's view from the LRS: a course's statements back into the app's own records, so
 * the gradebook, attempt review, item statistics and CSV are built exactly as from result files.
 *
 * - Learners by `actor.account.name` (the homePage must be the configured one); the name is
 *   `actor.name` when the learner's device sent it, else the id.
 * - Attempts by `context.registration` (the attempt id): the blueprint from the object or the
 *   parent, `startedAt` from `initialized`, `submittedAt` from `completed` (else `terminated`, else
 *   the last answer, with a flag); the deadline is the course's time limit with the learner's extra
 *   time on this device (the statements do not carry it), and an end at or after it was the
 *   deadline's; seed and option orders are not sent (the review shows the authored order).
 * - One response per `answered` (item IRI + item-version extension), its answer rebuilt from the
 *   response string with the item's snapshot from the course (responseParse.ts). Slots in the
 *   order their answers were given (timestamp, then item id).
 * - Voided statements: the LRS leaves them out; any voided target still in the list is dropped.
 *   Several `answered` for one slot: the latest by `stored`, and a flag.
 * - A free-text item the instructor graded (completion true, a score) comes back as the
 *   instructor's grade (criteria unknown: the score only).
 * - Every answer is graded with the app's own grading and compared with the statement's score.
 * LRS flags (each a plain sentence; the attempt is then shown flagged, as a file's would be):
 * lrs-score-mismatch, lrs-unknown-version, lrs-not-completed, lrs-duplicate-answer,
 * lrs-free-text-missing, lrs-unreadable-response. Notes count what was left out.
 */
import type { Allowance } from '../allowance.ts'
import { deadlineFor } from '../attempt.ts'
import { gradeAttempt } from '../attemptGrading.ts'
import { assessmentInfo } from '../blueprints.ts'
import type { ResultAttemptEntry } from '../resultFile.ts'
import type { Attempt, Blueprint, ManualGrade, SavedResponse, VersionedItem } from '../types.ts'
import type { XapiSettings } from './iris.ts'
import { parseResponse } from './responseParse.ts'
import { SKIP_TEXT, courseIris, readStatement, type ReadStatement, type Skip } from './statementRead.ts'

export type LrsFlagCode = 'lrs-score-mismatch' | 'lrs-unknown-version' | 'lrs-not-completed' | 'lrs-duplicate-answer' | 'lrs-free-text-missing' | 'lrs-unreadable-response'

export interface LrsFlag {
  code: LrsFlagCode
  message: string
  itemId?: string
}

/** What the view needs of the instructor's course (an InstructorCourse fits). */
export interface LrsCourse {
  id: string
  blueprints: readonly Blueprint[]
  /** The course's items by version (sealed ones in full once unlocked here). */
  items: ReadonlyMap<string, VersionedItem>
}

export interface FromStatementsInput {
  statements: readonly unknown[]
  settings: Pick<XapiSettings, 'activityBase' | 'homePage'>
  course: LrsCourse
  /** The extra time of learners this device knows, by id. */
  allowances?: ReadonlyMap<string, Allowance | undefined>
}

export interface LrsAttempt {
  learner: { id: string; name: string }
  /** As a result file's entry: the attempt, its responses and the course's grading settings. */
  entry: ResultAttemptEntry
  /** Instructor's grades the LRS carried (free text graded on the instructor's device). */
  grades: ManualGrade[]
  flags: LrsFlag[]
}

export interface LrsView {
  attempts: LrsAttempt[]
  /** What was left out and why, one sentence each. */
  notes: string[]
}

const EPSILON = 1e-6

/** The latest of several by `stored`, then timestamp, then id. */
function latest(list: readonly ReadStatement[]): ReadStatement {
  return [...list].sort((a, b) => b.stored - a.stored || b.at - a.at || (a.id < b.id ? 1 : -1))[0]!
}

function skipNotes(skips: ReadonlyMap<Skip, number>, sealedWaiting: number): string[] {
  const notes = [...skips].map(([skip, n]) => `${n} statement(s) left out: ${SKIP_TEXT[skip]}.`)
  if (sealedWaiting > 0) notes.push(`${sealedWaiting} attempt(s) have no answers in the LRS yet (a sealed assessment's answers are sent once the instructor grades them): left out.`)
  return notes
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, max), Math.max(0, value))
}

interface Built {
  attempt: Attempt
  responses: SavedResponse[]
  grades: ManualGrade[]
  flags: LrsFlag[]
  answers: Map<string, ReadStatement>
}

/** The attempt of one registration (rules at the top of the file). */
function buildAttempt(registration: string, list: readonly ReadStatement[], input: FromStatementsInput): Built {
  const { course } = input
  const flags: LrsFlag[] = []
  const byVerb = (verb: ReadStatement['verb']) => list.filter((s) => s.verb === verb)
  const learnerId = list[0]!.learnerId
  const blueprintId = list.find((s) => s.blueprintId !== undefined)?.blueprintId ?? ''
  const blueprint = course.blueprints.find((b) => b.id === blueprintId)
  const bySlot = new Map<string, ReadStatement[]>()
  for (const s of byVerb('answered')) bySlot.set(s.itemId!, [...(bySlot.get(s.itemId!) ?? []), s])
  const answers = new Map<string, ReadStatement>()
  for (const [itemId, several] of bySlot) {
    answers.set(itemId, latest(several))
    if (several.length > 1) flags.push({ code: 'lrs-duplicate-answer', itemId, message: `The LRS holds ${several.length} answers to ${itemId} in this attempt: the latest it stored is used.` })
  }
  const ordered = [...answers.values()].sort((a, b) => a.at - b.at || (a.itemId! < b.itemId! ? -1 : 1))
  const starts = byVerb('initialized').map((s) => s.at)
  const completed = byVerb('completed')
  const ends = byVerb('terminated').map((s) => s.at)
  const startedAt = starts.length > 0 ? Math.min(...starts) : Math.min(...list.map((s) => s.at))
  let submittedAt: number
  if (completed.length > 0) submittedAt = latest(completed).at
  else {
    submittedAt = ends.length > 0 ? Math.max(...ends) : Math.max(...list.map((s) => s.at))
    flags.push({ code: 'lrs-not-completed', message: `The LRS has no "completed" statement for this attempt: its end is taken from ${ends.length > 0 ? '"terminated"' : 'its last statement'}.` })
  }
  const deadline = blueprint === undefined ? null : deadlineFor(blueprint, startedAt, input.allowances?.get(learnerId) ?? {})
  const attempt: Attempt = {
    id: registration, courseId: course.id, learnerId, mode: 'assessment', sourceId: blueprintId, seed: 0, startedAt, deadline,
    // Not in the statements: an end at or after the deadline was the deadline's.
    submittedAt, submitReason: deadline !== null && submittedAt >= deadline ? 'deadline' : 'learner', slots: [], snapshots: {},
  }
  const responses: SavedResponse[] = []
  const grades: ManualGrade[] = []
  for (const s of ordered) {
    const item = course.items.get(s.version!)
    if (item === undefined || item.id !== s.itemId) {
      flags.push({ code: 'lrs-unknown-version', itemId: s.itemId!, message: `${s.itemId} at version ${s.version} is not in this device's copy of the course: its answer (${s.score?.raw ?? '?'} of ${s.score?.max ?? '?'} points in the LRS) is left out.` })
      continue
    }
    attempt.slots.push({ itemId: item.id, version: item.version })
    attempt.snapshots[item.version] = item
    const parsed = parseResponse(item, s.response)
    if (!parsed.ok) flags.push({ code: 'lrs-unreadable-response', itemId: item.id, message: `${parsed.problem} It counts as unanswered.` })
    else if (parsed.answer !== null) responses.push({ attemptId: registration, itemId: item.id, answer: parsed.answer, flagged: false, savedAt: s.at, seq: 1 })
    if (item.type === 'freetext' && s.completion === true && s.score !== undefined) {
      grades.push({ attemptId: registration, itemId: item.id, criteria: {}, score: s.score.raw, comment: '', gradedAt: s.at })
    } else if (item.type === 'freetext' && s.response === undefined) {
      flags.push({ code: 'lrs-free-text-missing', itemId: item.id, message: `The answer to ${item.id} was not sent to the LRS (sendFreeText is off): import the learner's result file to read and grade it.` })
    }
  }
  return { attempt, responses, grades, flags, answers }
}

/**
 * Grades the rebuilt answers with the app's grading (gradeAttempt: a response after the deadline
 * does not count, the instructor's grade decides free text) and flags each item whose score
 * differs from the LRS's. An item the statement marks pending (completion false: free text
 * waiting for the instructor) is neither graded nor compared: its score is provisional on both sides.
 */
function scoreFlags(built: Built, negativeMarking: boolean): LrsFlag[] {
  const compared = built.attempt.slots.filter((slot) => {
    const statement = built.answers.get(slot.itemId)
    return statement?.score !== undefined && statement.completion !== false
  })
  const grade = gradeAttempt({ ...built.attempt, slots: compared }, built.responses, built.grades, { negativeMarking })
  const flags: LrsFlag[] = []
  for (const result of grade.perItem) {
    const sent = built.answers.get(result.itemId)!.score!
    if (result.pending) continue
    const here = clamp(result.grade.score, result.grade.max)
    if (Math.abs(here - sent.raw) > EPSILON || Math.abs(result.grade.max - sent.max) > EPSILON) {
      flags.push({ code: 'lrs-score-mismatch', itemId: result.itemId, message: `${result.itemId}: the LRS says ${sent.raw} of ${sent.max} points, grading the answer here gives ${here} of ${result.grade.max}.` })
    }
  }
  return flags
}

/** The course's attempts in the statements (rules at the top of the file), by learner then start. */
export function fromStatements(input: FromStatementsInput): LrsView {
  const iris = courseIris({ activityBase: input.settings.activityBase, homePage: input.settings.homePage, sendDisplayName: false, sendFreeText: false }, input.course.id)
  const iriHome = input.settings.homePage.replace(/\/+$/u, '')
  const skips = new Map<Skip, number>()
  const voided = new Set<string>()
  const read: ReadStatement[] = []
  for (const raw of input.statements) {
    const r = readStatement(raw, { ...iris, homePage: iriHome })
    if (!r.ok) skips.set(r.skip, (skips.get(r.skip) ?? 0) + 1)
    else if ('voids' in r) voided.add(r.voids)
    else read.push(r.statement)
  }
  const byRegistration = new Map<string, ReadStatement[]>()
  for (const s of read) {
    if (voided.has(s.id)) continue
    const list = byRegistration.get(s.registration)
    if (list === undefined) byRegistration.set(s.registration, [s])
    else if (list[0]!.learnerId === s.learnerId) list.push(s)
    else skips.set('not-readable', (skips.get('not-readable') ?? 0) + 1)
  }
  const attempts: LrsAttempt[] = []
  let sealedWaiting = 0
  for (const [registration, list] of byRegistration) {
    if (!list.some((s) => s.verb === 'answered')) {
      sealedWaiting++
      continue
    }
    const built = buildAttempt(registration, list, input)
    const blueprint = input.course.blueprints.find((b) => b.id === built.attempt.sourceId)
    const assessment = blueprint === undefined ? undefined : assessmentInfo(blueprint)
    const flags = [...built.flags, ...scoreFlags(built, assessment?.negativeMarking ?? false)]
    const name = list.find((s) => s.learnerName !== undefined)?.learnerName ?? built.attempt.learnerId
    attempts.push({
      learner: { id: built.attempt.learnerId, name },
      entry: { attempt: built.attempt, responses: built.responses, ...(assessment !== undefined ? { assessment } : {}) },
      grades: built.grades,
      flags,
    })
  }
  attempts.sort((a, b) => (a.learner.id < b.learner.id ? -1 : a.learner.id > b.learner.id ? 1 : a.entry.attempt.startedAt - b.entry.attempt.startedAt))
  return { attempts, notes: skipNotes(skips, sealedWaiting) }
}
