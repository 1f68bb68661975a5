/**
 * The structural check of a (current-version) result file, written by hand: every field the
 * importer and the grading engine read is checked, so grading an imported attempt cannot throw.
 * Cross-checks: each attempt belongs to the file's learner and course, each slot's version has a
 * snapshot (an own key of `snapshots`: a version "toString" names no snapshot unless the file has
 * one under that key), each snapshot is filed under its own version, and each response or manual
 * grade names its own attempt.
 * Bounds (validate.ts): ids 1..200 characters, times 2000–2100, points and scores 0..1000, seq a
 * whole number ≥ 0, seeds whole, short-text patterns safe to run, the learner's allowance (multiplier
 * 1..4, extra minutes 0..600, allowance.ts), the device signature's shape when present (version 4,
 * deviceSignature.ts; whether it verifies is the reader's check), and any other number anywhere
 * finite within ±1e15; a response's certainty the number 1, 2 or 3 when present (version 5, cbm.ts);
 * the learner's name is read with the app's own name rule (names.ts).
 */
import { checkAllowance } from './allowanceCheck.ts'
import { checkCertainty } from './certaintyCheck.ts'
import { isFileSignature } from './signatureShape.ts'
import { cleanName, MAX_NAME_LENGTH } from './names.ts'
import {
  arr, between, bool, eachOf, everyNumberBounded, id, idList, integer, Invalid, nullableTime, obj, oneOf, optional, points, str, strList, time,
  type Obj,
} from './validate.ts'
import { checkAnswer, checkItem } from './validateItem.ts'

/** One attempt with its snapshots and slots (also read by the backup's row checks, backupRows.ts). */
export function checkAttempt(a: Obj, path: string, courseId: string, learnerId: string): void {
  id(a.id, `${path}.id`)
  if (id(a.courseId, `${path}.courseId`) !== courseId) throw new Invalid(`${path}.courseId`, `is "${String(a.courseId)}" but the file is for "${courseId}"`)
  if (id(a.learnerId, `${path}.learnerId`) !== learnerId) throw new Invalid(`${path}.learnerId`, `is "${String(a.learnerId)}" but the file is for learner "${learnerId}"`)
  oneOf(a.mode, ['assessment', 'practice'], `${path}.mode`)
  id(a.sourceId, `${path}.sourceId`)
  integer(a.seed, `${path}.seed`)
  time(a.startedAt, `${path}.startedAt`)
  nullableTime(a.deadline, `${path}.deadline`)
  nullableTime(a.submittedAt, `${path}.submittedAt`)
  oneOf(a.submitReason, ['learner', 'deadline', null], `${path}.submitReason`)
  const snapshots = obj(a.snapshots, `${path}.snapshots`)
  for (const [version, item] of Object.entries(snapshots)) {
    const p = `${path}.snapshots.${version}`
    id(version, p)
    checkItem(item, p)
    if ((item as Obj).version !== version) throw new Invalid(`${p}.version`, `should be "${version}", the version it is filed under`)
  }
  eachOf(a.slots, `${path}.slots`, (slot, p) => {
    id(slot.itemId, `${p}.itemId`)
    const version = id(slot.version, `${p}.version`)
    optional(slot.order, idList, `${p}.order`)
    if (!Object.hasOwn(snapshots, version)) throw new Invalid(`${p}.version`, `names no snapshot in ${path}.snapshots`)
    if (slot.blankOrders !== undefined) {
      const orders = obj(slot.blankOrders, `${p}.blankOrders`)
      for (const [blank, list] of Object.entries(orders)) strList(list, `${p}.blankOrders.${blank}`)
    }
  })
}

function belongs(o: Obj, path: string, attemptId: string): void {
  if (id(o.attemptId, `${path}.attemptId`) !== attemptId) throw new Invalid(`${path}.attemptId`, `should be "${attemptId}"`)
  id(o.itemId, `${path}.itemId`)
}

/** The learner's name by the app's name rule; refused when nothing is left or it is too long. */
function learnerName(value: unknown): string {
  const name = cleanName(str(value, 'learner.name'))
  if (name === '') throw new Invalid('learner.name', 'is empty once invisible characters are removed: the learner should type a name in their profile')
  if (name.length > MAX_NAME_LENGTH) throw new Invalid('learner.name', `is ${name.length} characters long: a name has at most ${MAX_NAME_LENGTH}, as when typed in the app`)
  return name
}

/**
 * Throws Invalid (with the path of the first problem) unless `data` is a well-formed result file.
 * Returns the learner's name cleaned by the app's name rule, which the reader uses instead of the
 * name as written.
 */
export function checkResultStructure(data: Obj): { learnerName: string } {
  const courseId = id(data.courseId, 'courseId')
  const exportedAt = Date.parse(str(data.exportedAt, 'exportedAt'))
  if (Number.isNaN(exportedAt)) throw new Invalid('exportedAt', 'should be an ISO date')
  time(exportedAt, 'exportedAt')
  const learner = obj(data.learner, 'learner')
  const learnerId = id(learner.id, 'learner.id')
  const name = learnerName(learner.name)
  optional(learner.allowance, checkAllowance, 'learner.allowance')
  arr(data.attempts, 'attempts')
  eachOf(data.attempts, 'attempts', (entry, path) => {
    const attempt = obj(entry.attempt, `${path}.attempt`)
    checkAttempt(attempt, `${path}.attempt`, courseId, learnerId)
    const attemptId = attempt.id as string
    eachOf(entry.responses, `${path}.responses`, (r, p) => {
      belongs(r, p, attemptId)
      checkAnswer(r.answer, `${p}.answer`)
      bool(r.flagged, `${p}.flagged`)
      time(r.savedAt, `${p}.savedAt`)
      integer(r.seq, `${p}.seq`, 0)
      optional(r.certainty, checkCertainty, `${p}.certainty`)
    })
    if (entry.manualGrades !== undefined) {
      eachOf(entry.manualGrades, `${path}.manualGrades`, (g, p) => {
        belongs(g, p, attemptId)
        const criteria = obj(g.criteria, `${p}.criteria`)
        for (const [k, v] of Object.entries(criteria)) points(v, `${p}.criteria.${k}`)
        points(g.score, `${p}.score`)
        str(g.comment, `${p}.comment`)
        time(g.gradedAt, `${p}.gradedAt`)
      })
    }
    if (entry.assessment !== undefined) {
      const info = obj(entry.assessment, `${path}.assessment`)
      id(info.id, `${path}.assessment.id`)
      str(info.title, `${path}.assessment.title`)
      between(info.passMark, 0, 1, `${path}.assessment.passMark`)
      oneOf(info.gradingMethod, ['highest', 'first', 'last', 'average'], `${path}.assessment.gradingMethod`)
      optional(info.negativeMarking, bool, `${path}.assessment.negativeMarking`)
      if (info.certainty !== undefined && info.certainty !== true) throw new Invalid(`${path}.assessment.certainty`, 'should be true, or left out for an assessment without certainty')
      optional(info.passOn, (v, p) => oneOf(v, ['accuracy', 'cbm'], p), `${path}.assessment.passOn`)
    }
  })
  if (data.signature !== undefined && !isFileSignature(data.signature)) throw new Invalid('signature', 'is not a device signature as Debrief writes it ({ alg: "ES256", publicKey, value })')
  everyNumberBounded(data)
  return { learnerName: name }
}
