/**
 * The outbox against a real LRS (tests/lrs: Learning Locker's xapi-statements, in memory, on
 * loopback), through the real sender (src/db/outbox.ts) on fake-indexeddb, with a loopback proxy
 * to cut a POST or answer a status itself. Without tests/lrs/node_modules this file is skipped
 * with a message, unless CI=true: then it fails.
 */
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { attemptStatements, outboxRows } from '../../../src/app/attemptOutbox.ts'
import { addAttempt, commitSubmission, getAttempt } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { flushOutbox, queuedRow, type SenderOptions } from '../../../src/db/outbox.ts'
import type { Attempt, SavedResponse } from '../../../src/domain/types.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { submittedAttempt } from '../xapi/xapiFixtures.ts'
import { LRS_INSTALLED, startLrs, startProxy, type LrsProxy, type RunningLrs } from './lrsHarness.ts'

const inCi = process.env.CI === 'true'
if (!LRS_INSTALLED && !inCi) console.warn('Skipping the real-LRS tests: tests/lrs/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
const suite = LRS_INSTALLED || inCi ? describe : describe.skip

const AUTH = { key: 'debrief', secret: 'test-secret' }
const HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${AUTH.key}:${AUTH.secret}`).toString('base64')}` }

let lrs: RunningLrs
let proxy: LrsProxy
let clock = 0
let db: DebriefDb

function config(endpoint: string): LrsConfig {
  return { endpoint, homePage: 'https://lms.example.org/learners', activityBase: 'https://lms.example.org/debrief', auth: { type: 'basic', ...AUTH }, sendDisplayName: false, sendFreeText: false }
}

function sender(): SenderOptions {
  return { endpoint: proxy.endpoint, auth: AUTH, fetch: globalThis.fetch, now: () => clock, rng: () => 0.5 }
}

/** An attempt stored unsubmitted, then submitted with its statements through commitSubmission. */
async function submitWithStatements(): Promise<{ attempt: Attempt; ids: string[] }> {
  const { attempt: done, responses } = submittedAttempt()
  const attempt: Attempt = { ...done, id: randomUUID() }
  const saved: SavedResponse[] = responses.map((r) => ({ ...r, attemptId: attempt.id }))
  await addAttempt(db, { ...attempt, submittedAt: null, submitReason: null })
  const rows = outboxRows(attemptStatements(config(proxy.endpoint), { id: attempt.learnerId }, attempt, saved, randomUUID), clock)
  await commitSubmission(db, attempt, rows)
  return { attempt, ids: rows.map((r) => r.id) }
}

/** Every statement the LRS holds for a registration, following `more` links. */
async function stored(registration: string): Promise<{ id: string; [k: string]: unknown }[]> {
  const out: { id: string }[] = []
  let url: string | null = `${lrs.endpoint}/statements?registration=${registration}&limit=7`
  while (url !== null) {
    const r = await fetch(url, { headers: HEADERS })
    expect(r.status).toBe(200)
    const page = (await r.json()) as { statements: { id: string }[]; more?: string }
    out.push(...page.statements)
    url = page.more ? new URL(page.more, lrs.endpoint).href : null
  }
  return out
}

function countById(statements: readonly { id: string }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of statements) counts.set(s.id, (counts.get(s.id) ?? 0) + 1)
  return counts
}

