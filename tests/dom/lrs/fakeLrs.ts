/**
 * A fake network for the LRS pages: debrief.config.json, GET /about, the key probe and POST
 * /statements, each answered as the test says; every request is recorded.
 */
import { vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { queuedRow } from '../../../src/db/outbox.ts'
import type { OutboxRecord } from '../../../src/db/records.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'

export const LRS: LrsConfig = {
  endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/learners/debrief',
  auth: { type: 'basic', key: 'debrief-key', secret: 'VERY-SECRET' }, sendDisplayName: false, sendFreeText: false,
}

export type Answer = { status: number; body?: string } | 'network-error'

export interface FakeNetwork {
  file: string | null
  about: Answer
  probe: Answer
  post: Answer
  requests: { method: string; url: string; auth: string | null }[]
}

function respond(answer: Answer): Response {
  if (answer === 'network-error') throw new TypeError('Failed to fetch')
  return new Response(answer.body ?? '', { status: answer.status })
}

/** Stubs `fetch`; change the returned object's answers at any time. */
export function fakeNetwork(file: string | null = '{ "lrs": null }'): FakeNetwork {
  const net: FakeNetwork = { file, about: { status: 200, body: '{"version":["1.0.3"]}' }, probe: { status: 404 }, post: { status: 200, body: '[]' }, requests: [] }
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    net.requests.push({ method, url, auth: new Headers(init?.headers).get('Authorization') })
    if (url.endsWith('debrief.config.json')) return net.file === null ? new Response('', { status: 404 }) : new Response(net.file, { status: 200 })
    if (url.endsWith('/about')) return respond(net.about)
    if (method === 'POST') return respond(net.post)
    return respond(net.probe)
  })
  return net
}

/** A statement body as the outbox holds it. */
export function statementBody(id: string, verb: string, object: string, learner: string): string {
  return JSON.stringify({
    id, actor: { objectType: 'Agent', account: { homePage: LRS.homePage, name: learner } },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: `${LRS.activityBase}/courses/river-brief/items/${object}`, definition: { name: { 'en-US': object } } },
    timestamp: '2026-11-20T09:00:00.000Z',
  })
}

/** One queued row, one set aside for review (409) and one quarantined (400). */
export async function seedOutbox(db: DebriefDb): Promise<void> {
  const rows: OutboxRecord[] = [
    queuedRow('q-1', statementBody('q-1', 'initialized', 'Quiz 1', 'ana'), 1),
    { ...queuedRow('r-1', statementBody('r-1', 'answered', 'Question 2', 'ana'), 2), state: 'review', lastError: 'The LRS already holds a different statement with this id (409)' },
    { ...queuedRow('x-1', statementBody('x-1', 'completed', 'Quiz 1', 'ben'), 3), state: 'quarantined', lastError: 'The LRS refused this statement (400): result.score.scaled must be at most 1' },
  ]
  await db.outbox.bulkAdd(rows)
}
