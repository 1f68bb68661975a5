/**
 * The instructor's view from a real LRS (tests/lrs, in memory, loopback) equals the view from
 * result files. A cohort's attempts (the real course's final × 3 and a lesson quiz) are submitted
 * on a learner's device through the real outbox (attemptStatements + commitSubmission +
 * flushOutbox) into the LRS; the instructor's device loads them back (lrsFetch + lrsImport); a
 * second instructor's device imports the same attempts as result files. Gradebook rows, CSV,
 * item statistics and every attempt's per-item grades must be equal. Also: paging with a small
 * limit, loading twice, files first then the LRS. Without tests/lrs/node_modules this file is
 * skipped with a message, unless CI=true: then it fails.
 */
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptStatements, outboxRows } from '../../../src/app/attemptOutbox.ts'
import { addAttempt, commitSubmission } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { importResultFiles } from '../../../src/db/importResults.ts'
import { loadCourseRecords } from '../../../src/db/instructorData.ts'
import { fetchCourseStatements, type FetchedStatements } from '../../../src/db/lrsFetch.ts'
import { importLrsStatements } from '../../../src/db/lrsImport.ts'
import { flushOutbox } from '../../../src/db/outbox.ts'
import { countedAttempts, defaultAttemptsCounted, statisticsAttempts } from '../../../src/domain/assessmentReport.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { assessmentInfo } from '../../../src/domain/blueprints.ts'
import { flagsByLearner, splitFlagged } from '../../../src/domain/flaggedAttempts.ts'
import { gradebookCsv, gradebookRows } from '../../../src/domain/gradebook.ts'
import { createResultFile, serializeResultFile } from '../../../src/domain/resultFile.ts'
import { quizStatistics } from '../../../src/domain/statistics.ts'
import { courseIri } from '../../../src/domain/xapi/iris.ts'
import { COHORT_T0, lrsBenchConfig, lrsCohort, realCourse, sha256, type CohortLearner } from '../../../scripts/benchLrsView.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { LRS_INSTALLED, startLrs, type RunningLrs } from './lrsHarness.ts'

const inCi = process.env.CI === 'true'
if (!LRS_INSTALLED && !inCi) console.warn('Skipping the real-LRS tests: tests/lrs/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
const suite = LRS_INSTALLED || inCi ? describe : describe.skip

const { course, instructor } = realCourse()
const NOW = COHORT_T0 + 30 * 86_400_000
const assessments = course.blueprints.map(assessmentInfo)
let lrs: RunningLrs
let cohort: CohortLearner[]
let fetched: FetchedStatements

const config = () => lrsBenchConfig(lrs.endpoint)
const fetchAll = (limit?: number, format?: 'ids') =>
  fetchCourseStatements({ endpoint: lrs.endpoint, auth: config().auth, fetch: globalThis.fetch, activity: courseIri(config(), course.id), ...(limit !== undefined ? { limit } : {}), ...(format !== undefined ? { format } : {}) })
const loadLrs = (db: DebriefDb, statements: readonly unknown[] = fetched.list) => importLrsStatements(db, { statements, settings: config(), course: instructor, now: NOW, sha256 })

/** What the instructor's pages show of a device's records: gradebook rows, CSV, statistics, per-item grades. */
async function figures(db: DebriefDb) {
  const records = await loadCourseRecords(db, course.id)
  const { counted, flagged } = splitFlagged({ learners: records.learners, assessments, attempts: records.attempts, responses: records.responses, manualGrades: records.manualGrades }, records.importFlags)
  const book = gradebookRows(counted)
  const statistics = assessments.map((a) => quizStatistics(statisticsAttempts(countedAttempts(counted, a, { which: defaultAttemptsCounted(a.gradingMethod), includePending: false })), 'all'))
  const review = [...records.attempts].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => {
    const info = assessments.find((x) => x.id === a.sourceId)
    const grade = gradeAttempt(a, records.responses.get(a.id) ?? [], records.manualGrades.get(a.id) ?? [], { passMark: info?.passMark, negativeMarking: info?.negativeMarking })
    return { id: a.id, learner: a.learnerId, startedAt: a.startedAt, submittedAt: a.submittedAt, deadline: a.deadline, score: grade.score, passed: grade.passed, items: grade.perItem.map((r) => [r.itemId, r.grade.state, r.grade.score]).sort() }
  })
  return { rows: book.rows, csv: gradebookCsv(book.rows, assessments, book.objectives, flagsByLearner(flagged)), statistics, review, flagged: flagged.length }
}

async function importFiles(db: DebriefDb) {
  const files = await Promise.all(cohort.map(async (l) => ({ name: `${l.id}.json`, text: serializeResultFile(await createResultFile({ courseId: course.id, exportedAt: NOW - 86_400_000, learner: { id: l.id, name: l.name }, attempts: l.entries }, sha256)) })))
  return importResultFiles(db, files, { courseId: course.id, now: NOW, course: instructor, sha256 })
}

