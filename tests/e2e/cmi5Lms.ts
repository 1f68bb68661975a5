/**
 * A small cmi5 LMS for the browser tests, on 127.0.0.1 (port 0), in front of the real LRS
 * (tests/unit/lrs/lrsHarness.ts): it makes launch URLs (cmi5 §8.1) with a one-time `fetch` URL
 * that answers an auth-token once and the spec's error JSON after (§8.2), serves the
 * `LMS.LaunchData` State document and a learner-preferences profile (the test LRS has no State or
 * Agent Profile API), and passes `statements` to the LRS only for a token it gave out and has not
 * expired (then with the LRS's own key). The AU (the built cmi5 package) is served from another
 * server, under a sub-path, so every xAPI request crosses origins and goes through CORS as with a
 * real LMS. Also: buildCmi5Package (vite build with DEBRIEF_LMS=cmi5 into a temp folder).
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { build } from 'vite'

export const LRS_KEY = { key: 'debrief', secret: 'e2e-secret' }
export const ACTIVITY_ID = 'https://lms.test/activities/au/debrief-quiz-l1'
export const PUBLISHER_ID = 'https://debrief.example.org/cmi5/nk-troops-ukraine/quiz-l1'
export const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid'
export const LMS_EXTENSION = 'https://lms.test/extensions/cohort'

/** Builds the cmi5 package of quiz-l1 into a new temp folder (NODE_ENV as npm run build has it). */
export async function buildCmi5Package(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'debrief-cmi5-au-'))
  const env = { DEBRIEF_LMS: 'cmi5', DEBRIEF_LMS_COURSE: 'nk-troops-ukraine', DEBRIEF_LMS_BLUEPRINT: 'quiz-l1', DEBRIEF_OUT_DIR: out, NODE_ENV: 'production' }
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { emptyOutDir: true } })
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  if (!existsSync(join(out, 'index.html'))) throw new Error(`The cmi5 build wrote no index.html in ${out}.`)
  return out
}

export interface LaunchOptions {
  registration: string
  actor: { objectType: 'Agent'; name?: string; account: { homePage: string; name: string } }
  launchMode?: 'Normal' | 'Browse' | 'Review'
  masteryScore?: number
  returnURL?: string
  /** What the fetch URL answers instead of a token (the spec's error JSON). */
  fetchError?: { 'error-code': string; 'error-text': string }
}

export interface Launch {
  url: string
  sessionId: string
  token: string
}

