/**
 * A learner's extra time for timed assessments, set by an instructor. Apart from learners.ts so
 * the learner's pages, which load that module first, do not carry it.
 */
import { allowanceProblem, normalAllowance, type Allowance } from '../domain/allowance.ts'
import type { Learner } from '../domain/learnerTypes.ts'
import type { DebriefDb } from './database.ts'
import { guarded } from './errors.ts'

/**
 * Sets (or, with undefined, removes) a learner's extra time for timed assessments. Only the
 * instructor sets it (the instructor store checks the unlock); attempts already started keep
 * the deadline they were given. Refuses an allowance out of bounds (domain/allowance.ts).
 */
export async function setAllowance(db: DebriefDb, learnerId: string, allowance: Allowance | undefined): Promise<Learner> {
  const problem = allowance === undefined ? undefined : allowanceProblem(allowance)
  if (problem !== undefined) throw new Error(problem)
  const stored = normalAllowance(allowance)
  const updated = await guarded(() =>
    db.transaction('rw', db.learners, async () => {
      const learner = await db.learners.get(learnerId)
      if (learner === undefined) return undefined
      const { allowance: _old, ...rest } = learner
      const next: Learner = stored === undefined ? rest : { ...rest, allowance: stored }
      await db.learners.put(next)
      return next
    }),
  )
  if (updated === undefined) throw new Error('That learner is no longer on this device.')
  return updated
}
