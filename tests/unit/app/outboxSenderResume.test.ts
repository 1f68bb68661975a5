/**
 * The sender's notify and resume: listeners hear each run; a 401/403 pause is lifted by "Send
 * now" or by saving new credentials, without a reload; saving an LRS when the app started with
 * none starts the sender. A fake LRS stands for the network (the real one: tests/unit/lrs).
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { queuedRow } from '../../../src/db/outbox.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

const LRS: LrsConfig = { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/learners/debrief', auth: { type: 'basic', key: 'old-key', secret: 's' }, sendDisplayName: false, sendFreeText: false }

interface Post { auth: string; ids: string[] }
let db: DebriefDb
let posts: Post[]
/** The LRS's answer to the next POST, from its Authorization header. */
let answer: (auth: string) => number

beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
  await db.outbox.bulkAdd([queuedRow('s1', '{"id":"s1"}', 1), queuedRow('s2', '{"id":"s2"}', 2)])
  posts = []
  answer = () => 200
  // The window the sender listens to for `online` (node has none).
  const window = new EventTarget()
  vi.stubGlobal('addEventListener', window.addEventListener.bind(window))
  vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window))
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (String(url).endsWith('debrief.config.json')) return new Response('{ "lrs": null }', { status: 200 })
    const auth = new Headers(init?.headers).get('Authorization') ?? ''
    posts.push({ auth: atob(auth.replace('Basic ', '')), ids: (JSON.parse(String(init?.body)) as { id: string }[]).map((s) => s.id) })
    const status = answer(auth)
    return new Response(status === 200 ? '["s1","s2"]' : 'Unauthorized', { status })
  })
})
afterEach(async () => {
  const { resetSenderForTests } = await import('../../../src/app/outboxSender.ts')
  resetSenderForTests()
  db.close()
  vi.unstubAllGlobals()
  vi.resetModules()
})

async function modules() {
  const file = await import('../../../src/app/lrsFile.ts')
  file.attachLrsDevice(db)
  return { ...(await import('../../../src/app/outboxSender.ts')), ...(await import('../../../src/db/lrsDevice.ts')) }
}

describe('the sender', () => {
  it('does not start with no LRS, and starts once one is saved on this device', async () => {
    const m = await modules()
    await m.startOutboxSender(db)
    expect(posts).toEqual([])
    await m.saveLrsOverride(db, LRS)
    await m.lrsChanged(db)
    expect(posts).toEqual([{ auth: 'old-key:s', ids: ['s1', 's2'] }])
    expect(await db.outbox.count()).toBe(0)
    expect(await m.readLastSent(db)).toBe(m.senderStatus.lastSuccessAt)
    expect(m.senderStatus.lastSuccessAt).not.toBeNull()
  })

  it('tells its listeners after each run, until they unsubscribe', async () => {
    const m = await modules()
    await m.saveLrsOverride(db, LRS)
    const heard = vi.fn()
    const stop = m.onSenderRun(heard)
    await m.startOutboxSender(db)
    expect(heard).toHaveBeenCalledTimes(1)
    await m.sendSoon()
    expect(heard).toHaveBeenCalledTimes(2)
    stop()
    await m.sendSoon()
    expect(heard).toHaveBeenCalledTimes(2)
  })

  it('stays paused after a 401, and "Send now" resumes it without a reload', async () => {
    const m = await modules()
    await m.saveLrsOverride(db, LRS)
    answer = () => 401
    await m.startOutboxSender(db)
    expect(m.senderStatus.paused).toMatch(/refused Debrief's key \(401\)/u)
    answer = () => 200
    await m.sendSoon()
    expect(posts).toHaveLength(1)
    expect(await db.outbox.count()).toBe(2)
    await m.sendNow(db)
    expect(posts).toHaveLength(2)
    expect(m.senderStatus.paused).toBeNull()
    expect(await db.outbox.count()).toBe(0)
  })

  it('resumes with the new key once new credentials are saved', async () => {
    const m = await modules()
    await m.saveLrsOverride(db, LRS)
    answer = (auth) => (atob(auth.replace('Basic ', '')) === 'new-key:s2' ? 200 : 403)
    await m.startOutboxSender(db)
    expect(m.senderStatus.paused).toMatch(/\(403\)/u)
    await m.saveLrsOverride(db, { ...LRS, auth: { type: 'basic', key: 'new-key', secret: 's2' } })
    await m.lrsChanged(db)
    expect(posts.map((p) => p.auth)).toEqual(['old-key:s', 'new-key:s2'])
    expect(m.senderStatus.paused).toBeNull()
    expect(await db.outbox.count()).toBe(0)
  })

  it('a pause that comes again after "Send now" is reported again', async () => {
    const m = await modules()
    await m.saveLrsOverride(db, LRS)
    answer = () => 401
    await m.startOutboxSender(db)
    await m.sendNow(db)
    expect(posts).toHaveLength(2)
    expect(m.senderStatus.paused).toMatch(/\(401\)/u)
    expect(await db.outbox.count()).toBe(2)
  })
})
