/**
 * The instructor's "LRS and outbox" page: the queue by state, the statements set aside (409
 * review, 400 quarantine) with their reasons, "Send again" for the chosen ones and "Send now";
 * the LRS form (checked field by field, saved as this device's override, removed), "Test
 * connection" against a fake LRS, and axe's structural rules.
 */
import axe from 'axe-core'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { attachLrsDevice, forgetLrsFile } from '../../../src/app/lrsFile.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { resetSenderForTests, senderStatus, startOutboxSender } from '../../../src/app/outboxSender.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { readLrsOverride, saveLrsOverride } from '../../../src/db/lrsDevice.ts'
import { fakeNetwork, LRS, seedOutbox, type FakeNetwork } from '../lrs/fakeLrs.ts'
import { mountInstructor } from './seed.ts'

enableAutoUnmount(afterEach)
const PATH = '/course/river-brief/instructor/lrs'
let net: FakeNetwork

beforeEach(() => {
  forgetLrsFile()
  resetLrsSetup()
  net = fakeNetwork()
})
afterEach(() => {
  resetSenderForTests()
  vi.unstubAllGlobals()
})

async function open(seed: (db: DebriefDb) => Promise<void> = async () => undefined) {
  const mounted = await mountInstructor(PATH, async (db) => {
    attachLrsDevice(db)
    await seed(db)
  }, '.lrs-form')
  await flushPromises()
  return mounted
}
const withLrs = async (db: DebriefDb) => {
  await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
  await saveLrsOverride(db, LRS)
  await seedOutbox(db)
}
const cells = (w: VueWrapper, caption: string) => {
  const table = w.findAll('table').find((t) => t.find('caption').text() === caption)!
  return table.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
}
const posts = () => net.requests.filter((r) => r.method === 'POST')

async function structuralViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('the device’s outbox', () => {
  it('is linked from the instructor nav, counts the queue by state and lists the set-aside rows; axe-clean', async () => {
    const { wrapper } = await open(withLrs)
    expect(wrapper.find('nav[aria-label="Instructor"] a[href$="/instructor/lrs"]').text()).toBe('LRS')
    await vi.waitFor(() => expect(cells(wrapper, 'Statements by state').map((r) => r[1])).toEqual(['1', '0', '1', '1']))
    expect(wrapper.text()).toContain('Sending to https://lrs.example.org/xapi (set on this device). Nothing sent yet.')
    expect(cells(wrapper, 'Statements the LRS did not accept')).toEqual([
      ['', 'answered', 'Question 2', 'Ana (ana)', '2026-11-20 09:00:00 UTC', 'Review: The LRS already holds a different statement with this id (409)'],
      ['', 'completed', 'Quiz 1', 'ben', '2026-11-20 09:00:00 UTC', 'The LRS refused this statement (400): result.score.scaled must be at most 1'],
    ])
    expect(wrapper.text()).not.toContain('VERY-SECRET')
    expect(await structuralViolations()).toEqual([])
  })

  it('sends the chosen set-aside statement again, and only that one', async () => {
    const { wrapper, db } = await open(withLrs)
    const send = () => wrapper.findAll('button').find((b) => b.text().startsWith('Send again'))!
    await vi.waitFor(() => expect(send().exists()).toBe(true))
    expect(send().attributes('disabled')).toBeDefined()
    await wrapper.find('input[aria-label="Choose: completed Quiz 1, ben"]').setValue(true)
    expect(send().text()).toBe('Send again (1)')
    await send().trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.outbox-set-aside__message').text()).toBe('1 statement went back to the queue. 1 still set aside (see the reasons).'))
    expect(posts()).toHaveLength(1)
    expect(await db.outbox.get('x-1')).toBeUndefined()
    expect((await db.outbox.get('r-1'))?.state).toBe('review')
    expect(cells(wrapper, 'Statements by state').map((r) => r[1])).toEqual(['0', '0', '1', '0'])
  })

  it('"Choose all" then "Send again" empties the set-aside list', async () => {
    const { wrapper, db } = await open(withLrs)
    await vi.waitFor(() => expect(wrapper.find('.outbox-set-aside__all input').exists()).toBe(true))
    await wrapper.find('.outbox-set-aside__all input').setValue(true)
    await wrapper.findAll('button').find((b) => b.text() === 'Send again (2)')!.trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('None: the LRS has accepted every statement it was sent.'))
    expect(await db.outbox.count()).toBe(0)
  })

  it('"Send now" lifts a pause after a 401 and sends, without a reload', async () => {
    net.post = { status: 401, body: '' }
    const { wrapper, db } = await open(withLrs)
    await startOutboxSender(db)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="outbox-paused"]').text()).toMatch(/Sending is paused: The LRS refused Debrief's key \(401\)/u))
    net.post = { status: 200, body: '[]' }
    await wrapper.findAll('button').find((b) => b.text() === 'Send now')!.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.outbox-queue__message').text()).toBe('Sent what was waiting.'))
    expect(wrapper.find('[data-testid="outbox-paused"]').exists()).toBe(false)
    expect(senderStatus.paused).toBeNull()
    expect(await db.outbox.get('q-1')).toBeUndefined()
  })
})

