/**
 * Device keys on the pages (issue 12 §3): the flag words in the gradebook and on the learner's
 * page, the learner's device key with "Trust the new key" (axe-checked), and a learner's export
 * that says when it could not be signed.
 */
import axe from 'axe-core'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { keyDecision } from '../../../src/domain/deviceKeyCheck.ts'
import { fingerprintOf, publicJwkOf, type PublicJwk } from '../../../src/domain/deviceSignature.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { mountApp } from '../mountApp.ts'
import { seedAssessment, seedLearner } from '../learner/seed.ts'
import { addFinalAttempt, mountInstructor, T0 } from './seed.ts'

enableAutoUnmount(afterEach)
afterEach(() => vi.restoreAllMocks())

const PAGE = '/course/river-brief/instructor/learner/ana'

async function publicKey(): Promise<{ jwk: PublicJwk; fingerprint: string }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
  const jwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
  return { jwk, fingerprint: await fingerprintOf(jwk, crypto.subtle) }
}
const [FIRST, OTHER] = [await publicKey(), await publicKey()]
const KEY_CHANGED = keyDecision({ fingerprint: FIRST.fingerprint }, { status: 'signed', fingerprint: OTHER.fingerprint, publicKey: OTHER.jwk }).flag!

/** Ana, imported: her first file pinned FIRST; a later one, signed by OTHER, flagged key-changed. */
async function seed(db: DebriefDb) {
  await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'imported' })
  await addFinalAttempt(db, 'ana-1', 'ana', { 'f-q01': { type: 'single', optionId: 'a' } })
  await db.importFlags.add({ attemptId: 'ana-1', flags: [], checkedAt: T0, learnerGrades: [] })
  await addFinalAttempt(db, 'ana-2', 'ana', { 'f-q01': { type: 'single', optionId: 'a' } }, T0 + 3_600_000)
  await db.importFlags.add({ attemptId: 'ana-2', flags: [KEY_CHANGED], checkedAt: T0 + 7_200_000, learnerGrades: [] })
  await db.pinnedKeys.add({
    learnerId: 'ana', fingerprint: FIRST.fingerprint, publicJwk: FIRST.jwk, pinnedAt: T0, fromFile: 'ana-1.json',
    offered: { fingerprint: OTHER.fingerprint, publicJwk: OTHER.jwk, fromFile: 'ana-2.json', at: T0 + 7_200_000 },
  })
}

const label = (f: string) => `key ${f.match(/.{4}/g)!.join(' ')}`

describe('a file signed by another device key', () => {
  it('is flagged in the gradebook with the two keys named', async () => {
    const { wrapper } = await mountInstructor('/course/river-brief/instructor', seed, 'table')
    expect(wrapper.find('[data-flag="key-changed"]').text()).toBe(
      `This file is signed by a different device key (${label(OTHER.fingerprint)}) than the first file from this learner (${label(FIRST.fingerprint)}).`,
    )
  })

  it('is shown on the learner\'s page with the key and a "Trust the new key" button, and the page passes axe', async () => {
    const { wrapper } = await mountInstructor(PAGE, seed, '.device-key')
    expect(wrapper.find('[data-flag="key-changed"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="pinned-key"]').text()).toContain(`Files from this learner are signed by ${label(FIRST.fingerprint)}`)
    expect(wrapper.find('[data-testid="offered-key"]').text()).toContain(`ana-2.json`)
    expect(wrapper.find('[data-testid="offered-key"]').text()).toContain(label(OTHER.fingerprint))
    expect(wrapper.find('.device-key button').text()).toBe('Trust the new key')
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.map((v) => v.id)).toEqual([])
  })

  it('"Trust the new key" pins it, keeps the old key on record, and says what changes', async () => {
    const { wrapper, db } = await mountInstructor(PAGE, seed, '.device-key')
    await wrapper.find('.device-key button').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('.device-key [role="status"]').exists()).toBe(true))
    expect(wrapper.find('.device-key [role="status"]').text()).toBe(
      `Trusted. Files signed by ${label(OTHER.fingerprint)} now import without the "different device key" flag. Attempts flagged before stay flagged until you count them.`,
    )
    expect(wrapper.find('.device-key button').exists()).toBe(false)
    expect(wrapper.find('.device-key').text()).toContain(`Trusted before: ${label(FIRST.fingerprint)} until`)
    const pin = await db.pinnedKeys.get('ana')
    expect([pin?.fingerprint, pin?.offered, pin?.history?.map((h) => h.fingerprint)]).toEqual([OTHER.fingerprint, undefined, [FIRST.fingerprint]])
  })

  it('cannot be trusted with instructor mode locked', async () => {
    const { db } = await mountApp('/courses', seed)
    await expect(useInstructorStore().trustNewKey('ana')).rejects.toThrow('Only an instructor can trust a new device key.')
    expect((await db.pinnedKeys.get('ana'))?.fingerprint).toBe(FIRST.fingerprint)
  })
})

describe('a learner\'s export', () => {
  const passed = async (db: DebriefDb) => {
    await seedLearner(db)
    await seedAssessment(db, { id: 'final-1', blueprintId: 'final', at: 1_800_000_000_000, answers: 'right' })
  }

  async function download(): Promise<string> {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue()
    const { wrapper } = await mountApp('/course/river-brief/progress', passed)
    await vi.waitFor(() => expect(wrapper.find('.progress-page__export button').exists()).toBe(true))
    await wrapper.find('.progress-page__export button').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.result-export__status').text()).not.toBe(''))
    return wrapper.find('.result-export__status').text()
  }

  it('the profile form makes the profile\'s key (non-extractable) as it creates the profile', async () => {
    const { wrapper, db } = await mountApp('/')
    await vi.waitFor(() => expect(wrapper.find('.profile-chooser input').exists()).toBe(true))
    await wrapper.find('.profile-chooser input').setValue('Cleo')
    await wrapper.find('.profile-chooser form').trigger('submit')
    await vi.waitFor(async () => expect(await db.deviceKeys.count()).toBe(1))
    const [key] = await db.deviceKeys.toArray()
    const [profile] = await db.learners.toArray()
    expect([key?.learnerId, key?.privateKey.extractable]).toEqual([profile?.id, false])
  })

  it('is signed, and says nothing about it', async () => {
    expect(await download()).toBe('Your result file is downloading, with 1 submitted attempt. Give it to your instructor.')
  })

  it('goes unsigned where this browser cannot make a device key, and says so', async () => {
    vi.spyOn(crypto.subtle, 'generateKey').mockRejectedValue(new DOMException('ECDSA is not supported', 'NotSupportedError'))
    expect(await download()).toBe(
      'Your result file is downloading, with 1 submitted attempt. Give it to your instructor. It is not signed: this browser cannot make a device key, so your instructor will see it as an unsigned file.',
    )
  })
})
