/**
 * connectCmi5Session against a scripted LMS (fetch answered in memory, IndexedDB from
 * fake-indexeddb): what a reload keeps, what an Exit ends, what a page that went away leaves for
 * the next launch. The real LRS and browser are in tests/e2e/cmi5.test.ts.
 */
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { connectCmi5Session } from '../../../src/app/lms/cmi5/connect.ts'
import { LaunchStore } from '../../../src/app/lms/cmi5/launchStore.ts'
import type { Cmi5Deps } from '../../../src/app/lms/cmi5/session.ts'
import { LmsConnectError } from '../../../src/app/lms/session.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { addAttempt } from '../../../src/db/attempts.ts'
import { queueRows, type ScopedOutboxRecord } from '../../../src/db/outbox.ts'
import { saveSealedItems } from '../../../src/db/sealedItems.ts'
import { publicItem } from '../../../src/domain/sealed.ts'
import type { VersionedItem } from '../../../src/domain/types.ts'
import { SESSION_ID_EXTENSION } from '../../../src/domain/lms/cmi5LaunchData.ts'
import { uniqueName } from '../db/upgradeHarness.ts'
import { ITEMS, T0, counterIds, submittedAttempt } from '../xapi/xapiFixtures.ts'

const TARGET = { kind: 'cmi5' as const, courseId: 'nk-troops-ukraine', blueprintId: 'quiz-l1' }
const REGISTRATION = '760e3480-ba55-4991-94b0-01820dbd23a2'
const ACTOR = { objectType: 'Agent', name: 'Ana Silva', account: { homePage: 'https://lms.example.org', name: 'ana-01' } }

function search(fetchUrl: string): string {
  return `?${new URLSearchParams({ endpoint: 'https://lms.example.org/lrs', fetch: fetchUrl, actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: 'https://lms.example.org/au/42' }).toString()}`
}

/** Storage in memory; `broken` makes every call throw (blocked storage). */
function memoryStorage(broken = false): Storage {
  const map = new Map<string, string>()
  const fail = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  }
  return {
    get length() {
      return map.size
    },
    clear: () => (broken ? fail() : map.clear()),
    getItem: (k) => (broken ? fail() : (map.get(k) ?? null)),
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => (broken ? fail() : void map.delete(k)),
    setItem: (k, v) => (broken ? fail() : void map.set(k, v)),
  }
}

/** A scripted LMS: one token per fetch URL, once; the session id changes with each fetch URL. */
function lms() {
  const calls: string[] = []
  const posted: string[] = []
  const used = new Set<string>()
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input))
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    if (url.pathname.startsWith('/fetch/')) {
      if (used.has(url.pathname)) return json(200, { 'error-code': '1', 'error-text': 'Already returned.' })
      used.add(url.pathname)
      return json(200, { 'auth-token': 'dG9rZW4=' })
    }
    if (url.pathname.endsWith('/activities/state')) return json(200, { contextTemplate: { extensions: { [SESSION_ID_EXTENSION]: 'session-1' } }, launchMode: 'Normal', moveOn: 'Completed' })
    if (url.pathname.endsWith('/agents/profile')) return json(404, {})
    if (url.pathname.endsWith('/statements') && init?.method === 'POST') {
      posted.push(...(JSON.parse(String(init.body)) as { verb: { display: { 'en-US': string } } }[]).map((st) => st.verb.display['en-US']))
      return new Response(null, { status: 204 })
    }
    if (url.pathname.endsWith('/statements')) return json(200, { statements: [] })
    return json(404, {})
  }) as typeof fetch
  return { calls, posted, fetchFn }
}

let db: DebriefDb
beforeEach(() => {
  db = new DebriefDb(uniqueName())
})

function deps(fetchFn: typeof fetch, store: LaunchStore, at = 1_000_000): Cmi5Deps {
  return { db, fetch: fetchFn, store, locks: null, now: () => at, newId: counterIds(), rng: () => 0 }
}

const verbs = (rows: readonly { body: string }[]) => rows.map((r) => (JSON.parse(r.body) as { verb: { display: { 'en-US': string } } }).verb.display['en-US'])

