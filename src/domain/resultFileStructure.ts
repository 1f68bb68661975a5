/**
 * The structural check of a (current-version) result file, written by hand: every field the
 * importer and the grading engine read is checked, so grading an imported attempt cannot throw.
 * Cross-checks: each attempt belongs to the file's learner and course, each slot's version has a
 * snapshot, and each response or manual grade names its own attempt.
 */
import { arr, checkAnswer, checkItem, eachOf, Invalid, nullableNum, num, obj, oneOf, optional, str, strList, bool, type Obj } from './validate.ts'

function checkAttempt(a: Obj, path: string, courseId: string, learnerId: string): void {
  str(a.id, `${path}.id`)
  if (str(a.courseId, `${path}.courseId`) !== courseId) throw new Invalid(`${path}.courseId`, `is "${String(a.courseId)}" but the file is for "${courseId}"`)
  if (str(a.learnerId, `${path}.learnerId`) !== learnerId) throw new Invalid(`${path}.learnerId`, `is "${String(a.learnerId)}" but the file is for learner "${learnerId}"`)
  oneOf(a.mode, ['assessment', 'practice'], `${path}.mode`)
  str(a.sourceId, `${path}.sourceId`)
  num(a.seed, `${path}.seed`)
  num(a.startedAt, `${path}.startedAt`)
  nullableNum(a.deadline, `${path}.deadline`)
  nullableNum(a.submittedAt, `${path}.submittedAt`)
  oneOf(a.submitReason, ['learner', 'deadline', null], `${path}.submitReason`)
  const snapshots = obj(a.snapshots, `${path}.snapshots`)
  for (const [version, item] of Object.entries(snapshots)) checkItem(item, `${path}.snapshots.${version}`)
  eachOf(a.slots, `${path}.slots`, (slot, p) => {
    str(slot.itemId, `${p}.itemId`)
    const version = str(slot.version, `${p}.version`)
    optional(slot.order, strList, `${p}.order`)
    if (snapshots[version] === undefined) throw new Invalid(`${p}.version`, `names no snapshot in ${path}.snapshots`)
    if (slot.blankOrders !== undefined) {
      const orders = obj(slot.blankOrders, `${p}.blankOrders`)
      for (const [blank, list] of Object.entries(orders)) strList(list, `${p}.blankOrders.${blank}`)
    }
  })
}

function belongs(o: Obj, path: string, attemptId: string): void {
  if (str(o.attemptId, `${path}.attemptId`) !== attemptId) throw new Invalid(`${path}.attemptId`, `should be "${attemptId}"`)
  str(o.itemId, `${path}.itemId`)
}

/** Throws Invalid (with the path of the first problem) unless `data` is a well-formed result file. */
export function checkResultStructure(data: Obj): void {
  const courseId = str(data.courseId, 'courseId')
  if (Number.isNaN(Date.parse(str(data.exportedAt, 'exportedAt')))) throw new Invalid('exportedAt', 'should be an ISO date')
  const learner = obj(data.learner, 'learner')
  const learnerId = str(learner.id, 'learner.id')
  str(learner.name, 'learner.name')
  arr(data.attempts, 'attempts')
  eachOf(data.attempts, 'attempts', (entry, path) => {
    const attempt = obj(entry.attempt, `${path}.attempt`)
    checkAttempt(attempt, `${path}.attempt`, courseId, learnerId)
    const attemptId = attempt.id as string
    eachOf(entry.responses, `${path}.responses`, (r, p) => {
      belongs(r, p, attemptId)
      checkAnswer(r.answer, `${p}.answer`)
      bool(r.flagged, `${p}.flagged`)
      num(r.savedAt, `${p}.savedAt`)
      num(r.seq, `${p}.seq`)
    })
    if (entry.manualGrades !== undefined) {
      eachOf(entry.manualGrades, `${path}.manualGrades`, (g, p) => {
        belongs(g, p, attemptId)
        const criteria = obj(g.criteria, `${p}.criteria`)
        for (const [k, v] of Object.entries(criteria)) num(v, `${p}.criteria.${k}`)
        num(g.score, `${p}.score`)
        str(g.comment, `${p}.comment`)
        num(g.gradedAt, `${p}.gradedAt`)
      })
    }
    if (entry.assessment !== undefined) {
      const info = obj(entry.assessment, `${path}.assessment`)
      str(info.id, `${path}.assessment.id`)
      str(info.title, `${path}.assessment.title`)
      num(info.passMark, `${path}.assessment.passMark`)
      oneOf(info.gradingMethod, ['highest', 'first', 'last', 'average'], `${path}.assessment.gradingMethod`)
      optional(info.negativeMarking, bool, `${path}.assessment.negativeMarking`)
    }
  })
}
