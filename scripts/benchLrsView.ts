/**
 * The instructor's LRS view, timed (issue 13): `count` learners × `each` attempts of the real
 * course's final, drawn by the real assembly and answered by learners of five skill levels (the key's
 * answer with probability 0, ¼ … 1, else a blind guess; typed text for free text), their statements built by the app's builders (the ones
 * src/app/attemptOutbox.ts uses) and posted into the test LRS (tests/lrs, in memory, loopback)
 * BEFORE timing. Then, timed, from scratch: every page fetched from the LRS
 * (src/db/lrsFetch.ts), the statements read into records, checked and written to a new database
 * (src/db/lrsImport.ts on fake-indexeddb). The phases are timed apart, so the report says where
 * the time goes. `lrsCohort` is shared with tests/unit/lrs/lrsView.test.ts.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { createHash, randomUUID } from 'node:crypto'
import { loadContent } from '../src/content/loader.ts'
import { manifestPath, readManifest } from '../src/content/versions.ts'
import { DebriefDb } from '../src/db/database.ts'
import { fetchCourseStatements } from '../src/db/lrsFetch.ts'
import { importLrsStatements } from '../src/db/lrsImport.ts'
import { submitAttempt } from '../src/domain/attempt.ts'
import { gradeAttempt } from '../src/domain/attemptGrading.ts'
import { startAttempt } from '../src/domain/attemptStart.ts'
import { assessmentInfo } from '../src/domain/blueprints.ts'
import { checkBatch } from '../src/domain/importBatch.ts'
import { itemsByVersion, type InstructorCourse } from '../src/domain/importChecks.ts'
import { snapshotOf } from '../src/domain/own.ts'
import { createRng, deriveSeed, type Rng } from '../src/domain/random.ts'
import type { ResultAttemptEntry } from '../src/domain/resultFile.ts'
import type { Answer, AttemptSlot, Course, SavedResponse, VersionedItem } from '../src/domain/types.ts'
import type { LrsConfig } from '../src/domain/xapi/config.ts'
import { fromStatements } from '../src/domain/xapi/fromStatements.ts'
import { courseIri } from '../src/domain/xapi/iris.ts'
import { initialized, submittedAttemptStatements, type XapiStatement } from '../src/domain/xapi/statements.ts'
import { LRS_INSTALLED, startLrs } from '../tests/unit/lrs/lrsHarness.ts'
import { blindGuesser } from './guessers.ts'

export const COHORT_T0 = Date.UTC(2026, 10, 2, 9)
export const sha256 = async (text: string): Promise<string> => createHash('sha256').update(text, 'utf8').digest('hex')

export function realCourse(): { course: Course; instructor: InstructorCourse } {
  const course = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' }).courses[0]!
  return { course, instructor: { id: course.id, blueprints: course.blueprints, items: itemsByVersion(course.banks), manifest: readManifest(manifestPath('questions', course.id), course.id) } }
}

export function lrsBenchConfig(endpoint: string, sendDisplayName = true): LrsConfig {
  return { endpoint, homePage: 'https://lms.example.org/learners', activityBase: 'https://lms.example.org/debrief', auth: { type: 'basic', key: 'debrief', secret: 'bench-secret' }, sendDisplayName, sendFreeText: true }
}

const TYPED = 'The brief reports the deployment under the defence treaty but does not confirm the numbers; it calls the move calculated.'

/** The key's answer: what a learner who knows it gives. */
function keyAnswer(item: VersionedItem): Answer {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: item.answer }
    case 'multiple':
      return { type: 'multiple', optionIds: item.answers }
    case 'truefalse':
      return { type: 'truefalse', value: item.answer }
    case 'matching':
      return { type: 'matching', matches: Object.fromEntries(item.pairs.map((p) => [p.id, p.id])) }
    case 'categorize':
      return { type: 'categorize', assignments: Object.fromEntries(item.statements.map((st) => [st.id, st.category])) }
    case 'ordering':
      return { type: 'ordering', order: item.steps.map((st) => st.id) }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.accept[0]!])) }
    case 'short':
      return { type: 'short', text: item.accept[0]! }
    case 'numeric':
      return { type: 'numeric', text: String(item.answer) }
    case 'freetext':
      return { type: 'freetext', text: TYPED }
  }
}

