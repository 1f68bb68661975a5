import { describe, expect, it } from 'vitest'
import { DEFAULT_BACKOFF, MAX_REASON, backoffDelay, batchBytes, decide, nextBatch, retryAfterMs, type LrsOutcome, type QueuedStatement, type SendDecision } from '../../../src/domain/xapi/outboxPolicy.ts'

const NOW = Date.UTC(2027, 0, 15, 8, 0, 0)
const half = () => 0.5
const response = (status: number, body = '', headers: Record<string, string> = {}): LrsOutcome => ({ kind: 'response', status, headers, body })

function run(ids: string[], outcome: LrsOutcome, failures = 0, rng = half): SendDecision {
  return decide({ ids, outcome, failures, rng, now: NOW })
}

describe('what to do after one POST', () => {
  it.each<[string, string[], LrsOutcome, SendDecision['kind'], Partial<Record<string, unknown>>]>([
    ['200 stores the batch', ['a', 'b'], response(200, '["a","b"]'), 'done', { ids: ['a', 'b'] }],
    ['204 stores the batch', ['a'], response(204), 'done', { ids: ['a'] }],
    ['413 on a batch splits it in halves', ['a', 'b', 'c'], response(413), 'split', { parts: [['a', 'b'], ['c']] }],
    ['413 on one statement quarantines it', ['a'], response(413, 'Too big'), 'quarantine', { ids: ['a'] }],
    ['409 on a batch splits it', ['a', 'b', 'c', 'd'], response(409), 'split', { parts: [['a', 'b'], ['c', 'd']] }],
    ['409 on one statement sends it to review', ['c'], response(409, 'Conflict: c'), 'review', { ids: ['c'] }],
    ['400 on one statement quarantines it with the message', ['a'], response(400, 'statement.verb.id: Validation Error'), 'quarantine', { ids: ['a'], reason: 'The LRS refused this statement (400): statement.verb.id: Validation Error' }],
    ['400 on a batch splits it to find the bad one', ['a', 'b'], response(400, 'bad'), 'split', { parts: [['a'], ['b']] }],
    ['422 is treated like 400', ['a'], response(422, 'nope'), 'quarantine', { ids: ['a'] }],
    ['401 pauses and tells the instructor', ['a'], response(401, 'Unauthorised'), 'pause', {}],
    ['403 pauses and tells the instructor', ['a'], response(403), 'pause', {}],
    ['500 retries later', ['a'], response(500), 'retry', { afterMs: 500 }],
    ['503 retries later', ['a'], response(503), 'retry', { afterMs: 500 }],
    ['408 retries later', ['a'], response(408), 'retry', { afterMs: 500 }],
    ['a network error retries later', ['a'], { kind: 'network-error', message: 'Failed to fetch' }, 'retry', { afterMs: 500, reason: 'The LRS could not be reached: Failed to fetch' }],
    ['429 honours Retry-After in seconds', ['a'], response(429, '', { 'Retry-After': '120' }), 'retry', { afterMs: 120_000 }],
    ['429 honours Retry-After as an HTTP date', ['a'], response(429, '', { 'retry-after': new Date(NOW + 30_000).toUTCString() }), 'retry', { afterMs: 30_000 }],
    ['429 with a Retry-After shorter than the backoff waits the backoff', ['a'], response(429, '', { 'retry-after': '0' }), 'retry', { afterMs: 500 }],
    ['Retry-After beyond the longest honoured is cut', ['a'], response(503, '', { 'retry-after': '999999' }), 'retry', { afterMs: DEFAULT_BACKOFF.maxRetryAfterMs }],
    ['429 with an unreadable Retry-After backs off', ['a'], response(429, '', { 'retry-after': 'soon' }), 'retry', { afterMs: 500 }],
  ])('%s', (_, ids, outcome, kind, fields) => {
    const decision = run(ids, outcome)
    expect(decision.kind).toBe(kind)
    expect(decision).toMatchObject(fields)
  })

  it('the pause reason says what to check', () => {
    const decision = run(['a'], response(401, 'bad key'))
    expect(decision.kind === 'pause' ? decision.reason : '').toBe("The LRS refused Debrief's key (401): bad key. Check the LRS key and secret in instructor mode.")
  })

  it('bounds the LRS message kept as a reason', () => {
    const decision = run(['a'], response(400, 'x'.repeat(10_000)))
    expect(decision.kind).toBe('quarantine')
    if (decision.kind !== 'quarantine') return
    expect(decision.reason.length).toBe(MAX_REASON)
    expect(decision.reason.endsWith('…')).toBe(true)
  })
})

