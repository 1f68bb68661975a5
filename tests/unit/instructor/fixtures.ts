/** Attempts and responses over the fixture items, for the instructor's domain and db tests. */
import type { Answer, Attempt, ManualGrade, SavedResponse, VersionedItem } from '../../../src/domain/types.ts'
import { freetext, single, truefalse } from '../../fixtures/items.ts'

export const T0 = Date.UTC(2025, 0, 6, 9)

export interface AttemptSpec {
  id: string
  learnerId?: string
  sourceId?: string
  courseId?: string
  startedAt?: number
  submitted?: boolean
  items?: VersionedItem[]
  mode?: Attempt['mode']
}

/** A submitted (by default) attempt at `final` over single (o1), truefalse (o2) by default. */
export function makeAttempt(spec: AttemptSpec): Attempt {
  const items = spec.items ?? [single, truefalse]
  const startedAt = spec.startedAt ?? T0
  return {
    id: spec.id,
    courseId: spec.courseId ?? 'c1',
    learnerId: spec.learnerId ?? 'ana',
    mode: spec.mode ?? 'assessment',
    sourceId: spec.sourceId ?? 'final',
    seed: 1,
    startedAt,
    deadline: null,
    submittedAt: spec.submitted === false ? null : startedAt + 60_000,
    submitReason: spec.submitted === false ? null : 'learner',
    slots: items.map((item) => ({ itemId: item.id, version: item.version })),
    snapshots: Object.fromEntries(items.map((item) => [item.version, item])),
  }
}

export function respond(attemptId: string, itemId: string, answer: Answer | null, savedAt = T0 + 1000, seq = 1): SavedResponse {
  return { attemptId, itemId, answer, flagged: false, savedAt, seq }
}

export const RIGHT_SINGLE: Answer = { type: 'single', optionId: single.answer }
export const WRONG_SINGLE: Answer = { type: 'single', optionId: 'b' }
export const RIGHT_TF: Answer = { type: 'truefalse', value: truefalse.answer }
export const WRONG_TF: Answer = { type: 'truefalse', value: !truefalse.answer }
export const FREE_ANSWER: Answer = { type: 'freetext', text: 'Ideological contamination from a small force that could spread.' }

export function manual(attemptId: string, itemId: string, score: number, gradedAt = T0 + 9_000_000): ManualGrade {
  return { attemptId, itemId, criteria: {}, score, comment: 'Good.', gradedAt }
}

/** Groups rows by attempt id, the shape the gradebook reads. */
export function byAttempt<T extends { attemptId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) map.set(row.attemptId, [...(map.get(row.attemptId) ?? []), row])
  return map
}

export { freetext, single, truefalse }
