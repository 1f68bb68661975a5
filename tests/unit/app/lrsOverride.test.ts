/**
 * The instructor's LRS override on this device: it wins over debrief.config.json, removing it
 * falls back to the file, and whether any xAPI code loads (lrsWanted) follows it.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { OVERRIDE_ROW_KEY } from '../../../src/db/lrsOverrideRow.ts'
import { DEVICE_ONLY_SETTINGS, LRS_OVERRIDE_KEY } from '../../../src/domain/deviceSettings.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

const OVERRIDE: LrsConfig = { endpoint: 'https://device.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/learners/debrief', auth: { type: 'basic', key: 'dk', secret: 'ds' }, sendDisplayName: true, sendFreeText: false }
const FILE_LRS = { lrs: { endpoint: 'https://file.example.org/xapi', homePage: 'https://example.org/learners', auth: { type: 'basic', key: 'fk', secret: 'fs' }, sendDisplayName: false } }

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => {
  db.close()
  vi.unstubAllGlobals()
  vi.resetModules()
})

/** Fresh modules, the file served with `text` (null: 404). */
async function modules(text: string | null) {
  vi.stubGlobal('fetch', async () => (text === null ? new Response('Not found', { status: 404 }) : new Response(text, { status: 200 })))
  const file = await import('../../../src/app/lrsFile.ts')
  const config = await import('../../../src/app/lrsConfig.ts')
  const device = await import('../../../src/db/lrsDevice.ts')
  file.attachLrsDevice(db)
  return { ...file, ...config, ...device }
}

describe('the LRS set on this device', () => {
  it('is read from the device-only settings row a backup leaves out', () => {
    expect(OVERRIDE_ROW_KEY).toBe(LRS_OVERRIDE_KEY)
    expect(DEVICE_ONLY_SETTINGS).toContain(OVERRIDE_ROW_KEY)
  })

  it('with no override and no LRS in the file, nothing xAPI loads', async () => {
    const m = await modules('{ "lrs": null }')
    expect(await m.lrsWanted()).toBe(false)
    expect(await m.lrsSetup()).toEqual({ config: null, problem: null, source: null, fileProblem: null })
  })

  it('an override makes the LRS wanted and is the setup in use, even with no file', async () => {
    const m = await modules(null)
    await m.saveLrsOverride(db, OVERRIDE)
    expect(await m.lrsWanted()).toBe(true)
    expect(await m.refreshLrsSetup()).toEqual({ config: OVERRIDE, problem: null, source: 'device', fileProblem: null })
  })

  it('wins over the file; removing it falls back to the file', async () => {
    const m = await modules(JSON.stringify(FILE_LRS))
    expect((await m.lrsSetup()).config?.endpoint).toBe('https://file.example.org/xapi')
    await m.saveLrsOverride(db, OVERRIDE)
    // Read once: the setup changes only when asked to read again.
    expect((await m.lrsSetup()).source).toBe('file')
    expect(await m.refreshLrsSetup()).toMatchObject({ source: 'device', config: { endpoint: 'https://device.example.org/xapi', auth: { key: 'dk' } } })
    await m.removeLrsOverride(db)
    expect(await m.refreshLrsSetup()).toMatchObject({ source: 'file', config: { endpoint: 'https://file.example.org/xapi', auth: { key: 'fk' } } })
  })

  it('keeps the file’s own problem in view while the override is used', async () => {
    const m = await modules('{ "lrs": {')
    await m.saveLrsOverride(db, OVERRIDE)
    const setup = await m.lrsSetup()
    expect(setup).toMatchObject({ source: 'device', problem: null, config: { endpoint: OVERRIDE.endpoint } })
    expect(setup.fileProblem).toMatch(/debrief\.config\.json is not valid JSON/u)
  })

  it('a stored override that no longer passes the check sends nothing and says why', async () => {
    const m = await modules(JSON.stringify(FILE_LRS))
    await db.settings.put({ key: 'lrsOverride', value: { lrs: { ...OVERRIDE, endpoint: 'http://lrs.example.org' } } })
    const setup = await m.lrsSetup()
    expect(setup.config).toBeNull()
    expect(setup.problem).toMatch(/The LRS set on this device cannot be used.*must use https:\/\//u)
    expect(await m.lrsWanted()).toBe(true)
  })

  it('a database that cannot be read counts as no override', async () => {
    const m = await modules('{ "lrs": null }')
    db.close()
    expect(await m.lrsWanted()).toBe(false)
  })
})
