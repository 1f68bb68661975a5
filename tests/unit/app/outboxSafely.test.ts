/** A bug while building statements costs the statements, never the event (src/app/outboxSafely.ts). */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { safely } from '../../../src/app/outboxSafely.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { queuedRow } from '../../../src/db/outbox.ts'
import { recordReading } from '../../../src/db/progress.ts'
import { uniqueName } from '../db/upgradeHarness.ts'

afterEach(() => vi.restoreAllMocks())

describe('a row maker called inside an event\'s transaction', () => {
  it('passes the rows on', () => {
    const row = queuedRow('00000000-0000-4000-8000-000000000001', '{}', 1)
    expect(safely(() => [row], 'problem')()).toEqual([row])
  })

  it('saves the event without statements when building them throws, and says why in the console', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const db = new DebriefDb(uniqueName())
    const broken = safely(() => {
      throw new Error('no such lesson')
    }, 'The lesson\'s xAPI statements could not be built; progress is saved without them.')
    const saved = await recordReading(db, { learnerId: 'ana', courseId: 'c', lessonId: 'l', readFraction: 0.5, secondsDelta: 3, now: 10 }, broken)
    expect([saved.state, await db.outbox.count()]).toEqual(['in-progress', 0])
    expect(logged).toHaveBeenCalledWith('The lesson\'s xAPI statements could not be built; progress is saved without them.', expect.any(Error))
  })
})
