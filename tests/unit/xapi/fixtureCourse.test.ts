/** Statements built from a real attempt: the fixture course loaded, assembled and graded. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { submitAttempt } from '../../../src/domain/attempt.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import type { Answer, SavedResponse, VersionedItem } from '../../../src/domain/types.ts'
import { VERBS } from '../../../src/domain/xapi/iris.ts'
import { submittedAttemptStatements } from '../../../src/domain/xapi/statements.ts'
import { ATTEMPT_ID, T0, env, expectValid } from './xapiFixtures.ts'

const FIXTURE = join(import.meta.dirname, '../../fixtures/course')

/** The key as an answer, for every type the fixture course uses. */
function rightAnswer(item: VersionedItem): Answer {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: item.answer }
    case 'truefalse':
      return { type: 'truefalse', value: item.answer }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(item.blanks.map((b) => [b.id, b.accept[0] ?? ''])) }
    case 'short':
      return { type: 'short', text: item.accept[0] ?? '' }
    case 'numeric':
      return { type: 'numeric', text: String(item.answer) }
    case 'freetext':
      return { type: 'freetext', text: item.modelAnswer }
    default:
      throw new Error(`the fixture course has no ${item.type} item: add its key here`)
  }
}

describe('statements of an attempt on the fixture course', () => {
  it('are valid, one answered per drawn slot, the keys given as responses, and the score of the grade', () => {
    const { courses } = loadContent({ lessonsDir: join(FIXTURE, 'lessons'), questionsDir: join(FIXTURE, 'questions'), cwd: FIXTURE })
    const course = courses[0]!
    const blueprint = course.blueprints[0]!
    const started = startAttempt({ blueprint, banks: course.banks, learnerId: 'ana-01', courseId: course.id, attemptId: ATTEMPT_ID, seed: 3, now: T0, previousAttempts: [] })
    const responses: SavedResponse[] = started.slots.map((slot, n) => ({ attemptId: started.id, itemId: slot.itemId, answer: rightAnswer(started.snapshots[slot.version]!), flagged: false, savedAt: T0 + 1000 * (n + 1), seq: 1 }))
    const attempt = submitAttempt(started, T0 + 60_000, 'learner')
    const grade = gradeAttempt(attempt, responses, [], { passMark: blueprint.passMark })
    const statements = submittedAttemptStatements(env(), attempt, { courseTitle: course.title, sourceTitle: blueprint.title }, grade)
    for (const s of statements) expectValid(s)
    const answeredOnes = statements.filter((s) => s.verb.id === VERBS.answered)
    expect(answeredOnes).toHaveLength(attempt.slots.length)
    expect(answeredOnes.map((s) => s.object.id.split('/').pop())).toEqual(attempt.slots.map((s) => s.itemId))
    const versions = answeredOnes.map((s) => Object.values(s.context?.extensions ?? {}).find((v) => typeof v === 'string' && v !== 'assessment'))
    expect(versions).toEqual(attempt.slots.map((s) => s.version))
    const types = attempt.slots.map((slot) => attempt.snapshots[slot.version]!.type)
    expect(answeredOnes.map((s) => s.result?.response !== undefined)).toEqual(types.map((t) => t !== 'freetext'))
    const completed = statements.find((s) => s.verb.id === VERBS.completed)!
    expect(completed.result?.score).toMatchObject({ raw: grade.score, min: 0, max: grade.max })
    expect(grade.perItem.filter((r) => !r.pending).every((r) => r.grade.state === 'correct')).toBe(true)
    const decisions = statements.filter((s) => s.verb.id === VERBS.passed || s.verb.id === VERBS.failed)
    expect(decisions.length).toBe(grade.passed === null ? 0 : 1)
  })
})
