/**
 * The built app in Chromium against a real LRS (tests/unit/lrs/lrsHarness.ts: Learning Locker's
 * statements service in memory on 127.0.0.1, behind the loopback proxy). Each test file starts its
 * own LRS, proxy and app server, and stops them after its tests.
 *
 * The app server is a second `vite preview` of the same dist/ whose `debrief.config.json` names the
 * proxy as the LRS (a middleware answers that one file, as a deployment's own file would be; the
 * service worker precaches it like any other). The page and the LRS are on different origins
 * (ports), so every POST goes through the browser's CORS preflight to the real LRS.
 *
 * Without tests/lrs/node_modules these files are skipped with a message, unless CI=true: then they fail.
 */
import type { Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, onTestFailed } from 'vitest'
import { LRS_INSTALLED, startLrs, startProxy, type LrsProxy, type RunningLrs } from '../unit/lrs/lrsHarness.ts'
import { answerAndWaitSaved } from './learnerActions.ts'
import { attemptIdOf, readStores } from './persistent.ts'

const inCi = process.env.CI === 'true'
if (!LRS_INSTALLED && !inCi) console.warn('Skipping the browser tests against a real LRS: tests/lrs/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
/** `describe`, or `describe.skip` when the test LRS is not installed and CI is not true. */
export const lrsSuite = LRS_INSTALLED || inCi ? describe : describe.skip

export const AUTH = { key: 'debrief', secret: 'e2e-secret' }
const HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${AUTH.key}:${AUTH.secret}`).toString('base64')}` }

/** A statement as the LRS gives it back (with its own `stored`, `authority`, `version`). */
export interface HeldStatement {
  id: string
  verb: { id: string }
  [key: string]: unknown
}

/** An outbox row as IndexedDB holds it. */
export interface OutboxRow {
  id: string
  body: string
  queuedAt: number
  state: 'queued' | 'sending' | 'review' | 'quarantined'
  lastError: string | null
  sendingSince?: number
}

export interface LrsApp {
  /** The LRS itself (for reading what it holds, or posting to it directly). */
  lrs: RunningLrs
  /** The proxy the app sends to (its endpoint is the one in debrief.config.json). */
  proxy: LrsProxy
  /** The app's origin, e.g. http://127.0.0.1:41234. */
  baseUrl: string
}

function previewUrl(server: PreviewServer): string {
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server did not start on a TCP port.')
  return `http://127.0.0.1:${address.port}`
}

/** What a test file may choose of the `lrs` section of `debrief.config.json` (both false unless given). */
export interface LrsAppOptions {
  sendDisplayName?: boolean
  sendFreeText?: boolean
}

/** The built app served with a `debrief.config.json` that names `endpoint` as the LRS. */
async function serveAppWithLrs(endpoint: string, options: LrsAppOptions): Promise<PreviewServer> {
  const { sendDisplayName = false, sendFreeText } = options
  const lrs = { endpoint, homePage: 'https://lms.example.org/learners', auth: { type: 'basic', ...AUTH }, sendDisplayName, ...(sendFreeText !== undefined ? { sendFreeText } : {}) }
  const file = JSON.stringify({ lrs })
  return preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: 'dist' },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    plugins: [
      {
        name: 'debrief-e2e-lrs-config',
        configurePreviewServer(server) {
          server.middlewares.use((req, res, next) => {
            // The service worker's precache asks for it with a ?__WB_REVISION__ query.
            if (req.url?.split('?')[0] !== '/debrief.config.json') return next()
            res.setHeader('Content-Type', 'application/json')
            res.end(file)
          })
        },
      },
    ],
  })
}

/** Starts the LRS, the proxy and the app before the file's tests; stops them after. */
export function useLrsApp(options: LrsAppOptions = {}): () => LrsApp {
  let app: LrsApp | undefined
  let server: PreviewServer | undefined
  let lrs: RunningLrs | undefined
  let proxy: LrsProxy | undefined
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    lrs = await startLrs()
    proxy = await startProxy(lrs.endpoint)
    server = await serveAppWithLrs(proxy.endpoint, options)
    app = { lrs, proxy, baseUrl: previewUrl(server) }
  })
  afterAll(async () => {
    await server?.close()
    await proxy?.close()
    await lrs?.stop()
  })
  return () => {
    if (!app) throw new Error('The test LRS is not running: call useLrsApp() at the top of the test file.')
    return app
  }
}

