import { beforeEach, describe, expect, it, vi } from 'vitest'
import { attachLmsSession, finishLms, lmsProblem, resetLmsBridge, tellLms } from '../../../src/app/lms/bridge.ts'
import type { LmsEvent, LmsProblem, LmsSession } from '../../../src/app/lms/session.ts'

vi.mock('../../../src/app/lms/target.ts', () => ({ lmsTarget: { kind: 'scorm12', courseId: 'c' } }))

const lesson = (lessonId: string): LmsEvent => ({ type: 'lesson', courseId: 'c', lessonId, fraction: 0.5, completed: false })

/** A session that records what it heard; `answers` gives each report's outcome in turn. */
function recorder(answers: Array<LmsProblem | undefined | Error> = []) {
  const heard: string[] = []
  let releaseFirst: () => void = () => undefined
  const firstHeld = new Promise<void>((r) => (releaseFirst = r))
  const session: LmsSession = {
    kind: 'scorm12',
    learner: { id: 'l', name: 'L' },
    async report(event) {
      heard.push(event.type === 'lesson' ? event.lessonId : event.type)
      if (heard.length === 1) await firstHeld
      const answer = answers.shift()
      if (answer instanceof Error) throw answer
      return answer
    },
    async finish() {
      heard.push('finish')
      return undefined
    },
  }
  return { session, heard, releaseFirst }
}

describe('the LMS bridge', () => {
  beforeEach(() => resetLmsBridge())

  it('keeps events from before the connection and sends them first, in order', async () => {
    void tellLms(lesson('a'))
    void tellLms(lesson('b'))
    const { session, heard, releaseFirst } = recorder()
    const sent = attachLmsSession(session)
    const third = tellLms(lesson('c'))
    releaseFirst()
    await Promise.all([sent, third])
    expect(heard).toEqual(['a', 'b', 'c'])
  })

  it('sends one report at a time: the second waits for the first', async () => {
    const { session, heard, releaseFirst } = recorder()
    void attachLmsSession(session)
    const first = tellLms(lesson('a'))
    const second = tellLms(lesson('b'))
    await Promise.resolve()
    expect(heard).toEqual(['a'])
    releaseFirst()
    await Promise.all([first, second])
    expect(heard).toEqual(['a', 'b'])
  })

  it.each([
    ['a refusal', { message: 'The LMS refused the score.' }, 'The LMS refused the score.'],
    ['a throw', new Error('boom'), 'Your answer is saved on this device, but the course system did not take it. It will be sent again with your next answer.'],
  ])('keeps %s as the problem to show, and clears it when a later report goes through', async (_name, outcome, message) => {
    const { session, releaseFirst } = recorder([undefined, outcome])
    releaseFirst()
    void attachLmsSession(session)
    await tellLms(lesson('a'))
    await tellLms(lesson('b'))
    expect(lmsProblem.value?.message).toBe(message)
    await tellLms(lesson('c'))
    expect(lmsProblem.value).toBeUndefined()
  })

  it('finishes after every report before it', async () => {
    const { session, heard, releaseFirst } = recorder()
    void attachLmsSession(session)
    void tellLms(lesson('a'))
    const done = finishLms()
    releaseFirst()
    await done
    expect(heard).toEqual(['a', 'finish'])
  })
})
