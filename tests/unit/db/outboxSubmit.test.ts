/** The submit writes the attempt and its statements in one transaction: both or neither. */
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { attemptStatements, outboxRows } from '../../../src/app/attemptOutbox.ts'
import { addAttempt, commitSubmission, getAttempt } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { outboxCounts, queuedRow, requeueStale, retrySetAside } from '../../../src/db/outbox.ts'
import { publicItem } from '../../../src/domain/sealed.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { counterIds, ITEMS, submittedAttempt } from '../xapi/xapiFixtures.ts'
import { uniqueName } from './upgradeHarness.ts'

const CONFIG: LrsConfig = { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/debrief', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: false, sendFreeText: false }

let db: DebriefDb
const { attempt, responses } = submittedAttempt()
const open = { ...attempt, submittedAt: null, submitReason: null }

beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await addAttempt(db, open)
})

describe('statements written with the submit', () => {
  it('builds initialized, one answered per item, completed, passed or failed and terminated, serialized once and queued in order', async () => {
    const rows = outboxRows(attemptStatements(CONFIG, { id: attempt.learnerId }, attempt, responses, counterIds()), 5_000)
    const verbs = rows.map((r) => (JSON.parse(r.body) as { verb: { display: { 'en-US': string } } }).verb.display['en-US'])
    expect(verbs[0]).toBe('initialized')
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(ITEMS.length)
    expect(verbs.slice(-3)).toEqual(['completed', expect.stringMatching(/^(passed|failed)$/u), 'terminated'])
    expect(rows.map((r) => r.queuedAt)).toEqual(rows.map((_, i) => 5_000 + i))
    expect(rows.every((r) => r.state === 'queued' && r.attempts === 0 && JSON.parse(r.body).id === r.id)).toBe(true)
  })

  it('sends only initialized and terminated for a sealed attempt (stubs cannot be graded here)', () => {
    const stub = publicItem(ITEMS[0]!) as unknown as (typeof ITEMS)[number]
    const { attempt: sealed, responses: given } = submittedAttempt([stub])
    const verbs = attemptStatements(CONFIG, { id: 'ana-01' }, sealed, given, counterIds()).map((s) => s.verb.display['en-US'])
    expect(verbs).toEqual(['initialized', 'terminated'])
  })

  it('commits the attempt and its statements together', async () => {
    const rows = outboxRows(attemptStatements(CONFIG, { id: attempt.learnerId }, attempt, responses, counterIds()), 5_000)
    await commitSubmission(db, attempt, rows)
    expect((await getAttempt(db, attempt.id))?.submittedAt).toBe(attempt.submittedAt)
    expect((await db.outbox.orderBy('queuedAt').toArray()).map((r) => r.body)).toEqual(rows.map((r) => r.body))
  })

  it('writes neither when the statements cannot be written (the attempt stays open)', async () => {
    const rows = outboxRows(attemptStatements(CONFIG, { id: attempt.learnerId }, attempt, responses, counterIds()), 5_000)
    await db.outbox.add(queuedRow(rows[2]!.id, '{"other":true}', 1))
    await expect(commitSubmission(db, attempt, rows)).rejects.toThrow()
    expect((await getAttempt(db, attempt.id))?.submittedAt).toBeNull()
    expect(await db.outbox.count()).toBe(1)
  })

  it('writes no statements when another tab submitted first', async () => {
    await commitSubmission(db, attempt)
    const rows = outboxRows(attemptStatements(CONFIG, { id: attempt.learnerId }, attempt, responses, counterIds()), 5_000)
    await commitSubmission(db, { ...attempt, submittedAt: attempt.submittedAt! + 1 }, rows)
    expect(await db.outbox.count()).toBe(0)
  })

  it('puts back stale "sending" rows, counts states, and lets set-aside rows be retried', async () => {
    await db.outbox.bulkAdd([
      { ...queuedRow('old', '{}', 1), state: 'sending', sendingSince: 0 },
      { ...queuedRow('new', '{}', 2), state: 'sending', sendingSince: 50_000 },
      { ...queuedRow('bad', '{}', 3), state: 'quarantined', lastError: 'The LRS refused this statement (400)' },
    ])
    expect(await requeueStale(db, 60_000)).toBe(1)
    expect(await outboxCounts(db)).toEqual({ queued: 1, sending: 1, review: 0, quarantined: 1 })
    await retrySetAside(db, ['bad', 'new'])
    expect(await outboxCounts(db)).toEqual({ queued: 2, sending: 1, review: 0, quarantined: 0 })
  })
})
