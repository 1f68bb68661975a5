import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DebriefDb } from '../../../src/db/database.ts'
import { getSealedItems, saveSealedItems, sealedItemsByVersion, type SealedItemsRecord } from '../../../src/db/sealedItems.ts'
import type { VersionedItem } from '../../../src/domain/types.ts'
import { uniqueName } from './upgradeHarness.ts'

const item = (version: string): VersionedItem =>
  ({ id: `q-${version}`, version, lesson: 'l1', type: 'single', stem: 'Which?', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }], objective: 'o1', difficulty: 1, bloom: 'remember' }) as VersionedItem

const row = (via: SealedItemsRecord['via'], versions: string[], extra: Partial<SealedItemsRecord> = {}): SealedItemsRecord => ({
  courseId: 'c', via, items: versions.map(item), openedAt: 5, ...extra,
})

describe('sealed items on this device', () => {
  let db: DebriefDb
  beforeEach(async () => {
    db = new DebriefDb(uniqueName())
    await db.open()
  })
  afterEach(() => db.delete())

  it('holds nothing for a course until its key file is opened', async () => {
    expect([await getSealedItems(db, 'c'), (await sealedItemsByVersion(db, 'c')).size]).toEqual([undefined, 0])
  })

  it('finds the opened items by version', async () => {
    await saveSealedItems(db, row('release-code', ['v1', 'v2']))
    expect([...(await sealedItemsByVersion(db, 'c')).keys()]).toEqual(['v1', 'v2'])
    expect((await sealedItemsByVersion(db, 'other')).size).toBe(0)
  })

  it.each([
    ['secret after release code', 'release-code', 'secret', 'secret'],
    ['secret after secret', 'secret', 'secret', 'secret'],
    ['release code after release code', 'release-code', 'release-code', 'release-code'],
  ] as const)('replaces the row: %s', async (_, first, second, kept) => {
    await saveSealedItems(db, row(first, ['v1']))
    await saveSealedItems(db, row(second, ['v2']))
    const stored = await getSealedItems(db, 'c')
    expect([stored?.via, stored?.items.map((i) => i.version)]).toEqual([kept, ['v2']])
  })

  it('keeps the instructor\'s row (and its release code) when a release code opens the file later', async () => {
    await saveSealedItems(db, row('secret', ['v1'], { releaseCode: 'AAAA-BBBB' }))
    const kept = await saveSealedItems(db, row('release-code', ['v2']))
    expect([kept.via, kept.releaseCode, (await getSealedItems(db, 'c'))?.items.map((i) => i.version)]).toEqual(['secret', 'AAAA-BBBB', ['v1']])
  })
})
