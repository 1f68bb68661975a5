/** After Exit (finishLms), the learner goes to the LMS's returnURL (cmi5 §10) — only when the end went through. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { attachLmsSession, finishLms, lmsProblem, resetLmsBridge } from '../../../src/app/lms/bridge.ts'
import type { LmsProblem, LmsSession } from '../../../src/app/lms/session.ts'

vi.mock('../../../src/app/lms/target.ts', () => ({ lmsTarget: { kind: 'cmi5', courseId: 'c' } }))

function session(finish: () => Promise<LmsProblem | undefined>, returnUrl?: string): LmsSession {
  return { kind: 'cmi5', learner: { id: 'ana-01', name: 'Ana' }, report: () => Promise.resolve(undefined), finish, ...(returnUrl !== undefined ? { returnUrl } : {}) }
}

describe('finishLms and returnURL', () => {
  beforeEach(() => resetLmsBridge())

  it('goes to returnURL once the session ended', async () => {
    const navigate = vi.fn()
    await attachLmsSession(session(() => Promise.resolve(undefined), 'https://lms.example.org/course/3'))
    await finishLms({ navigate })
    expect(navigate).toHaveBeenCalledWith('https://lms.example.org/course/3')
  })

  it('stays, with the problem shown, when the end did not reach the LMS', async () => {
    const navigate = vi.fn()
    await attachLmsSession(session(() => Promise.resolve({ message: 'Not reached.' }), 'https://lms.example.org/course/3'))
    await finishLms({ navigate })
    expect(navigate).not.toHaveBeenCalled()
    expect(lmsProblem.value).toEqual({ message: 'Not reached.' })
  })

  it('stays when the LMS gave no returnURL', async () => {
    const navigate = vi.fn()
    await attachLmsSession(session(() => Promise.resolve(undefined)))
    await finishLms({ navigate })
    expect(navigate).not.toHaveBeenCalled()
  })

  it('ignores what a click handler passes (an event), so @click="finishLms" is safe', async () => {
    const finish = vi.fn(() => Promise.resolve(undefined))
    await attachLmsSession(session(finish))
    await finishLms({ type: 'click' } as unknown as Parameters<typeof finishLms>[0])
    expect(finish).toHaveBeenCalledOnce()
  })
})
