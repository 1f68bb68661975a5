/** The FSRS review card of each item, per learner and course. */
import type { ReviewCard } from '../domain/schedule.ts'
import type { DebriefDb } from './database.ts'
import { toStorageError } from './errors.ts'

export async function listReviewCards(db: DebriefDb, learnerId: string, courseId: string): Promise<Record<string, ReviewCard>> {
  try {
    const rows = await db.reviewCards.where('[learnerId+courseId]').equals([learnerId, courseId]).toArray()
    return Object.fromEntries(rows.map((r) => [r.itemId, r.card]))
  } catch (error) {
    throw toStorageError(error)
  }
}

/** Saves several cards at once, all or none. */
export async function putReviewCards(db: DebriefDb, learnerId: string, courseId: string, cards: Record<string, ReviewCard>): Promise<void> {
  try {
    await db.transaction('rw', db.reviewCards, () =>
      db.reviewCards.bulkPut(
        Object.entries(cards).map(([itemId, card]) => ({ learnerId, courseId, itemId, due: card.due, card })),
      ),
    )
  } catch (error) {
    throw toStorageError(error)
  }
}