/** The key's answer with probability `skill`, else a blind guess (a wrong text for typed items); typed text for free text. */
function answerFor(item: VersionedItem, slot: AttemptSlot, rng: Rng, skill: number): Answer | null {
  if (item.type === 'freetext' || rng() < skill) return keyAnswer(item)
  switch (item.type) {
    case 'short':
      return { type: 'short', text: 'not the answer' }
    case 'numeric':
      return { type: 'numeric', text: String(item.answer + 1000) }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.options?.[0] ?? 'wrong'])) }
    default:
      return blindGuesser(item, slot, rng)
  }
}

export interface CohortLearner {
  id: string
  name: string
  entries: ResultAttemptEntry[]
}

/**
 * `count` learners × `each` submitted attempts at `blueprintId` (default the final), a day apart,
 * on the course's full items (as the instructor's device grades them), an answer every 30 s.
 */
export function lrsCohort(course: Course, count: number, each: number, blueprintId = 'final'): CohortLearner[] {
  const blueprint = course.blueprints.find((b) => b.id === blueprintId)!
  return Array.from({ length: count }, (_, n) => {
    const id = `learner-${String(n).padStart(4, '0')}`
    const entries = Array.from({ length: each }, (_, k): ResultAttemptEntry => {
      const attemptId = randomUuidFrom(`${id}-${blueprintId}-${k}`)
      const startedAt = COHORT_T0 + (n % 20) * 3_600_000 + k * 86_400_000
      const seed = 1 + ((n * 7919 + k * 104_729) % 2_000_000_000)
      const attempt = startAttempt({ blueprint, banks: course.banks, learnerId: id, courseId: course.id, attemptId, seed, now: startedAt, previousAttempts: [] })
      const rng = createRng(deriveSeed(seed, attemptId))
      const responses: SavedResponse[] = []
      attempt.slots.forEach((slot, i) => {
        const answer = answerFor(snapshotOf(attempt, slot.version)!, slot, rng, (n % 5) / 4)
        if (answer !== null) responses.push({ attemptId, itemId: slot.itemId, answer, flagged: false, savedAt: startedAt + 30_000 * (i + 1), seq: 1 })
      })
      return { attempt: submitAttempt(attempt, startedAt + 30_000 * attempt.slots.length + 10_000, 'learner'), responses, assessment: assessmentInfo(blueprint) }
    })
    return { id, name: `Learner ${n}`, entries }
  })
}

/** A UUID made from a text, so the cohort is the same every run (xAPI registrations are UUIDs). */
function randomUuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The statements of one submitted attempt, as src/app/attemptOutbox.ts attemptStatements builds them. */
export function cohortStatements(config: LrsConfig, course: Course, learner: CohortLearner, entry: ResultAttemptEntry): XapiStatement[] {
  const { attempt, responses } = entry
  const blueprint = course.blueprints.find((b) => b.id === attempt.sourceId)!
  const env = { settings: config, learner: { id: learner.id, displayName: learner.name }, newId: randomUUID }
  const source = { courseTitle: course.title, sourceTitle: blueprint.title }
  const grade = gradeAttempt(attempt, responses, [], { passMark: blueprint.passMark, negativeMarking: blueprint.negativeMarking })
  return [initialized(env, attempt, source), ...submittedAttemptStatements(env, attempt, source, grade)]
}

async function post(config: LrsConfig, statements: readonly XapiStatement[]): Promise<void> {
  const auth = `Basic ${Buffer.from(`${config.auth.key}:${config.auth.secret}`).toString('base64')}`
  for (let i = 0; i < statements.length; i += 500) {
    const r = await fetch(`${config.endpoint}/statements`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: auth }, body: JSON.stringify(statements.slice(i, i + 500)) })
    if (r.status !== 200) throw new Error(`The test LRS refused the bench's statements (${r.status}): ${await r.text()}`)
  }
}

