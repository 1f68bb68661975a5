/** Learner profiles on a shared device, and which one is active. */
import type { Learner } from '../domain/learnerTypes.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

const ACTIVE_KEY = 'activeLearner'

/** Profiles made on this device (not learners whose results were imported). */
export function listLearners(db: DebriefDb): Promise<Learner[]> {
  return guarded(async () => (await db.learners.where('origin').equals('local').toArray()).sort((a, b) => a.name.localeCompare(b.name)))
}

export async function createLearner(db: DebriefDb, profile: Omit<Learner, 'origin'>): Promise<Learner> {
  const learner: Learner = { ...profile, origin: 'local' }
  await guarded(() =>
    db.transaction('rw', db.learners, db.settings, async () => {
      await db.learners.add(learner)
      await db.settings.put({ key: ACTIVE_KEY, value: learner.id })
    }),
  )
  return learner
}

export function getActiveLearnerId(db: DebriefDb): Promise<string | undefined> {
  return guarded(async () => {
    const row = await db.settings.get(ACTIVE_KEY)
    return typeof row?.value === 'string' ? row.value : undefined
  })
}

export async function setActiveLearner(db: DebriefDb, learnerId: string | undefined): Promise<void> {
  const exists = await guarded(async () => {
    const found = learnerId === undefined || (await db.learners.get(learnerId)) !== undefined
    if (found) await (learnerId === undefined ? db.settings.delete(ACTIVE_KEY) : db.settings.put({ key: ACTIVE_KEY, value: learnerId }))
    return found
  })
  if (!exists) throw new Error('That profile is no longer on this device. Choose another one, or create a new profile.')
}

/** Whether a profile with this id is on this device. */
export function hasLearner(db: DebriefDb, learnerId: string): Promise<boolean> {
  return guarded(async () => (await db.learners.get(learnerId)) !== undefined)
}
