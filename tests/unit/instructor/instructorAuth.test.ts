import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { getPassphraseRecord, MIN_ITERATIONS, setPassphrase, verifyPassphrase } from '../../../src/db/instructorAuth.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

let db: DebriefDb
beforeEach(async () => {
  db = new DebriefDb(uniqueName())
  await db.open()
})
afterEach(() => db.close())

describe('instructor passphrase', () => {
  it('has none until one is set', async () => {
    expect(await getPassphraseRecord(db)).toBeUndefined()
  })

  it('refuses any passphrase while none is set', async () => {
    expect(await verifyPassphrase(db, 'anything at all')).toBe(false)
  })

  it('accepts the passphrase that was set', async () => {
    await setPassphrase(db, 'river levee 42')
    expect(await verifyPassphrase(db, 'river levee 42')).toBe(true)
  })

  it('refuses a wrong passphrase', async () => {
    await setPassphrase(db, 'river levee 42')
    expect(await verifyPassphrase(db, 'river levee 43')).toBe(false)
  })

  it('stores a salt, the iterations and a hash, never the passphrase', async () => {
    await setPassphrase(db, 'river levee 42')
    const stored = JSON.stringify(await db.settings.toArray())
    expect([stored.includes('river levee 42'), Object.keys((await getPassphraseRecord(db))!).sort()]).toEqual([false, ['hash', 'iterations', 'salt']])
  })

  it('uses a random 16-byte salt and at least 210,000 iterations', async () => {
    await setPassphrase(db, 'river levee 42')
    const first = (await getPassphraseRecord(db))!
    await setPassphrase(db, 'river levee 42')
    const second = (await getPassphraseRecord(db))!
    expect([atob(first.salt).length, first.salt === second.salt, first.iterations >= MIN_ITERATIONS]).toEqual([16, false, true])
  })

  it('refuses a stored record weakened below the minimum iterations', async () => {
    await setPassphrase(db, 'river levee 42')
    const record = (await getPassphraseRecord(db))!
    await db.settings.put({ key: 'instructorPassphrase', value: { ...record, iterations: 1 } })
    expect(await verifyPassphrase(db, 'river levee 42')).toBe(false)
  })
})
