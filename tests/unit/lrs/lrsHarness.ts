/**
 * A real LRS for the tests: Learning Locker's statements service (tests/lrs, GPL-3.0, never in
 * the app), in memory, on 127.0.0.1 at a free port (tests/lrs/loopback.cjs keeps it off other
 * interfaces), and a loopback proxy in front of it that can answer a status itself, cut a POST
 * after the LRS has it (the browser's fetch then fails, as when the network drops), or hold a POST
 * the LRS has stored without ever answering (a tab killed mid-send). The proxy passes every other
 * request (GET, the browser's CORS preflight OPTIONS) and the LRS's CORS headers through, and adds
 * the same CORS headers to the answers it makes itself, so a page on another origin reads them.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const LRS_DIR = join(import.meta.dirname, '../../lrs')
export const LRS_MAIN = join(LRS_DIR, 'node_modules/xapi-statements/dist/index.js')
export const LRS_INSTALLED = existsSync(LRS_MAIN)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export interface RunningLrs {
  /** The LRS's own xAPI endpoint. */
  endpoint: string
  stop: () => Promise<void>
}

/**
 * Starts the LRS; resolves once it says it listens (xapi-statements sends 'ready' over the IPC
 * channel from its listen callback), or rejects with its output if it exits first.
 */
export async function startLrs(): Promise<RunningLrs> {
  const port = await freePort()
  // Its access logs and (unused) attachment folder go to a temporary folder, not into tests/lrs.
  const scratch = mkdtempSync(join(tmpdir(), 'debrief-lrs-'))
  const child: ChildProcess = spawn(process.execPath, ['--require', join(LRS_DIR, 'loopback.cjs'), LRS_MAIN], {
    cwd: LRS_DIR,
    env: {
      ...process.env,
      EXPRESS_PORT: String(port), AUTH_REPO: 'test', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'memory',
      WINSTON_CONSOLE_LEVEL: 'error', EXPRESS_MORGAN_DIRECTORY: join(scratch, 'accessLogs'), FS_LOCAL_STORAGE_DIR: join(scratch, 'storage'),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`The test LRS exited (${code}) before answering:\n${output}`))))
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message) => {
      if (message === 'ready') resolve()
    })
  })
  await Promise.race([ready, exited])
  // The IPC channel must not keep the test process alive.
  child.disconnect()
  const endpoint = `http://127.0.0.1:${port}/xapi`
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(scratch, { recursive: true, force: true })
          resolve()
        }
        if (child.exitCode !== null) return done()
        child.removeAllListeners('exit')
        child.once('exit', done)
        child.kill('SIGTERM')
      }),
  }
}

/**
 * What the proxy does with one POST /statements: pass it on, answer it itself, cut it after the LRS
 * stored it, or hold it after the LRS stored it (never answering; `stored` is called with the
 * LRS's status once the LRS has answered the proxy).
 */
export type ProxyRule =
  | { kind: 'pass' }
  | { kind: 'answer'; status: number; body?: string }
  | { kind: 'cut' }
  | { kind: 'hold'; stored: (status: number) => void }

export interface LrsProxy {
  endpoint: string
  /** Rules for the next POSTs, in order; then every POST passes. */
  rules: ProxyRule[]
  /** The bodies of every POST that reached the proxy. */
  posts: string[]
  /** Every request that reached the proxy, as "METHOD /path?query" (a browser's CORS preflight shows as OPTIONS). */
  requests: string[]
  close: () => Promise<void>
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** The CORS headers the LRS sends (cors with origin: true), for the answers the proxy makes itself. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return origin === undefined ? {} : { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
}

/** A loopback proxy in front of `lrsEndpoint` (same path layout). */
export async function startProxy(lrsEndpoint: string): Promise<LrsProxy> {
  const target = new URL(lrsEndpoint)
  const proxy: LrsProxy = { endpoint: '', rules: [], posts: [], requests: [], close: async () => undefined }
  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (res) => {
        void readBody(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject)
      })
      out.on('error', reject)
      out.end(body)
    })
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req)
      const isPost = req.method === 'POST'
      proxy.requests.push(`${req.method} ${req.url}`)
      if (isPost) proxy.posts.push(body.toString('utf8'))
      const rule: ProxyRule = isPost ? (proxy.rules.shift() ?? { kind: 'pass' }) : { kind: 'pass' }
      if (rule.kind === 'answer') {
        res.writeHead(rule.status, { 'Content-Type': 'text/plain', ...corsHeaders(req) }).end(rule.body ?? '')
        return
      }
      const answer = await forward(req, body)
      if (rule.kind === 'cut') {
        // The LRS has the batch; the sender never hears so.
        res.socket?.destroy()
        return
      }
      if (rule.kind === 'hold') {
        // The LRS has the batch; the sender waits for an answer that never comes.
        rule.stored(answer.status)
        return
      }
      res.writeHead(answer.status, answer.headers).end(answer.body)
    })().catch(() => res.socket?.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  proxy.endpoint = `http://127.0.0.1:${port}${target.pathname}`
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      // Held POSTs and idle keep-alive connections would keep close() waiting.
      server.closeAllConnections()
    })
  return proxy
}
