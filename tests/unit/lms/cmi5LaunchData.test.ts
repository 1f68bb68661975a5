import { describe, expect, it } from 'vitest'
import { SESSION_ID_EXTENSION, readAuthToken, readLanguagePreference, readLaunchData } from '../../../src/domain/lms/cmi5LaunchData.ts'

const TEMPLATE = {
  contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://debrief.example.org/au/quiz-l1' }] },
  extensions: { [SESSION_ID_EXTENSION]: 'session-7' },
}
const DOC = { contextTemplate: TEMPLATE, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.6, returnURL: 'https://lms.example.org/course/3' }

describe('readAuthToken', () => {
  it('takes the auth-token of a 200 answer', () => {
    expect(readAuthToken(200, '{"auth-token":"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}')).toEqual({ ok: true, value: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==', warnings: [] })
  })

  it.each([
    [200, '{"error-code":"1","error-text":"The authorization token has already been returned."}', 'already used or has expired', 'cmi5 fetch error 1: The authorization token has already been returned.'],
    [200, '{"error-code":2}', 'a security check failed', 'cmi5 fetch error 2'],
    [200, '{"error-code":"3","error-text":"DB down"}', 'had a problem signing Debrief in', 'cmi5 fetch error 3: DB down'],
    [200, '{"error-code":"9"}', 'did not sign Debrief in', 'cmi5 fetch error 9'],
    [200, '<html>login</html>', 'did not sign Debrief in', 'The fetch URL answered 200 without an auth-token.'],
    [200, '{"auth-token":""}', 'did not sign Debrief in', 'The fetch URL answered 200 without an auth-token.'],
    [500, 'Internal error', 'did not sign Debrief in', 'The fetch URL answered 500: Internal error.'],
    [403, '{"auth-token":"abc"}', 'did not sign Debrief in', 'The fetch URL answered 403: {"auth-token":"abc"}.'],
  ])('%i %s → a plain message and the LMS\'s words as detail', (status, body, words, detail) => {
    const read = readAuthToken(status, body)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problem.message).toContain(words)
    expect(read.problem.message).toMatch(/open the course again from your LMS\.$/u)
    expect(read.problem.detail).toBe(detail)
  })
})

describe('readLaunchData', () => {
  it('reads every field', () => {
    expect(readLaunchData(200, JSON.stringify({ ...DOC, launchParameters: 'mode=x' }))).toEqual({
      ok: true,
      value: { contextTemplate: TEMPLATE, sessionId: 'session-7', launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.6, returnUrl: 'https://lms.example.org/course/3', launchParameters: 'mode=x' },
      warnings: [],
    })
  })

  it('leaves out masteryScore and returnURL when the LMS gives none', () => {
    const { masteryScore: _m, returnURL: _r, ...doc } = DOC
    const read = readLaunchData(200, JSON.stringify({ ...doc, launchMode: 'Browse' }))
    expect(read.ok && read.value).toEqual({ contextTemplate: TEMPLATE, sessionId: 'session-7', launchMode: 'Browse', moveOn: 'CompletedAndPassed' })
  })

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'not a url', 42])('ignores returnURL %j with a warning, and still launches', (returnURL) => {
    const read = readLaunchData(200, JSON.stringify({ ...DOC, returnURL }))
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.value.returnUrl).toBeUndefined()
    expect(read.warnings).toEqual([expect.stringContaining('is not an http(s) address') as string])
  })

  it.each([
    [404, '', 'is missing (the LRS answered 404 for stateId=LMS.LaunchData)'],
    [500, 'oops', 'could not be read (the LRS answered 500)'],
    [200, '{"contextTemplate":', 'is not a JSON object'],
    [200, '[]', 'is not a JSON object'],
    [200, JSON.stringify({ ...DOC, contextTemplate: undefined }), 'has no contextTemplate object'],
    [200, JSON.stringify({ ...DOC, contextTemplate: { contextActivities: {} } }), 'has a contextTemplate without extensions'],
    [200, JSON.stringify({ ...DOC, contextTemplate: { extensions: {} } }), 'has a contextTemplate without the session id'],
    [200, JSON.stringify({ ...DOC, contextTemplate: { ...TEMPLATE, contextActivities: [] } }), 'contextActivities is not an object'],
    [200, JSON.stringify({ ...DOC, launchMode: undefined }), 'has launchMode undefined: expected Normal, Browse, Review'],
    [200, JSON.stringify({ ...DOC, launchMode: 'normal' }), 'has launchMode "normal"'],
    [200, JSON.stringify({ ...DOC, moveOn: undefined }), 'has moveOn undefined: expected Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable'],
    [200, JSON.stringify({ ...DOC, masteryScore: 60 }), 'has masteryScore 60: expected a number from 0 to 1'],
    [200, JSON.stringify({ ...DOC, masteryScore: '0.6' }), 'has masteryScore "0.6"'],
    [200, JSON.stringify({ ...DOC, launchParameters: 'x'.repeat(70_000) }), 'is larger than 65536 characters'],
  ])('%i %s → refused: LMS.LaunchData %s', (status, body, detail) => {
    const read = readLaunchData(status, body)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problem.message).toContain('launch settings for this unit are incomplete')
    expect(read.problem.detail).toContain(detail)
  })
})

describe('readLanguagePreference', () => {
  it.each([
    [200, '{"languagePreference":"en-US,fr-FR, fr-BE","audioPreference":"on"}', ['en-US', 'fr-FR', 'fr-BE']],
    [200, '{"languagePreference":"en-US,<b>"}', ['en-US']],
    [404, '', []],
    [200, 'not json', []],
    [200, '{"languagePreference":3}', []],
  ])('%i %s → %j', (status, body, tags) => {
    expect(readLanguagePreference(status, body)).toEqual(tags)
  })
})