describe('the LRS form', () => {
  const field = (w: VueWrapper, id: string) => w.find(`#${id}`)
  async function fill(w: VueWrapper, values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) await field(w, id).setValue(value)
  }
  const good = { 'lrs-endpoint': 'https://lrs.example.org/xapi', 'lrs-key': 'debrief-key', 'lrs-secret': 'VERY-SECRET', 'lrs-home-page': 'https://example.org/learners' }
  const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text() === text)!
  const message = (w: VueWrapper) => w.find('[data-testid="lrs-form-message"]').text()

  it('shows each problem under its field, marks it invalid, stores nothing; axe-clean', async () => {
    const { wrapper, db } = await open()
    expect(wrapper.text()).toContain('No LRS is set: nothing is sent.')
    await fill(wrapper, { 'lrs-endpoint': 'http://lrs.example.org/xapi', 'lrs-key': 'a:b', 'lrs-home-page': 'nope' })
    await wrapper.find('form.lrs-form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#lrs-endpoint-errors').text()).toContain('must use https://')
    expect(field(wrapper, 'lrs-endpoint').attributes('aria-invalid')).toBe('true')
    expect(field(wrapper, 'lrs-endpoint').attributes('aria-describedby')).toBe('lrs-endpoint-hint lrs-endpoint-errors')
    expect(wrapper.find('#lrs-key-errors').text()).toContain('must not contain ":"')
    expect(wrapper.find('#lrs-secret-errors').text()).toContain('lrs.auth.secret must be a non-empty text')
    expect(wrapper.find('#lrs-home-page-errors').text()).toContain('lrs.homePage must be a web address')
    expect(message(wrapper)).toBe('Nothing was done: fix the fields marked above.')
    expect(await readLrsOverride(db)).toBeUndefined()
    expect(await structuralViolations()).toEqual([])
  })

  it('saves the override, starts the sender (the app started with no LRS) and sends what waits', async () => {
    const { wrapper, db } = await open(seedOutbox)
    await fill(wrapper, good)
    await wrapper.find('form.lrs-form').trigger('submit')
    await vi.waitFor(() => expect(message(wrapper)).toMatch(/^Saved: this device now sends to this LRS/u))
    expect(await readLrsOverride(db)).toEqual({ lrs: LRS })
    expect(posts()).toHaveLength(1)
    expect(posts()[0]!.auth).toBe(`Basic ${btoa('debrief-key:VERY-SECRET')}`)
    expect(await db.outbox.get('q-1')).toBeUndefined()
    expect((field(wrapper, 'lrs-secret').element as HTMLInputElement).value).toBe('')
    expect(wrapper.text()).toContain('This device uses the LRS set here')
  })

  it('saving new credentials lifts a 401 pause; an empty secret keeps the one in use', async () => {
    net.post = { status: 401, body: '' }
    const { wrapper, db } = await open(withLrs)
    await startOutboxSender(db)
    expect(senderStatus.paused).not.toBeNull()
    net.post = { status: 200, body: '[]' }
    expect((field(wrapper, 'lrs-key').element as HTMLInputElement).value).toBe('debrief-key')
    expect((field(wrapper, 'lrs-secret').element as HTMLInputElement).value).toBe('')
    await fill(wrapper, { 'lrs-key': 'new-key' })
    await wrapper.find('form.lrs-form').trigger('submit')
    await vi.waitFor(() => expect(message(wrapper)).toMatch(/^Saved/u))
    expect(senderStatus.paused).toBeNull()
    expect(posts().at(-1)!.auth).toBe(`Basic ${btoa('new-key:VERY-SECRET')}`)
    expect(await db.outbox.get('q-1')).toBeUndefined()
  })

  it('"Remove override" falls back to debrief.config.json', async () => {
    net.file = JSON.stringify({ lrs: { ...LRS, endpoint: 'https://file.example.org/xapi', activityBase: undefined } })
    const { wrapper, db } = await open(withLrs)
    await vi.waitFor(() => expect(button(wrapper, 'Remove override').exists()).toBe(true))
    await button(wrapper, 'Remove override').trigger('click')
    await vi.waitFor(() => expect(message(wrapper)).toBe('Removed: this device uses the LRS in debrief.config.json again.'))
    expect(await readLrsOverride(db)).toBeUndefined()
    expect((field(wrapper, 'lrs-endpoint').element as HTMLInputElement).value).toBe('https://file.example.org/xapi')
    expect(wrapper.text()).toContain('Sending to https://file.example.org/xapi (from debrief.config.json)')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Remove override')).toBe(false)
  })

  it('shows the deploy file’s problem in plain words', async () => {
    net.file = JSON.stringify({ lrs: { endpoint: 'http://lrs.example.org' } })
    const { wrapper } = await open()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-file-problem"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="lrs-file-problem"]').text()).toMatch(/^debrief\.config\.json has problems, so no statements are sent to an LRS: .*must use https:\/\//u)
  })

  it.each([
    ['200 with versions', { status: 200, body: '{"version":["1.0.3","1.0.2"]}' }, 'Connected: the LRS speaks xAPI 1.0.3, 1.0.2, and it accepts the key and secret.', false],
    ['401', { status: 401, body: '' }, 'The LRS refused the key and secret (401): check both, as the LRS shows them for this client, and try again.', true],
    ['404', { status: 404, body: 'Not found' }, 'Nothing answers at https://lrs.example.org/xapi/about (404): this is not an LRS\'s xAPI endpoint. Check the address; it often ends in /xapi or /data/xAPI.', true],
    ['a network error', 'network-error' as const, /^No answer from https:\/\/lrs\.example\.org\/xapi: .*\(CORS: its administrator must allow/u, true],
    ['a 200 that is not JSON', { status: 200, body: '<!doctype html><title>Sign in</title>' }, /answered, but not with xAPI's description of itself/u, true],
  ])('"Test connection": %s', async (_, about, expected, bad) => {
    net.about = about
    const { wrapper } = await open()
    await fill(wrapper, good)
    await button(wrapper, 'Test connection').trigger('click')
    await vi.waitFor(() => expect(message(wrapper)).not.toBe('Working…'))
    await vi.waitFor(() => expect(message(wrapper)).toMatch(expected))
    expect(wrapper.find('.lrs-form__message--error').exists()).toBe(bad)
    const about1 = net.requests.find((r) => r.url === 'https://lrs.example.org/xapi/about')!
    expect(about1.auth).toBe(`Basic ${btoa('debrief-key:VERY-SECRET')}`)
    expect(wrapper.text()).not.toContain('VERY-SECRET')
  })

  it('"Test connection" sends the xAPI version header', async () => {
    const seen: Headers[] = []
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      seen.push(new Headers(init?.headers))
      return new Response('{"version":["1.0.3"]}', { status: 200 })
    })
    const { wrapper } = await open()
    await fill(wrapper, good)
    await button(wrapper, 'Test connection').trigger('click')
    await vi.waitFor(() => expect(message(wrapper)).toMatch(/^Connected/u))
    expect(seen.at(-1)!.get('X-Experience-API-Version')).toBe('1.0.3')
  })
})
