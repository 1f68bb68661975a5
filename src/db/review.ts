/** The FSRS review card of each item, per learner and course. */
import type { ReviewCard } from '../domain/schedule.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

export function listReviewCards(db: DebriefDb, learnerId: string, courseId: string): Promise<Record<string, ReviewCard>> {
  return guarded(async () => {
    const rows = await db.reviewCards.where('[learnerId+courseId]').equals([learnerId, courseId]).toArray()
    return Object.fromEntries(rows.map((r) => [r.itemId, r.card]))
  })
}

/** Saves several cards at once, all or none. */
export async function putReviewCards(db: DebriefDb, learnerId: string, courseId: string, cards: Record<string, ReviewCard>): Promise<void> {
  await guarded(() =>
    db.transaction('rw', db.reviewCards, () =>
      db.reviewCards.bulkPut(Object.entries(cards).map(([itemId, card]) => ({ learnerId, courseId, itemId, due: card.due, card }))),
    ),
  )
}
