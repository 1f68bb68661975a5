/**
 * "Test connection" against the real LRS (tests/lrs: Learning Locker's xapi-statements): its
 * /about with versions, a path that is not an xAPI endpoint, nothing listening, and right and
 * wrong credentials. The test LRS's auth repository (AUTH_REPO=test) accepts every key but its
 * one unknown client, the header `Basic missing_token`; a loopback gate in front of it holds one
 * client (key and secret) and sends any other Authorization on as that unknown client, so the
 * 401 for a wrong key or secret is the LRS's own answer. /about itself asks for no key (the LRS
 * answers it to anyone), which is why the test also reads a statement with the key.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testLrsConnection } from '../../../src/app/lrsTest.ts'
import { LRS_INSTALLED, startLrs, type RunningLrs } from './lrsHarness.ts'

const inCi = process.env.CI === 'true'
if (!LRS_INSTALLED && !inCi) console.warn('Skipping the real-LRS connection test: tests/lrs/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/lrs')
const suite = LRS_INSTALLED || inCi ? describe : describe.skip

const CLIENT = { key: 'debrief', secret: 'right-secret' }
const SITE = 'https://debrief.example.org'
const basic = (auth: { key: string; secret: string }) => `Basic ${Buffer.from(`${auth.key}:${auth.secret}`).toString('base64')}`

let lrs: RunningLrs
let gate: Server
let gateEndpoint: string

/** Forwards every request to the LRS; an Authorization other than CLIENT's goes on as the LRS's unknown client. */
function startGate(target: URL): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    const headers = { ...req.headers, host: target.host }
    if (req.headers.authorization !== basic(CLIENT)) headers.authorization = 'Basic missing_token'
    const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    out.on('error', () => res.writeHead(502).end())
    req.pipe(out)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

suite('Test connection against a real LRS', () => {
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    lrs = await startLrs()
    const target = new URL(lrs.endpoint)
    gate = await startGate(target)
    gateEndpoint = `http://127.0.0.1:${(gate.address() as AddressInfo).port}${target.pathname}`
  })
  afterAll(async () => {
    await new Promise((r) => gate?.close(r))
    await lrs?.stop()
  })

  it('reports the LRS’s xAPI versions and that it accepts the right key and secret', async () => {
    const verdict = await testLrsConnection({ endpoint: gateEndpoint, auth: { type: 'basic', ...CLIENT } }, fetch, SITE)
    expect(verdict).toEqual({ ok: true, versions: ['1.0.3'], message: 'Connected: the LRS speaks xAPI 1.0.3, and it accepts the key and secret.' })
  })

  it.each([
    ['a wrong secret', { key: CLIENT.key, secret: 'wrong-secret' }],
    ['a wrong key', { key: 'someone-else', secret: CLIENT.secret }],
  ])('says the LRS refused %s (its own 401), although /about answered', async (_, auth) => {
    const verdict = await testLrsConnection({ endpoint: gateEndpoint, auth: { type: 'basic', ...auth } }, fetch, SITE)
    expect(verdict).toEqual({ ok: false, message: 'The LRS refused the key and secret (401): check both, as the LRS shows them for this client, and try again.' })
  })

  it('says an address of the LRS that is not its xAPI endpoint is not one (404)', async () => {
    const wrong = lrs.endpoint.replace(/\/xapi$/u, '/lrs')
    const verdict = await testLrsConnection({ endpoint: wrong, auth: { type: 'basic', ...CLIENT } }, fetch, SITE)
    expect(verdict.ok).toBe(false)
    expect(verdict.message).toBe(`Nothing answers at ${wrong}/about (404): this is not an LRS's xAPI endpoint. Check the address; it often ends in /xapi or /data/xAPI.`)
  })

  it('says nothing answered when no LRS listens at the address', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const verdict = await testLrsConnection({ endpoint: `http://127.0.0.1:${port}/xapi`, auth: { type: 'basic', ...CLIENT } }, fetch, SITE)
    expect(verdict.ok).toBe(false)
    expect(verdict.message).toMatch(/^No answer from http:\/\/127\.0\.0\.1:\d+\/xapi: the address may be wrong or the LRS down/u)
  })
})
