/** Learner profiles on a shared device, and which one is active. */
import type { DebriefDb } from './database.ts'
import type { LearnerRecord } from './records.ts'
import { toStorageError } from './errors.ts'

const ACTIVE_KEY = 'activeLearner'

/** Profiles made on this device (not learners whose results were imported). */
export async function listLearners(db: DebriefDb): Promise<LearnerRecord[]> {
  return (await db.learners.where('origin').equals('local').toArray()).sort((a, b) => a.name.localeCompare(b.name))
}

export async function createLearner(db: DebriefDb, profile: Omit<LearnerRecord, 'origin'>): Promise<LearnerRecord> {
  const learner: LearnerRecord = { ...profile, origin: 'local' }
  try {
    await db.transaction('rw', db.learners, db.settings, async () => {
      await db.learners.add(learner)
      await db.settings.put({ key: ACTIVE_KEY, value: learner.id })
    })
    return learner
  } catch (error) {
    throw toStorageError(error)
  }
}

export async function getActiveLearnerId(db: DebriefDb): Promise<string | undefined> {
  const row = await db.settings.get(ACTIVE_KEY)
  return typeof row?.value === 'string' ? row.value : undefined
}

export async function setActiveLearner(db: DebriefDb, learnerId: string | undefined): Promise<void> {
  let exists: boolean
  try {
    exists = learnerId === undefined || (await db.learners.get(learnerId)) !== undefined
    if (exists) await (learnerId === undefined ? db.settings.delete(ACTIVE_KEY) : db.settings.put({ key: ACTIVE_KEY, value: learnerId }))
  } catch (error) {
    throw toStorageError(error)
  }
  if (!exists) throw new Error('That profile is no longer on this device. Choose another one, or create a new profile.')
}
