/**
 * Fetching from a hostile or broken LRS (a loopback server that answers as told): every way it
 * can go wrong is a clear error and nothing is written; cancelling stops it. Paging, and the
 * headers Debrief sends, are checked here too (the real LRS's paging: lrsView.test.ts).
 */
import 'fake-indexeddb/auto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { LrsFetchError, fetchCourseStatements, type LrsFetchOptions } from '../../../src/db/lrsFetch.ts'
import { loadFromLrs } from '../../../src/db/lrsImport.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
let server: Server
let endpoint = ''
let handler: Handler
const requests: IncomingMessage[] = []

const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
const statement = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'x' } })

function options(extra: Partial<LrsFetchOptions> = {}): LrsFetchOptions {
  return { endpoint, auth: { key: 'debrief', secret: 's3cret' }, fetch: globalThis.fetch, activity: 'https://lms.example.org/debrief/courses/c1', ...extra }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req)
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  requests.length = 0
})

/** Three pages of two statements, linked by relative `more` links. */
function pages(): Handler {
  return (req, res) => {
    const page = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? 0)
    json(res, { statements: [statement(page * 2), statement(page * 2 + 1)], more: page < 2 ? `/xapi/statements?page=${page + 1}` : '' })
  }
}

describe('fetchCourseStatements', () => {
  it('asks for the course\'s statements with the version header and Basic auth, and follows "more" to the end', async () => {
    handler = pages()
    const progress: number[][] = []
    const got = await fetchCourseStatements(options({ limit: 2, onPage: (p) => void progress.push([p.statements, p.pages]) }))
    expect(got.statements).toBe(6)
    expect(got.pages).toBe(3)
    expect(progress).toEqual([[2, 1], [4, 2], [6, 3]])
    const first = new URL(requests[0]!.url!, 'http://x')
    expect(first.pathname).toBe('/xapi/statements')
    expect(Object.fromEntries(first.searchParams)).toEqual({ activity: 'https://lms.example.org/debrief/courses/c1', related_activities: 'true', limit: '2', format: 'exact' })
    expect(requests[0]!.headers['x-experience-api-version']).toBe('1.0.3')
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('debrief:s3cret').toString('base64')}`)
  })

  it.each<[string, Handler, RegExp]>([
    ['a 401', (_q, res) => res.writeHead(401).end('no'), /^The LRS refused Debrief's key \(401\): check the LRS key and secret/u],
    ['a 500', (_q, res) => res.writeHead(500).end('database down'), /^The LRS answered 500: database down\. Try again later/u],
    ['a page that is not JSON', (_q, res) => res.writeHead(200).end('<html>login</html>'), /^Page 1 from the LRS is not JSON \(it begins "<html>login<\/html>"\)/u],
    ['JSON that is not a statement result', (_q, res) => json(res, { rows: [] }), /^Page 1 from the LRS is not a list of statements/u],
    ['a "more" loop', (_q, res) => json(res, { statements: [statement(1)], more: '/xapi/statements?again=1' }), /^The LRS's "more" link on page 2 leads back to a page already read/u],
    ['a "more" link to another server', (_q, res) => json(res, { statements: [], more: 'https://evil.example.org/steal' }), /points to another server \(https:\/\/evil\.example\.org\)/u],
    ['a page far too large', (_q, res) => res.writeHead(200).end(`{"statements":[${'"x",'.repeat(300_000)}"x"]}`), /^Page 1 from the LRS is larger than 1 MB/u],
  ])('refuses %s with a clear error, writing nothing', async (_what, h, message) => {
    handler = h
    const db = new DebriefDb(uniqueName())
    const input = { settings: { activityBase: 'https://lms.example.org/debrief', homePage: 'https://lms.example.org/learners' }, course: { id: 'c1', blueprints: [], items: new Map(), manifest: {} } as never, now: 0, sha256: async () => '' }
    const error = await loadFromLrs(db, options({ maxPageBytes: 1024 * 1024 }), input).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LrsFetchError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toMatch(/Nothing was loaded or changed\.$/u)
    expect([await db.attempts.count(), await db.learners.count(), await db.importFlags.count()]).toEqual([0, 0, 0])
  })

  it('stops after maxPages and after maxStatements', async () => {
    handler = (_req, res) => json(res, { statements: [statement(1), statement(2)], more: `/xapi/statements?n=${requests.length}` })
    await expect(fetchCourseStatements(options({ maxPages: 5 }))).rejects.toThrow(/more than 5 pages/u)
    expect(requests).toHaveLength(5)
    await expect(fetchCourseStatements(options({ maxStatements: 7 }))).rejects.toThrow(/more than 7 statements/u)
  })

  it('says when the LRS cannot be reached', async () => {
    await expect(fetchCourseStatements(options({ endpoint: 'http://127.0.0.1:1/xapi' }))).rejects.toThrow(/^The LRS could not be reached/u)
  })

  it('cancels between pages when the signal aborts', async () => {
    handler = pages()
    const controller = new AbortController()
    const run = fetchCourseStatements(options({ signal: controller.signal, onPage: () => controller.abort() }))
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(requests).toHaveLength(1)
  })
})