describe('backoff: exponential with full jitter and a cap', () => {
  it.each([
    [0, 1, 1_000],
    [1, 1, 2_000],
    [3, 0.5, 4_000],
    [10, 1, DEFAULT_BACKOFF.capMs],
    [1_000, 1, DEFAULT_BACKOFF.capMs],
    [5, 0, 0],
    [-3, 1, 1_000],
  ])('after %d failures with rng %d waits %d ms', (failures, r, ms) => {
    expect(backoffDelay(failures, () => r)).toBe(ms)
  })

  it('is drawn from the rng, so two devices do not retry in step', () => {
    const draws = [0.1, 0.9]
    const delays = draws.map((r) => backoffDelay(4, () => r))
    expect(delays).toEqual([1_600, 14_400])
  })

  it.each([
    [undefined, null],
    ['7', 7_000],
    [' 7 ', 7_000],
    ['-1', null],
    ['tomorrow', null],
    [new Date(NOW - 5_000).toUTCString(), 0],
  ])('Retry-After %j is %j ms', (value, ms) => {
    expect(retryAfterMs(value, NOW)).toBe(ms)
  })
})

/** A fake LRS that answers 409 to any batch holding one of `conflicting`, 200 otherwise. */
function sendAll(ids: string[], conflicting: ReadonlySet<string>) {
  const stored: string[] = []
  const review: string[] = []
  let posts = 0
  const queue: string[][] = [ids]
  while (queue.length > 0) {
    const batch = queue.shift()!
    posts++
    const decision = run(batch, batch.some((id) => conflicting.has(id)) ? response(409) : response(200))
    if (decision.kind === 'done') stored.push(...decision.ids)
    else if (decision.kind === 'split') queue.unshift(...decision.parts)
    else if (decision.kind === 'review') review.push(...decision.ids)
    else throw new Error(`unexpected ${decision.kind}`)
  }
  return { stored, review, posts }
}

describe('409: splitting isolates the conflicting statement', () => {
  const ids = Array.from({ length: 16 }, (_, n) => `s${n}`)
  it.each([
    [[], 1],
    [['s0'], 9],
    [['s9'], 9],
    [['s3', 's12'], 15],
  ])('conflicts %j: everything else is stored once, the conflicts go to review, %d posts', (conflicts, posts) => {
    const result = sendAll(ids, new Set(conflicts))
    expect(result.review).toEqual(conflicts)
    expect([...result.stored].sort()).toEqual(ids.filter((id) => !conflicts.includes(id)).sort())
    expect(new Set(result.stored).size).toBe(result.stored.length)
    expect(result.posts).toBe(posts)
  })
})

describe('the next batch', () => {
  const q = (id: string, queuedAt: number, body = `{"id":"${id}"}`, state: QueuedStatement['state'] = 'queued'): QueuedStatement => ({ id, body, queuedAt, state })

  it('takes the oldest first and leaves out quarantined and review ones', () => {
    const queue = [q('c', 3), q('a', 1), q('x', 0, '{}', 'quarantined'), q('y', 0, '{}', 'review'), q('b', 2)]
    expect(nextBatch(queue, { maxStatements: 10, maxBytes: 10_000 }).map((s) => s.id)).toEqual(['a', 'b', 'c'])
  })

  it('ties in time go by id, so the order never depends on how the queue was read', () => {
    expect(nextBatch([q('b', 1), q('a', 1)]).map((s) => s.id)).toEqual(['a', 'b'])
  })

  it('stops at N statements', () => {
    const queue = Array.from({ length: 7 }, (_, n) => q(`s${n}`, n))
    expect(nextBatch(queue, { maxStatements: 3, maxBytes: 10_000 }).map((s) => s.id)).toEqual(['s0', 's1', 's2'])
  })

  it('stops before M bytes, counting the array as sent (UTF-8)', () => {
    const body = 'é'.repeat(10)
    const queue = [q('a', 1, body), q('b', 2, body), q('c', 3, body)]
    const two = batchBytes([body, body])
    expect(two).toBe(2 + 1 + 40)
    expect(nextBatch(queue, { maxStatements: 10, maxBytes: two }).map((s) => s.id)).toEqual(['a', 'b'])
    expect(nextBatch(queue, { maxStatements: 10, maxBytes: two - 1 }).map((s) => s.id)).toEqual(['a'])
  })

  it('sends an oversized first statement alone, so the queue never sticks', () => {
    expect(nextBatch([q('big', 1, 'x'.repeat(500)), q('b', 2)], { maxStatements: 10, maxBytes: 100 }).map((s) => s.id)).toEqual(['big'])
  })

  it('an empty queue gives an empty batch', () => {
    expect(nextBatch([])).toEqual([])
  })
})
