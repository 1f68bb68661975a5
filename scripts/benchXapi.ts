/**
 * The xAPI bench rows (issue 13, "Budgets"), measured in Node on fake-indexeddb (Dexie over an
 * in-memory IndexedDB: no browser storage engine, so these figures say what the code costs, not
 * what a phone's disk does).
 *
 * 1. Statements built and queued per second: attempts of the course's quizzes (drawn with the real
 *    assembly, every item answered), each turned into its statements by the real builders
 *    (initialized, then submittedAttemptStatements over the real grade: one answered per item,
 *    completed, passed or failed, terminated; as src/app/attemptOutbox.ts composes them, less its
 *    catalog lookup), serialized once into outbox rows, and written with the attempt by the real
 *    commitSubmission (one Dexie transaction per attempt, as a submit does).
 * 2. Statements flushed to the local LRS per second: those rows sent by the real flushOutbox to
 *    Learning Locker's statements service (tests/lrs, in memory, on 127.0.0.1), in the batches the
 *    app sends (≤ 50 statements, ≤ 256 KiB), until the outbox is empty.
 *
 * Figures, not pass/fail tests; the budget is a floor far above what one device produces (a
 * learner's 25-question final is 29 statements). `npx tsx scripts/benchXapi.ts` runs it alone.
 */
import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { loadContent } from '../src/content/loader.ts'
import { addAttempt, commitSubmission } from '../src/db/attempts.ts'
import { DebriefDb } from '../src/db/database.ts'
import { flushOutbox, queuedRow } from '../src/db/outbox.ts'
import { assembleAttempt } from '../src/domain/assembly.ts'
import { gradeAttempt } from '../src/domain/attemptGrading.ts'
import type { Answer, Attempt, Blueprint, Course, SavedResponse, VersionedItem } from '../src/domain/types.ts'
import type { LrsConfig } from '../src/domain/xapi/config.ts'
import { initialized, submittedAttemptStatements, type StatementEnv } from '../src/domain/xapi/statements.ts'
import { LRS_INSTALLED, startLrs } from '../tests/unit/lrs/lrsHarness.ts'

export interface XapiRow {
  measure: string
  value: string
  budget: string
  ok: boolean
}

/** The floor both rows must reach, in statements per second. */
export const XAPI_FLOOR_PER_S = 500
const ATTEMPTS = 300
const AUTH = { key: 'debrief-bench', secret: 'bench-secret' }
const T0 = Date.UTC(2027, 0, 15, 9, 0, 0)

/** Some answer to an item, whatever its type (the bench needs statements, not good marks). */
function someAnswer(item: VersionedItem): Answer {
  switch (item.type) {
    case 'single': return { type: 'single', optionId: item.options[0]!.id }
    case 'multiple': return { type: 'multiple', optionIds: [item.options[0]!.id] }
    case 'truefalse': return { type: 'truefalse', value: true }
    case 'matching': return { type: 'matching', matches: Object.fromEntries(item.pairs.map((p) => [p.id, p.id])) }
    case 'ordering': return { type: 'ordering', order: item.steps.map((s) => s.id) }
    case 'categorize': return { type: 'categorize', assignments: Object.fromEntries(item.statements.map((s) => [s.id, item.categories[0]!.id])) }
    case 'cloze': return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, 'an answer'])) }
    case 'short': return { type: 'short', text: 'an answer' }
    case 'numeric': return { type: 'numeric', text: '12' }
    case 'freetext': return { type: 'freetext', text: 'A small deployment limits dissent.' }
  }
}

interface BenchAttempt {
  attempt: Attempt
  responses: SavedResponse[]
  blueprint: Blueprint
}

/** `count` submitted quiz attempts over the course's quizzes, in turn, each by its own learner. */
function benchAttempts(course: Course, count: number): BenchAttempt[] {
  const quizzes = course.blueprints.filter((b) => b.kind === 'quiz' && b.sealed !== true)
  return Array.from({ length: count }, (_, n) => {
    const blueprint = quizzes[n % quizzes.length]!
    const { slots, snapshots } = assembleAttempt(blueprint, course.banks, n + 1)
    const startedAt = T0 + n * 60_000
    const attempt: Attempt = { id: randomUUID(), courseId: course.id, learnerId: `bench-learner-${n}`, mode: 'assessment', sourceId: blueprint.id, seed: n + 1, startedAt, deadline: null, submittedAt: startedAt + 300_000, submitReason: 'learner', slots, snapshots }
    const responses = slots.map((slot, i) => ({ attemptId: attempt.id, itemId: slot.itemId, answer: someAnswer(snapshots[slot.version]!), flagged: false, savedAt: startedAt + 1_000 * (i + 1), seq: 1 }))
    return { attempt, responses, blueprint }
  })
}