describe('connectCmi5Session', () => {
  it('sends initialized once; a reload reuses the token and carries on the session', async () => {
    const { calls, fetchFn } = lms()
    const store = new LaunchStore(memoryStorage(), memoryStorage())
    const first = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/a'), deps(fetchFn, store))
    const again = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/a'), deps(fetchFn, store, 2_000_000))
    expect(calls.filter((c) => c.startsWith('POST /fetch/'))).toHaveLength(1)
    expect(calls.filter((c) => c === 'POST /lrs/statements')).toHaveLength(1)
    expect(again.history).toEqual(first.history)
    expect(again.learner).toEqual({ id: 'ana-01', name: 'Ana Silva' })
  })

  it('a launch whose fetch URL was already used, with nothing kept in the tab, stops with the LMS\'s words and the learner', async () => {
    const { fetchFn } = lms()
    await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/b'), deps(fetchFn, new LaunchStore(memoryStorage(), memoryStorage())))
    const error = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/b'), deps(fetchFn, new LaunchStore(memoryStorage(), memoryStorage()))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LmsConnectError)
    expect((error as LmsConnectError).problem).toEqual({ message: expect.stringContaining('already used or has expired') as string, detail: 'cmi5 fetch error 1: Already returned.' })
    expect((error as LmsConnectError).learner).toEqual({ id: 'ana-01', name: 'Ana Silva' })
  })

  it('after Exit, a reload of that launch is over: the learner is told to open the course again', async () => {
    const { fetchFn } = lms()
    const store = new LaunchStore(memoryStorage(), memoryStorage())
    const session = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/c'), deps(fetchFn, store))
    expect(await session.finish()).toBeUndefined()
    const error = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/c'), deps(fetchFn, store)).catch((e: unknown) => e)
    expect((error as LmsConnectError).problem.message).toContain('This visit to the course has ended')
  })

  it('a page that went away leaves terminated; the next launch queues it before its own initialized', async () => {
    const { fetchFn } = lms()
    const shared = memoryStorage()
    const offline = (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch
    const session = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/d'), deps(fetchFn, new LaunchStore(memoryStorage(), shared)))
    session.leave()
    const store = new LaunchStore(memoryStorage(), shared)
    expect(store.ending(REGISTRATION)).toBeDefined()
    // The next launch, in another tab, cannot send yet: both wait in the outbox, in order.
    const withoutStatements = (async (input: RequestInfo | URL, init?: RequestInit) => (String(input).endsWith('/statements') && init?.method === 'POST' ? offline(input, init) : fetchFn(input, init))) as typeof fetch
    await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/e'), deps(withoutStatements, store, 3_000_000))
    const rows = ((await db.outbox.toArray()) as ScopedOutboxRecord[]).sort((a, b) => a.queuedAt - b.queuedAt)
    expect(verbs(rows)).toEqual(['terminated', 'initialized'])
    expect(rows.every((r) => r.registration === REGISTRATION)).toBe(true)
    expect(store.ending(REGISTRATION)).toBeUndefined()
  })

  it('works when the browser blocks sessionStorage and localStorage (a reload then fetches again)', async () => {
    const { calls, fetchFn } = lms()
    const session = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/f'), deps(fetchFn, new LaunchStore(memoryStorage(true), memoryStorage(true))))
    expect(session.history.session).toEqual(['initialized'])
    expect(calls).toContain('POST /lrs/statements')
  })

  describe('a failed attempt', () => {
    // quiz-l1's attempt over the fixture items, nothing waiting for an instructor, answered badly enough to fail 0.99.
    const closed = ITEMS.filter((i) => i.type !== 'freetext')
    const { attempt, responses } = submittedAttempt(closed)
    const failing = { ...attempt, courseId: 'nk-troops-ukraine', sourceId: 'quiz-l1' }
    const lmsWithMastery = () => {
      const scripted = lms()
      const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!String(input).includes('/activities/state')) return scripted.fetchFn(input, init)
        return new Response(JSON.stringify({ contextTemplate: { extensions: { [SESSION_ID_EXTENSION]: 'session-1' } }, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.99 }), { status: 200 })
      }) as typeof fetch
      return { ...scripted, fetchFn }
    }

    it('holds failed back and sends it at Exit, just before terminated', async () => {
      const { posted, fetchFn } = lmsWithMastery()
      const session = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/g'), deps(fetchFn, new LaunchStore(memoryStorage(), memoryStorage())))
      const rows = session.planSubmit(failing, responses)
      expect(verbs(rows)).toEqual([...closed.map(() => 'answered'), 'completed'])
      await queueRows(db, rows)
      await session.report({ type: 'submitted', attempt: failing, responses })
      expect(posted).not.toContain('failed')
      await session.finish()
      expect(posted.slice(-2)).toEqual(['failed', 'terminated'])
    })

    it('leaving without Exit keeps failed with terminated; the next launch queues both before its initialized', async () => {
      const { fetchFn } = lmsWithMastery()
      const shared = memoryStorage()
      const session = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/h'), deps(fetchFn, new LaunchStore(memoryStorage(), shared)))
      await queueRows(db, session.planSubmit(failing, responses))
      await session.report({ type: 'submitted', attempt: failing, responses })
      session.leave()
      await db.outbox.clear()
      const offline = (async (input: RequestInfo | URL, init?: RequestInit) => (String(input).endsWith('/statements') && init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : fetchFn(input, init))) as typeof fetch
      await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/i'), deps(offline, new LaunchStore(memoryStorage(), shared), 3_000_000))
      const queued = ((await db.outbox.toArray()) as ScopedOutboxRecord[]).sort((a, b) => a.queuedAt - b.queuedAt)
      expect(verbs(queued)).toEqual(['failed', 'terminated', 'initialized'])
    })
  })

  describe('a sealed attempt', () => {
    // Stored as the learner's device keeps it: stubs only, so the submit can send completed alone.
    const closed = ITEMS.filter((i) => i.type !== 'freetext')
    const { attempt, responses } = submittedAttempt(closed)
    const stubs = closed.map((i) => publicItem(i) as unknown as VersionedItem)
    const sealed = { ...attempt, courseId: 'nk-troops-ukraine', sourceId: 'quiz-l1', learnerId: 'profile-ana', snapshots: Object.fromEntries(stubs.map((i) => [i.version, i])) }
    const withMastery = () => {
      const scripted = lms()
      const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!String(input).includes('/activities/state')) return scripted.fetchFn(input, init)
        return new Response(JSON.stringify({ contextTemplate: { extensions: { [SESSION_ID_EXTENSION]: 'session-1' } }, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.99 }), { status: 200 })
      }) as typeof fetch
      return { ...scripted, fetchFn }
    }

    it('sends completed at submit, then answered and failed once a release code opens its items', async () => {
      const { posted, fetchFn } = withMastery()
      const session = await connectCmi5Session(TARGET, search('https://lms.example.org/fetch/s'), deps(fetchFn, new LaunchStore(memoryStorage(), memoryStorage())))
      expect(await session.resume('profile-ana')).toBeUndefined()
      await addAttempt(db, sealed)
      await db.responses.bulkPut(responses)
      const rows = session.planSubmit(sealed, responses)
      expect(verbs(rows)).toEqual(['completed'])
      await queueRows(db, rows)
      await session.report({ type: 'submitted', attempt: sealed, responses })
      expect(posted).toEqual(['initialized', 'completed'])

      await saveSealedItems(db, { courseId: 'nk-troops-ukraine', items: closed, via: 'release-code', openedAt: T0 + 3_600_000 })
      await session.report({ type: 'released', courseId: 'nk-troops-ukraine' })
      // Graded now: one answered per item; completed is not sent twice; failed waits for the session's end.
      expect(posted.slice(2)).toEqual(closed.map(() => 'answered'))
      await session.finish()
      expect(posted.slice(-2)).toEqual(['failed', 'terminated'])
    })
  })
})
