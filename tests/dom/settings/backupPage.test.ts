/**
 * "Your data": a learner backs up and restores only their own profile; a whole-device backup is
 * offered, made and restored only with instructor mode unlocked (issue 12 §5, replayed on the page
 * and through the store the page calls).
 */
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { getPassphraseRecord, setPassphrase } from '../../../src/db/instructorAuth.ts'
import { createLearner } from '../../../src/db/learners.ts'
import { useDeviceDataStore } from '../../../src/stores/deviceData.ts'
import { useInstructorStore } from '../../../src/stores/instructor.ts'
import { mountApp } from '../mountApp.ts'

enableAutoUnmount(afterEach)
const T0 = Date.UTC(2026, 10, 20, 9)

async function seed(db: DebriefDb) {
  await createLearner(db, { id: 'bob', name: 'Bob', createdAt: T0 })
  await createLearner(db, { id: 'ana', name: 'Ana', createdAt: T0 })
  await db.learners.add({ id: 'cy', name: 'Cy', createdAt: T0, origin: 'imported' })
  await db.manualGrades.add({ attemptId: 'cy-1', itemId: 'q1', criteria: {}, score: 1, comment: 'Good', gradedAt: T0 })
  await setPassphrase(db, 'correct horse battery', 210_000)
}

async function openSettings(unlocked = false) {
  const mounted = await mountApp('/settings', seed)
  if (unlocked) useInstructorStore().unlocked = true
  await flushPromises()
  await vi.waitFor(() => expect(mounted.wrapper.find('h1').text()).toBe('Your data on this device'))
  return mounted
}
const buttons = (wrapper: VueWrapper) => wrapper.findAll('button').map((b) => b.text())
const message = (wrapper: VueWrapper) => wrapper.find('.settings-message').text()