function config(endpoint: string): LrsConfig {
  return { endpoint, homePage: 'https://lms.example.org/learners', activityBase: 'https://lms.example.org/debrief', auth: { type: 'basic', ...AUTH }, sendDisplayName: false, sendFreeText: false }
}

/** Builds and queues every attempt's statements; returns how many and how long it took. */
async function buildAndQueue(db: DebriefDb, course: Course, attempts: readonly BenchAttempt[], settings: LrsConfig): Promise<{ statements: number; ms: number }> {
  for (const { attempt } of attempts) await addAttempt(db, { ...attempt, submittedAt: null, submitReason: null })
  let statements = 0
  const start = performance.now()
  for (const { attempt, responses, blueprint } of attempts) {
    const env: StatementEnv = { settings, learner: { id: attempt.learnerId }, newId: randomUUID }
    const source = { courseTitle: course.title, sourceTitle: blueprint.title }
    const grade = gradeAttempt(attempt, responses, [], { passMark: blueprint.passMark, negativeMarking: blueprint.negativeMarking })
    const built = [initialized(env, attempt, source), ...submittedAttemptStatements(env, attempt, source, grade)]
    const at = attempt.submittedAt!
    await commitSubmission(db, attempt, built.map((s, i) => queuedRow(s.id, JSON.stringify(s), at + i)))
    statements += built.length
  }
  return { statements, ms: performance.now() - start }
}

function perSecond(count: number, ms: number): number {
  return count / (ms / 1000)
}

function rateRow(measure: string, count: number, ms: number): XapiRow {
  const rate = perSecond(count, ms)
  return { measure, value: `${Math.round(rate).toLocaleString('en')}/s`, budget: `≥ ${XAPI_FLOOR_PER_S}/s`, ok: rate >= XAPI_FLOOR_PER_S }
}

/** Both rows; the flush row needs the test LRS (tests/lrs), and says so when it is missing. */
export async function xapiRows(): Promise<XapiRow[]> {
  const content = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
  const course = content.courses[0]
  if (course === undefined) throw new Error('No course in lessons/ and questions/ to build statements from.')
  const attempts = benchAttempts(course, ATTEMPTS)
  const db = new DebriefDb(`bench-xapi-${randomUUID()}`, { indexedDB, IDBKeyRange })
  const rows: XapiRow[] = []
  try {
    if (!LRS_INSTALLED) {
      const queued = await buildAndQueue(db, course, attempts, config('http://127.0.0.1:9/xapi'))
      rows.push(rateRow(`xAPI statements built and queued (${queued.statements.toLocaleString('en')} from ${ATTEMPTS} quiz attempts; Node, Dexie on fake-indexeddb)`, queued.statements, queued.ms))
      rows.push({ measure: 'xAPI statements flushed to the local LRS', value: 'not run', budget: 'needs tests/lrs: npm ci --ignore-scripts --prefix tests/lrs', ok: process.env.CI !== 'true' })
      return rows
    }
    const lrs = await startLrs()
    try {
      const queued = await buildAndQueue(db, course, attempts, config(lrs.endpoint))
      rows.push(rateRow(`xAPI statements built and queued (${queued.statements.toLocaleString('en')} from ${ATTEMPTS} quiz attempts; Node, Dexie on fake-indexeddb)`, queued.statements, queued.ms))
      // Counts the POSTs and the time spent waiting for the LRS's answers (the rest is the device's side).
      let posts = 0
      let lrsMs = 0
      const counted: typeof fetch = async (input, init) => {
        posts += 1
        const t = performance.now()
        const response = await fetch(input, init)
        lrsMs += performance.now() - t
        return response
      }
      const start = performance.now()
      const result = await flushOutbox(db, { endpoint: lrs.endpoint, auth: AUTH, fetch: counted, now: Date.now, rng: Math.random, holdsLock: true })
      const ms = performance.now() - start
      const left = await db.outbox.count()
      if (result.sent !== queued.statements || left !== 0) {
        rows.push({ measure: 'xAPI statements flushed to the local LRS', value: 'failed', budget: `all ${queued.statements} sent`, ok: false })
        console.log(`  the flush sent ${result.sent} of ${queued.statements} (${left} left; paused: ${result.paused}; retrying: ${result.retrying})`)
      } else {
        rows.push(rateRow(`xAPI statements flushed to the local LRS (${result.sent.toLocaleString('en')} in ${posts} POSTs as the app batches them, ${(lrsMs / 1000).toFixed(1)} s of ${(ms / 1000).toFixed(1)} s awaiting the LRS; real flushOutbox, Learning Locker's xapi-statements in memory)`, result.sent, ms))
      }
    } finally {
      await lrs.stop()
    }
  } finally {
    db.close()
    await db.delete()
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await xapiRows()) console.log(`${row.measure} | ${row.value} | ${row.budget} | ${row.ok ? 'yes' : 'NO'}`)
}
