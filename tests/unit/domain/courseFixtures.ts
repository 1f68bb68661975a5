/** A small course summary and attempts for the course-progress rules. */
import type { DetailedLesson } from '../../../src/domain/catalog.ts'
import type { Mastery, MasteryLevel } from '../../../src/domain/mastery.ts'
import type { Attempt, Blueprint } from '../../../src/domain/types.ts'

export const T = 1_800_000_000_000

export function lesson(id: string, objectives: string[], itemCount = 4): DetailedLesson {
  return { id, title: `Lesson ${id}`, order: 1, summary: '', minutes: 5, objectives: objectives.map((o) => ({ id: o, text: `Objective ${o}` })), itemCount }
}

export function blueprint(id: string, kind: Blueprint['kind'], extra: Partial<Blueprint> = {}): Blueprint {
  return {
    id,
    title: `Assessment ${id}`,
    kind,
    draws: [{ count: 4 }],
    passMark: 0.7,
    gradingMethod: 'highest',
    shuffleOptions: false,
    review: { afterSubmit: ['score'], afterLastAttempt: ['score'] },
    ...extra,
  }
}

export function attempt(id: string, extra: Partial<Attempt> = {}): Attempt {
  return {
    id,
    courseId: 'c1',
    learnerId: 'ana',
    mode: 'assessment',
    sourceId: 'final',
    seed: 1,
    startedAt: T,
    deadline: null,
    submittedAt: T + 60_000,
    submitReason: 'learner',
    slots: [],
    snapshots: {},
    ...extra,
  }
}

export function mastery(objective: string, value: number, evidenceCount: number, level: MasteryLevel): Mastery {
  return { objective, mastery: value, confidence: 0.5, evidenceCount, level }
}