export interface LrsViewRun {
  learners: number
  attempts: number
  statements: number
  pages: number
  megabytes: number
  postSeconds: number
  fetchSeconds: number
  buildSeconds: number
  seconds: number
  /** Untimed, afterwards, on the same statements: how the build splits (the rest is the write to fake-indexeddb). */
  recordsSeconds: number
  checksSeconds: number
}

/** The bench (rules at the top of the file). */
export async function lrsViewBench(count = 1000, each = 3): Promise<LrsViewRun> {
  const { course, instructor } = realCourse()
  const lrs = await startLrs()
  try {
    // Names not sent (the documented example): the view fetches the smaller 'ids' form, as the app does then.
    const config = lrsBenchConfig(lrs.endpoint, false)
    const cohort = lrsCohort(course, count, each)
    const statements = cohort.flatMap((l) => l.entries.flatMap((e) => cohortStatements(config, course, l, e)))
    const posting = performance.now()
    await post(config, statements)
    const postSeconds = (performance.now() - posting) / 1000
    const start = performance.now()
    const fetched = await fetchCourseStatements({ endpoint: config.endpoint, auth: config.auth, fetch: globalThis.fetch, activity: courseIri(config, course.id), format: 'ids' })
    const fetchedAt = performance.now()
    const db = new DebriefDb(`bench-lrs-view-${randomUUID()}`, { indexedDB, IDBKeyRange })
    const outcome = await importLrsStatements(db, { statements: fetched.list, settings: config, course: instructor, now: COHORT_T0 + 30 * 86_400_000, sha256 })
    const end = performance.now()
    db.close()
    if (outcome.added !== count * each || outcome.flagged !== 0) throw new Error(`The LRS view bench built ${outcome.added} attempts (${outcome.flagged} flagged), not ${count * each} unflagged.`)
    const split = performance.now()
    const view = fromStatements({ statements: fetched.list, settings: config, course: instructor })
    const recorded = performance.now()
    await checkBatch({ entries: view.attempts.map((a) => ({ learner: a.learner, entry: a.entry })), course: instructor, sha256 })
    const checked = performance.now()
    return {
      learners: outcome.learners, attempts: outcome.added, statements: fetched.statements, pages: fetched.pages, megabytes: JSON.stringify(fetched.list).length / 1e6,
      postSeconds, fetchSeconds: (fetchedAt - start) / 1000, buildSeconds: (end - fetchedAt) / 1000, seconds: (end - start) / 1000,
      recordsSeconds: (recorded - split) / 1000, checksSeconds: (checked - recorded) / 1000,
    }
  } finally {
    await lrs.stop()
  }
}

if (process.argv[1]?.endsWith('benchLrsView.ts')) {
  const count = Number(process.argv[2] ?? 1000)
  console.log(await lrsViewBench(count, 3))
}

/** The bench's row (none, with a message, when the test LRS is not installed). */
export async function lrsViewRow(): Promise<{ measure: string; value: string; budget: string; ok: boolean }[]> {
  if (!LRS_INSTALLED) {
    console.log('No test LRS (tests/lrs/node_modules): the LRS view row is not measured. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    return []
  }
  const run = await lrsViewBench()
  console.log(`  LRS view: posting ${run.statements.toLocaleString('en')} statements before timing took ${run.postSeconds.toFixed(1)} s. Timed: fetching ${run.fetchSeconds.toFixed(1)} s (${run.pages} pages, ${run.megabytes.toFixed(1)} MB), then ${run.buildSeconds.toFixed(1)} s of which, measured again apart: records ${run.recordsSeconds.toFixed(1)} s, course checks ${run.checksSeconds.toFixed(1)} s, the rest the write to fake-indexeddb`)
  return [{
    measure: `Instructor's LRS view, ${run.learners.toLocaleString('en')} learners × 3 finals (${run.statements.toLocaleString('en')} statements, ${run.pages} pages from the local LRS), fetched and built from scratch`,
    value: `${run.seconds.toFixed(1)} s`, budget: '≤ 10 s', ok: run.seconds <= 10,
  }]
}