suite('the outbox against a real LRS', () => {
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    lrs = await startLrs()
    proxy = await startProxy(lrs.endpoint)
  })
  afterAll(async () => {
    await proxy?.close()
    await lrs?.stop()
  })
  beforeEach(() => {
    db = new DebriefDb(uniqueName())
    proxy.rules = []
    proxy.posts = []
    clock = Date.UTC(2027, 0, 15, 9, 0, 0)
  })

  it('writes the statements with the submit, sends them, and the LRS holds each exactly once', async () => {
    const { attempt, ids } = await submitWithStatements()
    expect((await getAttempt(db, attempt.id))?.submittedAt).toBe(attempt.submittedAt)
    expect(await db.outbox.count()).toBe(ids.length)
    const result = await flushOutbox(db, sender())
    expect(result).toEqual({ sent: ids.length, paused: null, retrying: null })
    expect(await db.outbox.count()).toBe(0)
    const held = await stored(attempt.id)
    expect([...countById(held).entries()].sort()).toEqual(ids.map((id) => [id, 1]).sort())
    const verbs = held.map((s) => (s as unknown as { verb: { id: string } }).verb.id.split('/').pop())
    const count = (v: string) => verbs.filter((x) => x === v).length
    expect([count('initialized'), count('answered'), count('completed'), count('passed') + count('failed'), count('terminated')]).toEqual([1, attempt.slots.length, 1, 1, 1])
    // Stored as queued: the LRS's copy is the statement serialized at submit time.
    const row = JSON.parse(proxy.posts[0]!) as { id: string; result?: unknown; object: unknown }[]
    for (const sent of row) expect(held.find((s) => s.id === sent.id)).toMatchObject({ object: sent.object, ...(sent.result === undefined ? {} : { result: sent.result }) })
  })

  it('sends the same bytes again after a POST cut mid-batch (the LRS had it), and still holds each statement once', async () => {
    const { attempt, ids } = await submitWithStatements()
    proxy.rules = [{ kind: 'cut' }]
    const first = await flushOutbox(db, sender())
    expect(first.sent).toBe(0)
    expect(first.retrying).toMatch(/could not be reached/u)
    const waiting = await db.outbox.toArray()
    expect(waiting.map((r) => [r.state, r.attempts])).toEqual(ids.map(() => ['queued', 1]))
    expect(countById(await stored(attempt.id)).size).toBe(ids.length)
    // Not before its backoff: nothing is sent.
    expect((await flushOutbox(db, sender())).sent).toBe(0)
    clock = Math.max(...waiting.map((r) => r.nextTryAt))
    expect((await flushOutbox(db, sender())).sent).toBe(ids.length)
    expect(proxy.posts).toHaveLength(2)
    expect(proxy.posts[1]).toBe(proxy.posts[0])
    expect([...countById(await stored(attempt.id)).values()]).toEqual(ids.map(() => 1))
    expect(await db.outbox.count()).toBe(0)
  })

  it('isolates a statement the LRS holds with other content (409) for review and stores the rest', async () => {
    const { attempt, ids } = await submitWithStatements()
    const victim = (await db.outbox.get(ids[3]!))!
    const changed = JSON.parse(victim.body) as { result: { response?: string; score: { raw: number } } }
    changed.result.score.raw = 0
    changed.result.response = 'changed elsewhere'
    const direct = await fetch(`${lrs.endpoint}/statements`, { method: 'POST', headers: { ...HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify([changed]) })
    expect(direct.status).toBe(200)
    const result = await flushOutbox(db, sender())
    expect(result.sent).toBe(ids.length - 1)
    const left = await db.outbox.toArray()
    expect(left.map((r) => [r.id, r.state])).toEqual([[victim.id, 'review']])
    expect(left[0]!.lastError).toMatch(/409/u)
    const held = await stored(attempt.id)
    expect([...countById(held).values()]).toEqual(ids.map(() => 1))
    expect((held.find((s) => s.id === victim.id) as unknown as typeof changed).result.response).toBe('changed elsewhere')
    // Review rows are never retried.
    const posts = proxy.posts.length
    expect((await flushOutbox(db, sender())).sent).toBe(0)
    expect(proxy.posts).toHaveLength(posts)
  })

  it('quarantines a statement the LRS refuses (400) with the LRS\'s message, and stores the others', async () => {
    const { attempt, ids } = await submitWithStatements()
    const badId = randomUUID()
    const bad = { id: badId, actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org/learners', name: 'ana-01' } }, verb: { id: 'not an iri' }, object: { objectType: 'Activity', id: 'https://lms.example.org/x' }, context: { registration: attempt.id } }
    await db.outbox.add(queuedRow(badId, JSON.stringify(bad), clock + 1))
    const result = await flushOutbox(db, sender())
    expect(result.sent).toBe(ids.length)
    const left = await db.outbox.toArray()
    expect(left.map((r) => [r.id, r.state])).toEqual([[badId, 'quarantined']])
    expect(left[0]!.lastError).toMatch(/^The LRS refused this statement \(400\): .*verb/su)
    const held = await stored(attempt.id)
    expect(held.map((s) => s.id).sort()).toEqual([...ids].sort())
  })

  it('backs off on 503 and 429, pauses on 401, and then delivers everything once', async () => {
    const { attempt, ids } = await submitWithStatements()
    proxy.rules = [{ kind: 'answer', status: 503, body: 'busy' }]
    const busy = await flushOutbox(db, sender())
    expect(busy.retrying).toBe('The LRS answered 503: busy')
    const row = (await db.outbox.get(ids[0]!))!
    expect([row.state, row.attempts, row.nextTryAt > clock]).toEqual(['queued', 1, true])
    clock = row.nextTryAt
    proxy.rules = [{ kind: 'answer', status: 401, body: 'no' }]
    const refused = await flushOutbox(db, sender())
    expect(refused.paused).toMatch(/refused Debrief's key \(401\)/u)
    expect(await db.outbox.where('state').equals('queued').count()).toBe(ids.length)
    proxy.rules = [{ kind: 'answer', status: 429 }]
    expect((await flushOutbox(db, sender())).retrying).toBe('The LRS answered 429')
    clock = Math.max(...(await db.outbox.toArray()).map((r) => r.nextTryAt))
    expect((await flushOutbox(db, sender())).sent).toBe(ids.length)
    expect([...countById(await stored(attempt.id)).values()]).toEqual(ids.map(() => 1))
  })

  it('sends at once the rows a dead sender left "sending" when the flush holds the Web Lock, however young', async () => {
    const { attempt, ids } = await submitWithStatements()
    // Left by a tab killed a millisecond ago, mid-POST: under the lock no live sender owns them.
    await db.outbox.toCollection().modify((r) => { Object.assign(r, { state: 'sending', sendingSince: clock - 1 }) })
    expect(await flushOutbox(db, { ...sender(), holdsLock: true })).toEqual({ sent: ids.length, paused: null, retrying: null })
    expect(await db.outbox.count()).toBe(0)
    expect([...countById(await stored(attempt.id)).values()]).toEqual(ids.map(() => 1))
  })

  it('without the Web Lock, sends rows left "sending" only once they are a minute old (another tab may own younger ones)', async () => {
    const { attempt, ids } = await submitWithStatements()
    await db.outbox.toCollection().modify((r) => { Object.assign(r, { state: 'sending', sendingSince: clock - 30_000 }) })
    expect((await flushOutbox(db, sender())).sent).toBe(0)
    expect(proxy.posts).toHaveLength(0)
    clock += 30_000
    expect((await flushOutbox(db, sender())).sent).toBe(ids.length)
    expect([...countById(await stored(attempt.id)).values()]).toEqual(ids.map(() => 1))
  })

  it('sends a backlog larger than a batch oldest first (ties by id), 50 statements a POST, each once', async () => {
    // Four attempts queued at the same instant: their rows' queuedAt values tie across attempts.
    const submitted = [await submitWithStatements(), await submitWithStatements(), await submitWithStatements(), await submitWithStatements()]
    const rows = await db.outbox.toArray()
    expect(rows.length).toBeGreaterThan(50)
    const order = rows.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1)).map((r) => r.id)
    expect((await flushOutbox(db, sender())).sent).toBe(rows.length)
    const sent = proxy.posts.map((p) => (JSON.parse(p) as { id: string }[]).map((s) => s.id))
    expect(sent.map((ids) => ids.length)).toEqual([50, rows.length - 50])
    expect(sent.flat()).toEqual(order)
    for (const { attempt, ids } of submitted) expect([...countById(await stored(attempt.id)).values()]).toEqual(ids.map(() => 1))
  })

  it('splits a batch the LRS finds too large (413) and sends the halves', async () => {
    const { attempt, ids } = await submitWithStatements()
    proxy.rules = [{ kind: 'answer', status: 413 }]
    expect((await flushOutbox(db, sender())).sent).toBe(ids.length)
    expect(proxy.posts.map((p) => (JSON.parse(p) as unknown[]).length)).toEqual([ids.length, Math.ceil(ids.length / 2), Math.floor(ids.length / 2)])
    expect([...countById(await stored(attempt.id)).values()]).toEqual(ids.map(() => 1))
  })
})