export interface Cmi5Lms {
  /** The LMS's xAPI endpoint (State and profiles here; statements passed to the LRS). */
  endpoint: string
  origin: string
  /** Every request the LMS saw, as "METHOD /path" (no query). */
  requests: string[]
  launch(options: LaunchOptions): Launch
  /** The token stops working (the LMS's session expired): statements get 401. */
  expire(token: string): void
  close(): Promise<void>
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json' }

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Serves `dir` under /au/ (the LMS's unpacked package). */
export async function serveAu(dir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(dir, path.replace(/^\/au\//u, '/')))
    if (!path.startsWith('/au/') || !file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end('Not found')
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  const origin = await listen(server)
  return { base: `${origin}/au/`, close: () => stop(server) }
}

interface Session {
  options: LaunchOptions
  sessionId: string
  fetchUsed: boolean
  expired: boolean
}

/** Starts the LMS in front of `lrsEndpoint`; `auBase` is where its package lives. */
export async function startCmi5Lms(lrsEndpoint: string, auBase: string): Promise<Cmi5Lms> {
  const lrs = new URL(lrsEndpoint)
  const lrsAuth = `Basic ${Buffer.from(`${LRS_KEY.key}:${LRS_KEY.secret}`).toString('base64')}`
  const sessions = new Map<string, Session>()
  const byFetchKey = new Map<string, string>()
  const requests: string[] = []
  const cors = (req: IncomingMessage) => ({ 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version', 'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS', Vary: 'Origin' })
  const json = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json', ...cors(req) }).end(JSON.stringify(body))
  const sessionOf = (req: IncomingMessage): Session | undefined => {
    const token = /^Basic (.+)$/u.exec(req.headers.authorization ?? '')?.[1]
    const session = token === undefined ? undefined : sessions.get(token)
    return session?.expired === false ? session : undefined
  }
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const { origin: _origin, referer: _referer, ...headers } = req.headers
    const out = request({ host: lrs.hostname, port: lrs.port, method: req.method, path: `${lrs.pathname}${(req.url ?? '').replace(/^\/xapi/u, '')}`, headers: { ...headers, host: lrs.host, authorization: lrsAuth } }, (answer) => {
      void readBody(answer).then((b) => res.writeHead(answer.statusCode ?? 502, { 'Content-Type': answer.headers['content-type'] ?? 'application/json', ...cors(req) }).end(b))
    })
    out.on('error', () => res.socket?.destroy())
    out.end(body)
  }
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x')
      requests.push(`${req.method} ${url.pathname}`)
      const body = await readBody(req)
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors(req)).end()
      if (url.pathname === '/player') {
        // The LMS's own page with the AU in a frame (launchMethod AnyWindow), as most LMSs show it.
        const au = (url.searchParams.get('au') ?? '').replace(/[&"<>]/gu, (c) => `&#${c.charCodeAt(0)};`)
        return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Course player</title><h1>Course player</h1><iframe id="au" title="Course unit" src="${au}" style="width:100%;height:800px"></iframe>`)
      }
      if (url.pathname === '/return') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Course page</title><h1>Back in the LMS</h1>')
      if (url.pathname.startsWith('/fetch/') && req.method === 'POST') {
        const token = byFetchKey.get(url.pathname.slice('/fetch/'.length))
        const session = token === undefined ? undefined : sessions.get(token)
        if (session === undefined || token === undefined) return json(req, res, 200, { 'error-code': '2', 'error-text': 'Unknown launch.' })
        if (session.options.fetchError) return json(req, res, 200, session.options.fetchError)
        if (session.fetchUsed) return json(req, res, 200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' })
        session.fetchUsed = true
        return json(req, res, 200, { 'auth-token': token })
      }
      if (!url.pathname.startsWith('/xapi/')) return void res.writeHead(404, cors(req)).end()
      const session = sessionOf(req)
      if (session === undefined) return json(req, res, 401, { message: 'This token is not valid (expired or never given).' })
      if (url.pathname === '/xapi/activities/state' && req.method === 'GET') {
        const { options } = session
        const agent = JSON.parse(url.searchParams.get('agent') ?? 'null') as LaunchOptions['actor'] | null
        const matches = url.searchParams.get('stateId') === 'LMS.LaunchData' && url.searchParams.get('activityId') === ACTIVITY_ID && url.searchParams.get('registration') === options.registration && agent?.account?.name === options.actor.account.name
        if (!matches) return json(req, res, 404, { message: 'No such state document.' })
        return json(req, res, 200, {
          contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER_ID }] }, extensions: { [SESSION_EXTENSION]: session.sessionId, [LMS_EXTENSION]: 'spring-2027' } },
          launchMode: options.launchMode ?? 'Normal',
          moveOn: 'CompletedAndPassed',
          ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
          ...(options.returnURL !== undefined ? { returnURL: options.returnURL } : {}),
        })
      }
      if (url.pathname === '/xapi/agents/profile' && req.method === 'GET') return json(req, res, 200, { languagePreference: 'en-GB,fr-FR', audioPreference: 'off' })
      if (url.pathname === '/xapi/statements') return forward(req, res, body)
      return json(req, res, 404, { message: 'Not part of this LMS.' })
    })().catch(() => res.socket?.destroy())
  })
  const origin = await listen(server)
  const endpoint = `${origin}/xapi/`
  return {
    endpoint,
    origin,
    requests,
    launch(options) {
      const token = Buffer.from(`lms-session:${randomUUID()}`).toString('base64')
      const fetchKey = randomUUID()
      const sessionId = randomUUID()
      sessions.set(token, { options, sessionId, fetchUsed: false, expired: false })
      byFetchKey.set(fetchKey, token)
      const query = new URLSearchParams({ endpoint, fetch: `${origin}/fetch/${fetchKey}`, actor: JSON.stringify(options.actor), registration: options.registration, activityId: ACTIVITY_ID })
      return { url: `${auBase}index.html?${query.toString()}`, sessionId, token }
    },
    expire(token) {
      const session = sessions.get(token)
      if (session) session.expired = true
    },
    close: () => stop(server),
  }
}
