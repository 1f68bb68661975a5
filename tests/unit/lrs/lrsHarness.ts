/**
 * A real LRS for the tests: Learning Locker's statements service (tests/lrs, GPL-3.0, never in
 * the app), in memory, on 127.0.0.1 at a free port (tests/lrs/loopback.cjs keeps it off other
 * interfaces), and a loopback proxy in front of it that can answer a status itself or cut a POST
 * after the LRS has it (the browser's fetch then fails, as when a tab dies or the network drops).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
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

/** Starts the LRS; resolves once GET /xapi/about answers (or rejects with its output if it exits). */
export async function startLrs(): Promise<RunningLrs> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--require', join(LRS_DIR, 'loopback.cjs'), LRS_MAIN], {
    cwd: LRS_DIR,
    env: {
      ...process.env,
      EXPRESS_PORT: String(port), AUTH_REPO: 'test', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'memory',
      WINSTON_CONSOLE_LEVEL: 'error', EXPRESS_MORGAN_DIRECTORY: mkdtempSync(join(tmpdir(), 'debrief-lrs-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`The test LRS exited (${code}) before answering:\n${output}`))))
  const endpoint = `http://127.0.0.1:${port}/xapi`
  const up = (async () => {
    for (;;) {
      try {
        const r = await fetch(`${endpoint}/about`)
        if (r.ok) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  })()
  await Promise.race([up, exited])
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.removeAllListeners('exit')
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** What the proxy does with one POST /statements: pass it on, answer it itself, or cut it after the LRS stored it. */
export type ProxyRule = { kind: 'pass' } | { kind: 'answer'; status: number; body?: string } | { kind: 'cut' }

export interface LrsProxy {
  endpoint: string
  /** Rules for the next POSTs, in order; then every POST passes. */
  rules: ProxyRule[]
  /** The bodies of every POST that reached the proxy. */
  posts: string[]
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

/** A loopback proxy in front of `lrsEndpoint` (same path layout). */
export async function startProxy(lrsEndpoint: string): Promise<LrsProxy> {
  const target = new URL(lrsEndpoint)
  const proxy: LrsProxy = { endpoint: '', rules: [], posts: [], close: async () => undefined }
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
      if (isPost) proxy.posts.push(body.toString('utf8'))
      const rule: ProxyRule = isPost ? (proxy.rules.shift() ?? { kind: 'pass' }) : { kind: 'pass' }
      if (rule.kind === 'answer') {
        res.writeHead(rule.status, { 'Content-Type': 'text/plain' }).end(rule.body ?? '')
        return
      }
      const answer = await forward(req, body)
      if (rule.kind === 'cut') {
        // The LRS has the batch; the sender never hears so.
        res.socket?.destroy()
        return
      }
      res.writeHead(answer.status, answer.headers).end(answer.body)
    })().catch(() => res.socket?.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  proxy.endpoint = `http://127.0.0.1:${port}${target.pathname}`
  proxy.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return proxy
}
