import { shallowRef, type ShallowRef } from 'vue'
import type { AttemptGradeOptions, finalGrade, gradeAttempt } from '../domain/attemptGrading.ts'
import type { Blueprint } from '../domain/types.ts'
import type { masteryEvidence } from '../domain/evidence.ts'
import type { computeMastery } from '../domain/mastery.ts'

/** What grading a learner's attempts and estimating mastery needs. */
export interface GradingEngine {
  gradeAttempt: typeof gradeAttempt
  finalGrade: typeof finalGrade
  /** `gradingOptions(assessmentInfo(blueprint))`: the pass mark, negative marking and certainty rules a grade needs. */
  optionsFor: (blueprint: Blueprint) => AttemptGradeOptions
  masteryEvidence: typeof masteryEvidence
  computeMastery: typeof computeMastery
}

const engine = shallowRef<GradingEngine>()
let loading: Promise<GradingEngine> | undefined

async function importEngine(): Promise<GradingEngine> {
  const [grading, evidence, mastery] = await Promise.all([import('../domain/blueprintGrading.ts'), import('../domain/evidence.ts'), import('../domain/mastery.ts')])
  engine.value = { gradeAttempt: grading.gradeAttempt, finalGrade: grading.finalGrade, optionsFor: grading.gradingOptionsFor, masteryEvidence: evidence.masteryEvidence, computeMastery: mastery.computeMastery }
  return engine.value
}

/**
 * The grading engine, the budget's one lazy boundary for grading: calling this loads the engine's
 * code (once, for the whole app) and `engine` fills in when it arrives. Only code that shows
 * grades or mastery calls it, so the pages that show none (the start page of a new learner, the
 * page taking an assessment) never load grading code. A failed load is retried on the next call.
 */
export function useGradingEngine(): { engine: Readonly<ShallowRef<GradingEngine | undefined>>; ready: Promise<GradingEngine> } {
  if (loading === undefined) {
    loading = importEngine().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    // Readers that only watch `engine` do not await `ready`: a failed load must not go unhandled.
    loading.catch(() => undefined)
  }
  return { engine: loadedEngine, ready: loading }
}

/** The engine if it has been loaded, without loading it. */
export const loadedEngine: Readonly<ShallowRef<GradingEngine | undefined>> = engine