suite('the instructor\'s view from a real LRS', () => {
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    lrs = await startLrs()
    const finals = lrsCohort(course, 12, 3)
    const quizzes = lrsCohort(course, 12, 1, 'quiz-l1')
    cohort = finals.map((l, i) => ({ ...l, entries: [...l.entries, ...quizzes[i]!.entries] }))
    // The learners' device: each attempt submitted with its statements, then the outbox sent.
    const device = new DebriefDb(uniqueName())
    let clock = COHORT_T0
    for (const learner of cohort) {
      for (const { attempt, responses } of learner.entries) {
        await addAttempt(device, { ...attempt, submittedAt: null, submitReason: null })
        await commitSubmission(device, attempt, outboxRows(attemptStatements(config(), { id: learner.id, displayName: learner.name }, attempt, responses, randomUUID), (clock += 100)))
      }
    }
    const sent = await flushOutbox(device, { endpoint: lrs.endpoint, auth: config().auth, fetch: globalThis.fetch, now: () => clock, rng: () => 0.5 })
    expect(sent).toMatchObject({ paused: null, retrying: null })
    expect(await device.outbox.count()).toBe(0)
    fetched = await fetchAll()
    expect(fetched.statements).toBe(sent.sent)
  }, 120_000)
  afterAll(async () => {
    await lrs?.stop()
  })

  it('builds the same gradebook, CSV, item statistics and attempt grades as importing the same attempts as files', async () => {
    const [fromLrs, fromFiles] = [new DebriefDb(uniqueName()), new DebriefDb(uniqueName())]
    const outcome = await loadLrs(fromLrs)
    expect(outcome).toMatchObject({ learners: 12, newLearners: 12, attempts: 48, added: 48, alreadyHere: 0, differs: [], flagged: 0, notes: [] })
    const outcomes = await importFiles(fromFiles)
    expect(outcomes.every((o) => o.ok && o.added === 4 && !o.flagged)).toBe(true)
    const [a, b] = [await figures(fromLrs), await figures(fromFiles)]
    expect(a.rows).toHaveLength(12)
    expect(a.review).toHaveLength(48)
    expect(a.rows).toEqual(b.rows)
    expect(a.csv).toBe(b.csv)
    expect(a.statistics).toEqual(b.statistics)
    expect(a.review).toEqual(b.review)
    // Not a vacuous equality: the cohort has passes, failures and attempts waiting for a grade, and scores that differ.
    expect(new Set(a.review.map((r) => r.passed))).toEqual(new Set([true, false, null]))
    expect(new Set(a.review.map((r) => r.score)).size).toBeGreaterThan(5)
  })

  it('follows "more" links with a small page size and gets the same statements', async () => {
    const small = await fetchAll(7)
    expect(small.pages).toBe(Math.ceil(fetched.statements / 7))
    expect(small.list.map((s) => (s as { id: string }).id).sort()).toEqual(fetched.list.map((s) => (s as { id: string }).id).sort())
  })

  it('reads the smaller "ids" form (no names, no definitions) into the same attempts and grades', async () => {
    const ids = await fetchAll(undefined, 'ids')
    expect(ids.list.map((s) => (s as { id: string }).id).sort()).toEqual(fetched.list.map((s) => (s as { id: string }).id).sort())
    expect(JSON.stringify(ids.list).length).toBeLessThan(JSON.stringify(fetched.list).length / 2)
    const [exact, small] = [new DebriefDb(uniqueName()), new DebriefDb(uniqueName())]
    await loadLrs(exact)
    expect(await loadLrs(small, ids.list)).toMatchObject({ added: 48, flagged: 0, notes: [] })
    const [a, b] = [await figures(exact), await figures(small)]
    expect(b.review).toEqual(a.review)
    expect(b.statistics).toEqual(a.statistics)
    // Only the names differ: without them the learner's id is shown.
    expect(b.rows.map((r) => r.name)).toEqual(b.rows.map((r) => r.learnerId))
  })

  it('adds nothing when loaded again, and keeps one attempt when files came first', async () => {
    const db = new DebriefDb(uniqueName())
    await loadLrs(db)
    const before = await figures(db)
    expect(await loadLrs(db)).toMatchObject({ attempts: 48, added: 0, alreadyHere: 48, newLearners: 0, differs: [] })
    expect(await figures(db)).toEqual(before)
    const filesFirst = new DebriefDb(uniqueName())
    await importFiles(filesFirst)
    const files = await figures(filesFirst)
    expect(await loadLrs(filesFirst)).toMatchObject({ added: 0, alreadyHere: 48, newLearners: 0, differs: [] })
    expect(await figures(filesFirst)).toEqual(files)
  })

  it('lists an attempt already here whose grade the LRS reports otherwise, and keeps the device\'s copy', async () => {
    const db = new DebriefDb(uniqueName())
    await importFiles(db)
    const target = cohort[0]!.entries[0]!.attempt.id
    const item = cohort[0]!.entries[0]!.attempt.slots.find((s) => instructor.items.get(s.version)?.type === 'truefalse')!
    const changed = fetched.list.map((s) => {
      const st = s as { verb: { id: string }; object: { id: string }; context?: { registration?: string }; result?: { response?: string } }
      if (st.context?.registration !== target || !st.verb.id.endsWith('/answered') || !st.object.id.endsWith(`/items/${item.itemId}`)) return s
      return { ...st, result: { ...st.result, response: st.result?.response === 'true' ? 'false' : 'true' } }
    })
    const outcome = await loadLrs(db, changed)
    expect(outcome.differs).toEqual([target])
    expect(outcome.added).toBe(0)
  })
})