describe('"Your data" with instructor mode locked', () => {
  it('offers a backup of the learner’s own profile only, and says why', async () => {
    const { wrapper } = await openSettings()
    expect(buttons(wrapper)).toContain('Download a backup of my profile')
    expect(buttons(wrapper)).not.toContain('Download a backup of the whole device')
    expect(wrapper.text()).toContain('A backup of your profile is one file with your own data (Ana)')
    expect(wrapper.find('[data-testid="device-backup-locked"]').text()).toBe(
      'A backup of the whole device (every learner’s answers and grades) can be made and restored only in instructor mode.',
    )
  })

  it('downloads a backup holding Ana’s rows and no other learner, grade or passphrase (attack: backup takeover)', async () => {
    const { wrapper } = await openSettings()
    const file = await useDeviceDataStore().backupProfile()
    expect(file?.name).toMatch(/^debrief-backup-\d{4}-\d{2}-\d{2}\.json$/)
    expect(file?.text).toContain('"Ana"')
    expect(file?.text).not.toMatch(/Bob|"Cy"|Good|instructorPassphrase|salt/)
    await flushPromises()
    expect(message(wrapper)).toContain('Your backup file is downloading.')
  })

  it('refuses a whole-device backup in the store, not only by hiding the button', async () => {
    const { wrapper } = await openSettings()
    expect(await useDeviceDataStore().backupDevice()).toBeUndefined()
    await flushPromises()
    expect(message(wrapper)).toBe(
      'A backup of the whole device holds every learner’s answers and grades, so it needs instructor mode. Unlock instructor mode, or back up your own profile instead.',
    )
  })

  it('refuses to restore a whole-device backup, and changes nothing (attack: remove the passphrase row and restore)', async () => {
    const { wrapper, db } = await openSettings(true)
    const whole = (await useDeviceDataStore().backupDevice())!
    const record = await getPassphraseRecord(db)
    useInstructorStore().lock()
    await db.learners.delete('bob')
    expect(await useDeviceDataStore().restore(whole.text)).toBe(false)
    await flushPromises()
    expect(message(wrapper)).toBe(
      'This backup holds other learners’ data or an instructor’s grades, so only an instructor can restore it. Unlock instructor mode (type the passphrase), then try again. Nothing was restored.',
    )
    expect(wrapper.find('.settings-message--error').exists()).toBe(true)
    expect(await db.learners.get('bob')).toBeUndefined()
    expect(await getPassphraseRecord(db)).toEqual(record)
  })

  it('restores the learner’s own profile backup and keeps every other profile', async () => {
    const { wrapper, db } = await openSettings()
    const mine = (await useDeviceDataStore().backupProfile())!
    await db.learners.update('ana', { name: 'Ana changed' })
    expect(await useDeviceDataStore().restore(mine.text)).toBe(true)
    await flushPromises()
    expect(message(wrapper)).toBe('Restored the profile Ana and 0 attempts from the backup. Other profiles on this device were not changed.')
    expect((await db.learners.toArray()).map((l) => l.name).sort()).toEqual(['Ana', 'Bob', 'Cy'])
  })

  it('keeps the extra time an instructor set, and says so, when the file grants itself more', async () => {
    const { wrapper, db } = await openSettings()
    const { createBackupFile } = await import('../../../src/domain/backupFile.ts')
    const { webSha256 } = await import('../../../src/db/importResults.ts')
    const greedy = await createBackupFile(
      { learners: [{ id: 'ana', name: 'Ana', createdAt: T0, origin: 'local', allowance: { multiplier: 4 } }] },
      { kind: 'learner', learnerId: 'ana' }, 3, '2026-11-26T10:00:00.000Z', webSha256,
    )
    expect(await useDeviceDataStore().restore(JSON.stringify(greedy))).toBe(true)
    await flushPromises()
    expect(message(wrapper)).toContain('Extra time is set by your instructor, so the extra time on this device was kept.')
    expect(await db.learners.get('ana')).not.toHaveProperty('allowance')
  })

  it('names the table, row and field of a hand-edited backup with a recomputed checksum', async () => {
    const { wrapper, db } = await openSettings()
    const { createBackupFile } = await import('../../../src/domain/backupFile.ts')
    const { webSha256 } = await import('../../../src/db/importResults.ts')
    const forged = await createBackupFile({ learners: [{ id: 'ana', name: 'Ana\u202E', createdAt: T0 }] }, { kind: 'learner', learnerId: 'ana' }, 3, '2026-11-26T10:00:00.000Z', webSha256)
    expect(await useDeviceDataStore().restore(JSON.stringify(forged))).toBe(false)
    await flushPromises()
    expect(message(wrapper)).toContain('This backup is damaged, so nothing was restored: row 1 of "learners": name holds invisible or control characters')
    expect((await db.learners.get('ana'))?.name).toBe('Ana')
  })
})

describe('"Your data" with instructor mode unlocked', () => {
  it('also offers a whole-device backup, which says the passphrase is not in it', async () => {
    const { wrapper } = await openSettings(true)
    expect(buttons(wrapper)).toContain('Download a backup of the whole device')
    expect(wrapper.find('[data-testid="device-backup-unlocked"]').text()).toContain('The instructor passphrase is not in it')
    const whole = (await useDeviceDataStore().backupDevice())!
    expect(whole.name).toMatch(/^debrief-device-backup-/)
    expect(whole.text).toMatch(/"Bob".*|"Cy"/)
    expect(whole.text).not.toMatch(/instructorPassphrase|salt/)
  })

  it('restores a whole-device backup', async () => {
    const { wrapper, db } = await openSettings(true)
    const whole = (await useDeviceDataStore().backupDevice())!
    await db.learners.delete('bob')
    expect(await useDeviceDataStore().restore(whole.text)).toBe(true)
    await flushPromises()
    expect(message(wrapper)).toBe('Restored 3 profiles and 0 attempts from the backup.')
    expect(await db.learners.get('bob')).toBeDefined()
  })
})