/** Every statement the LRS holds for a registration (an attempt id), following `more` links. */
export async function lrsStatements(lrs: RunningLrs, registration: string): Promise<HeldStatement[]> {
  const out: HeldStatement[] = []
  let url: string | null = `${lrs.endpoint}/statements?registration=${registration}&limit=20`
  while (url !== null) {
    const r = await fetch(url, { headers: HEADERS })
    if (r.status !== 200) throw new Error(`The LRS answered ${r.status} to GET ${url}: ${await r.text()}`)
    const page = (await r.json()) as { statements: HeldStatement[]; more?: string }
    out.push(...page.statements)
    url = page.more ? new URL(page.more, lrs.endpoint).href : null
  }
  return out
}

/** POSTs statements straight to the LRS (not through the proxy); returns the status. */
export async function postToLrs(lrs: RunningLrs, statements: readonly unknown[]): Promise<number> {
  const r = await fetch(`${lrs.endpoint}/statements`, { method: 'POST', headers: { ...HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(statements) })
  await r.text()
  return r.status
}

/** The outbox's rows, read from the page's IndexedDB (not through the app), in sending order. */
export async function outboxOf(page: Page): Promise<OutboxRow[]> {
  const rows = (await readStores(page, ['outbox'])).outbox as OutboxRow[]
  return rows.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1))
}

/** The last word of each verb IRI, counted: { answered: 7, completed: 1, … }. */
export function verbCounts(statements: readonly { verb: { id: string } }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const s of statements) {
    const verb = s.verb.id.split('/').pop()!
    counts[verb] = (counts[verb] ?? 0) + 1
  }
  return counts
}

/** How many times each id occurs. */
export function idCounts(statements: readonly { id: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const s of statements) counts[s.id] = (counts[s.id] ?? 0) + 1
  return counts
}

/** Each id once: the map every "exactly once" check expects. */
export function once(ids: readonly string[]): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, 1]))
}

/**
 * Checks that the LRS holds each row's statement as the device serialized it: the LRS adds only
 * its own `stored`, `authority` and `version`; every field the device sent comes back unchanged.
 */
export function expectSameStatements(held: readonly HeldStatement[], rows: readonly OutboxRow[]): void {
  expect(held.map((s) => s.id).sort()).toEqual(rows.map((r) => r.id).sort())
  for (const row of rows) {
    const sent = JSON.parse(row.body) as Record<string, unknown>
    const { stored, authority, version, ...rest } = held.find((s) => s.id === row.id)! as Record<string, unknown>
    expect([typeof stored, typeof authority, typeof version]).toEqual(['string', 'object', 'string'])
    expect({ ...rest, ...('version' in sent ? { version } : {}) }).toEqual(sent)
  }
}

/**
 * Waits until `read()` gives a value `done` accepts, reading again every 50 ms: a condition, not
 * a sleep. Bounded only by the test's own timeout; on failure the last value read is printed.
 */
export async function waitUntil<T>(label: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let last: T | undefined
  let waiting = true
  onTestFailed(() => {
    if (waiting) console.log(`Still waiting for ${label}: last read ${JSON.stringify(last)?.slice(0, 2_000)}`)
  })
  for (;;) {
    last = await read()
    if (done(last)) {
      waiting = false
      return last
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * From the course's home page, opens quiz-l1 (7 questions) by its link, answers every question
 * and submits; returns the attempt's id. All in the page, never a reload: a reload would end a
 * send in progress, which the crash test must not do before it kills the browser.
 */
export async function sitQuiz(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Quiz: The event and why it matters' }).click()
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor()
  const total = 7
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor()
    await answerAndWaitSaved(page)
    if (n < total) await page.getByRole('button', { name: 'Next', exact: true }).click()
  }
  await page.getByRole('button', { name: 'Finish and submit…' }).click()
  await page.getByRole('button', { name: 'Submit now' }).click()
  await page.waitForURL(/\/result$/)
  await page.locator('.result-summary__percent').waitFor()
  return attemptIdOf(new URL(page.url()).pathname)
}

/** A new learner on the page: the start page, a name, the course's home page with its lessons. */
export async function createLearner(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/`)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Start learning' }).click()
  await page.getByRole('heading', { name: 'Lessons' }).waitFor()
}
