/**
 * "Your data": the section on sending to the organisation's LRS: absent with no LRS; with one,
 * how many statements wait or were set aside and when the last send succeeded, refreshed when
 * the sender finishes a run; why sending is paused or failing, in a sentence with no key in it;
 * the deploy file's own problem in plain words.
 */
import axe from 'axe-core'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetLrsFile, attachLrsDevice } from '../../../src/app/lrsFile.ts'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { resetSenderForTests, startOutboxSender } from '../../../src/app/outboxSender.ts'
import type { DebriefDb } from '../../../src/db/database.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { noteLastSent, saveLrsOverride } from '../../../src/db/lrsDevice.ts'
import { setClock } from '../../../src/platform/clock.ts'
import { mountApp } from '../mountApp.ts'
import { fakeNetwork, LRS, seedOutbox, type FakeNetwork } from '../lrs/fakeLrs.ts'

enableAutoUnmount(afterEach)
const NOW = Date.UTC(2026, 10, 20, 12)
let net: FakeNetwork

beforeEach(() => {
  forgetLrsFile()
  resetLrsSetup()
  setClock(() => NOW)
  net = fakeNetwork()
})
afterEach(() => {
  resetSenderForTests()
  setClock(() => Date.now())
  vi.unstubAllGlobals()
})

async function openSettings(seed: (db: DebriefDb) => Promise<void> = async () => undefined) {
  const mounted = await mountApp('/settings', async (db) => {
    await createLearner(db, { id: 'ana', name: 'Ana', createdAt: 1 })
    attachLrsDevice(db)
    await seed(db)
  })
  await vi.waitFor(() => expect(mounted.wrapper.find('h1').text()).toBe('Your data on this device'))
  await flushPromises()
  return mounted
}

async function structuralViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('"Sending to your organisation’s LRS"', () => {
  it('is absent when no LRS is set (the file says { "lrs": null } and there is no override)', async () => {
    const { wrapper } = await openSettings()
    await flushPromises()
    expect(wrapper.text()).toContain('Back up and restore')
    expect(wrapper.find('[data-testid="lrs-status"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('LRS')
  })

  it('shows what waits, what was set aside and when the last send succeeded, and passes axe', async () => {
    const { wrapper } = await openSettings(async (db) => {
      await saveLrsOverride(db, LRS)
      await seedOutbox(db)
      await noteLastSent(db, NOW - 3 * 60_000)
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-status"]').exists()).toBe(true))
    expect(wrapper.find('h2#lrs-heading').text()).toBe('Sending to your organisation’s LRS')
    expect(wrapper.find('[data-testid="lrs-waiting"]').text()).toBe('1 statement waits to be sent.')
    expect(wrapper.find('[data-testid="lrs-set-aside"]').text()).toBe('2 statements the LRS did not accept were set aside for your instructor.')
    expect(wrapper.find('[data-testid="lrs-last-sent"]').text()).toBe('Last sent 3 minutes ago.')
    expect(wrapper.find('[data-testid="lrs-problem"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('VERY-SECRET')
    expect(await structuralViolations()).toEqual([])
  })

  it('says "Nothing sent yet" and is refreshed when the sender finishes a run', async () => {
    const { wrapper, db } = await openSettings(async (db) => {
      await saveLrsOverride(db, LRS)
      await seedOutbox(db)
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-last-sent"]').text()).toBe('Nothing sent yet.'))
    await startOutboxSender(db)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-waiting"]').text()).toBe('No statements wait to be sent.'))
    expect(wrapper.find('[data-testid="lrs-last-sent"]').text()).toBe('Last sent less than a minute ago.')
    expect(net.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('says in one sentence why sending is paused, without the key or the LRS’s words', async () => {
    net.post = { status: 401, body: 'Bad key debrief-key' }
    const { wrapper, db } = await openSettings(async (db) => {
      await saveLrsOverride(db, LRS)
      await seedOutbox(db)
    })
    await startOutboxSender(db)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-problem"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="lrs-problem"]').text()).toBe(
      'Sending is paused: the LRS did not accept this device’s key. Your statements stay on this device until your instructor checks the LRS settings.',
    )
    expect(wrapper.find('[data-testid="lrs-waiting"]').text()).toBe('1 statement waits to be sent.')
    expect(wrapper.text()).not.toMatch(/debrief-key|VERY-SECRET/u)
    expect(await structuralViolations()).toEqual([])
  })

  it('says when the last send failed and that it is tried again', async () => {
    net.post = 'network-error'
    const { wrapper, db } = await openSettings(async (db) => {
      await saveLrsOverride(db, LRS)
      await seedOutbox(db)
    })
    await startOutboxSender(db)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-problem"]').text()).toMatch(/did not get through.*tries again by itself/u))
  })

  it('shows the deploy file’s own problem in plain words', async () => {
    net.file = '{ "lrs": { "endpoint": "https://lrs.example.org/xapi", } }'
    const { wrapper } = await openSettings()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lrs-problem"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="lrs-problem"]').text()).toBe(
      'debrief.config.json is not valid JSON: check its commas and quotes. No statements are sent to an LRS until it is fixed.',
    )
    expect(wrapper.find('[data-testid="lrs-waiting"]').text()).toBe('No statements wait to be sent.')
  })
})
