/**
 * Mastery per objective, from practice and assessment evidence.
 *
 * Model (a weighted mean shrunk towards zero by a prior):
 *   mastery = Σ wᵢ·xᵢ / (PRIOR_WEIGHT + Σ wᵢ)
 * where xᵢ = score/max of one graded response and wᵢ is its weight:
 * - recency: the k-th newest response on the objective weighs 0.5^(k / 8) (a half-life of eight
 *   responses), and evidence also halves every 60 days of age, so old results fade;
 * - source: assessment evidence weighs 2, practice 1 (assessment answers are given unaided);
 * - difficulty: 0.8 / 1 / 1.2 for difficulty 1 / 2 / 3;
 * - guessability: true/false 0.5, single choice 0.75, every other type 1.
 * The prior (weight 1 at score 0) means a learner starts at 0 with low confidence and needs
 * several good answers before mastery climbs: one perfect practice answer gives 0.5.
 * Ungraded free text (needs-grading) is not evidence; responses after `now` are ignored.
 * Levels: no evidence → not-started; mastery ≥ 0.8 with at least 3 responses → mastered;
 * mastery ≥ 0.5 → practised; otherwise learning.
 */
import type { Difficulty, ItemType } from './types.ts'

export interface MasteryEvidence {
  objective: string
  score: number
  max: number
  /** Epoch ms when the response was graded or saved. */
  at: number
  source: 'practice' | 'assessment'
  itemType?: ItemType
  difficulty?: Difficulty
}

export type MasteryLevel = 'not-started' | 'learning' | 'practised' | 'mastered'

export interface Mastery {
  objective: string
  mastery: number
  /** Σw / (PRIOR_WEIGHT + Σw): how much the estimate rests on evidence rather than the prior. */
  confidence: number
  evidenceCount: number
  level: MasteryLevel
}

export const PRIOR_WEIGHT = 1
export const HALF_LIFE_RESPONSES = 8
export const HALF_LIFE_DAYS = 60
const DAY = 86_400_000

const DIFFICULTY_WEIGHT: Record<Difficulty, number> = { 1: 0.8, 2: 1, 3: 1.2 }

function typeWeight(type: ItemType | undefined): number {
  if (type === 'truefalse') return 0.5
  if (type === 'single') return 0.75
  return 1
}

/** The level a mastery value and evidence count fall in (thresholds at the top of the file). */
export function masteryLevel(mastery: number, evidenceCount: number): MasteryLevel {
  if (evidenceCount === 0) return 'not-started'
  if (mastery >= 0.8 && evidenceCount >= 3) return 'mastered'
  if (mastery >= 0.5) return 'practised'
  return 'learning'
}

function estimate(objective: string, evidence: readonly MasteryEvidence[], now: number): Mastery {
  const newestFirst = [...evidence].sort((a, b) => b.at - a.at)
  let weighted = 0
  let weights = 0
  newestFirst.forEach((e, k) => {
    const ageDays = Math.max(0, now - e.at) / DAY
    const w =
      0.5 ** (k / HALF_LIFE_RESPONSES) *
      0.5 ** (ageDays / HALF_LIFE_DAYS) *
      (e.source === 'assessment' ? 2 : 1) *
      DIFFICULTY_WEIGHT[e.difficulty ?? 2] *
      typeWeight(e.itemType)
    weighted += w * Math.min(1, Math.max(0, e.score / e.max))
    weights += w
  })
  const mastery = weights > 0 ? weighted / (PRIOR_WEIGHT + weights) : 0
  return {
    objective,
    mastery,
    confidence: weights / (PRIOR_WEIGHT + weights),
    evidenceCount: newestFirst.length,
    level: masteryLevel(mastery, newestFirst.length),
  }
}

/**
 * Mastery of each objective. Objectives listed in `objectives` appear even without evidence
 * (as not-started), in that order; others follow in order of first appearance.
 */
export function computeMastery(
  evidence: readonly MasteryEvidence[],
  now: number,
  objectives: readonly string[] = [],
): Mastery[] {
  const byObjective = new Map<string, MasteryEvidence[]>(objectives.map((o) => [o, []]))
  for (const e of evidence) {
    if (e.at > now || !(e.max > 0) || !Number.isFinite(e.score)) continue
    const list = byObjective.get(e.objective)
    if (list === undefined) byObjective.set(e.objective, [e])
    else list.push(e)
  }
  return [...byObjective.entries()].map(([objective, list]) => estimate(objective, list, now))
}
