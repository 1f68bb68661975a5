import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/db/connection.ts'
import { uniqueName } from './upgradeHarness.ts'

const storage = (persisted: boolean, granted: boolean) => ({
  persisted: async () => persisted,
  persist: async () => granted,
})

describe('persistent storage', () => {
  it.each([
    ['already persistent', storage(true, false), 'persistent'],
    ['granted on request', storage(false, true), 'persistent'],
    ['refused', storage(false, false), 'best-effort'],
  ])('reports storage that is %s', async (_name, manager, mode) => {
    const opened = await openDatabase({ name: uniqueName(), storage: manager })
    expect(opened.mode).toBe(mode)
    opened.db.close()
  })

  it('tells this tab to reload when another tab upgrades the database', async () => {
    const name = uniqueName()
    const problems: string[] = []
    const opened = await openDatabase({ name, onProblem: (kind) => problems.push(kind) })
    const { DebriefDb } = await import('../../../src/db/database.ts')
    const { SCHEMA_VERSIONS } = await import('../../../src/db/schema.ts')
    const newer = new DebriefDb(name, undefined, [...SCHEMA_VERSIONS, { version: SCHEMA_VERSIONS.length + 1, stores: { extra: 'id' } }])
    await newer.open()
    expect(problems).toEqual(['version-change'])
    expect(opened.db.isOpen()).toBe(false)
    newer.close()
  })
})
