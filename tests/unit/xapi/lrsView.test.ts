/** What the LRS pages say: set-aside lines, "Last sent …", field errors and the verdicts of "Test connection". */
import { describe, expect, it } from 'vitest'
import { checkLrsConfig } from '../../../src/domain/xapi/config.ts'
import { aboutVerdict, errorsByField, keyVerdict, lastSentText, learnerSendingProblem, outboxLine, waitingText, type ConnectionVerdict } from '../../../src/domain/xapi/lrsView.ts'

const EP = 'https://lrs.example.org/xapi'
const SITE = 'https://debrief.example.org'
const ok = (status: number, body = '') => ({ kind: 'response' as const, status, body })

describe('a set-aside statement in one line', () => {
  it('reads verb, object name, learner id and timestamp', () => {
    const body = JSON.stringify({
      actor: { objectType: 'Agent', account: { homePage: 'https://example.org', name: 'ana-01' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      object: { id: 'https://example.org/debrief/courses/c1/items/q1', definition: { name: { 'en-US': 'Question 1' } } },
      timestamp: '2026-11-20T09:00:00.000Z',
    })
    expect(outboxLine(body)).toEqual({ verb: 'answered', object: 'Question 1', learner: 'ana-01', when: '2026-11-20T09:00:00.000Z' })
  })

  it.each([
    ['a verb without display, an object without a name', '{"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},"object":{"id":"urn:x"}}', { verb: 'voided', object: 'urn:x', learner: 'unknown', when: '' }],
    ['not JSON', '{', { verb: 'unknown', object: 'unknown', learner: 'unknown', when: '' }],
    ['an array', '[]', { verb: 'unknown', object: 'unknown', learner: 'unknown', when: '' }],
  ])('%s', (_, body, expected) => {
    expect(outboxLine(body)).toEqual(expected)
  })
})

describe('when the last send succeeded', () => {
  const NOW = Date.UTC(2026, 10, 20, 12)
  it.each([
    [null, 'Nothing sent yet.'],
    [NOW - 20_000, 'Last sent less than a minute ago.'],
    [NOW - 60_000, 'Last sent 1 minute ago.'],
    [NOW - 3 * 60_000 - 10_000, 'Last sent 3 minutes ago.'],
    [NOW - 5 * 3_600_000, 'Last sent 5 hours ago.'],
    [NOW - 3 * 86_400_000, 'Last sent 3 days ago.'],
    [NOW + 60_000, 'Last sent less than a minute ago.'],
  ])('%s → %s', (at, text) => {
    expect(lastSentText(at, NOW)).toBe(text)
  })

  it.each([[0, 'No statements wait to be sent.'], [1, '1 statement waits to be sent.'], [4, '4 statements wait to be sent.']])('%i waiting → %s', (n, text) => {
    expect(waitingText(n)).toBe(text)
  })
})

describe('the check’s errors under their fields', () => {
  it('puts each error of checkLrsConfig under the field it names', () => {
    const check = checkLrsConfig({ lrs: { endpoint: 'http://lrs.example.org', homePage: 'nope', auth: { type: 'basic', key: 'a:b', secret: '' }, sendDisplayName: 'yes', colour: 1 } })
    expect(check.ok).toBe(false)
    const byField = errorsByField(check.ok ? [] : check.errors)
    expect(Object.keys(byField).sort()).toEqual(['endpoint', 'form', 'homePage', 'key', 'secret', 'sendDisplayName'])
    expect(byField.endpoint).toEqual([expect.stringContaining('must use https://')])
    expect(byField.key).toEqual([expect.stringContaining('must not contain ":"')])
    expect(byField.form).toEqual([expect.stringContaining('lrs.colour is not a setting')])
  })

  it('a missing auth object is the key’s error', () => {
    expect(errorsByField(['lrs.auth must be { "type": "basic", "key": "…", "secret": "…" }.'])).toEqual({ key: [expect.stringContaining('lrs.auth must be')] })
  })
})

describe('Test connection: GET /about', () => {
  it.each([
    ['200 with versions', ok(200, '{"version":["1.0.3","1.0.2"]}'), true, 'Connected: the LRS speaks xAPI 1.0.3, 1.0.2.'],
    ['200, version 1.0 alone', ok(200, '{"version":["1.0"]}'), true, /1\.0\./u],
    ['200 with only xAPI 2.0', ok(200, '{"version":["2.0.0"]}'), false, /speaks xAPI 2\.0\.0, not 1\.0\.x/u],
    ['200 that is not JSON', ok(200, '<html>Sign in</html>'), false, /not with xAPI's description of itself: this is not an LRS's xAPI endpoint/u],
    ['200 JSON without versions', ok(200, '{"hello":1}'), false, /not an LRS's xAPI endpoint/u],
    ['401', ok(401), false, /refused the key and secret \(401\)/u],
    ['403', ok(403), false, /does not allow it \(403\)/u],
    ['404', ok(404), false, /Nothing answers at https:\/\/lrs\.example\.org\/xapi\/about \(404\): this is not an LRS's xAPI endpoint/u],
    ['500', ok(500), false, /answered 500/u],
    ['no answer, online', { kind: 'network-error' as const, offline: false }, false, /No answer from https:\/\/lrs\.example\.org\/xapi.*CORS: its administrator must allow https:\/\/debrief\.example\.org/u],
    ['no answer, offline', { kind: 'network-error' as const, offline: true }, false, /This device is offline/u],
  ])('%s', (_, answer, good, message) => {
    const verdict = aboutVerdict(answer, EP, SITE)
    expect(verdict.ok).toBe(good)
    expect(verdict.message).toMatch(message)
  })
})

describe('Test connection: the key', () => {
  const about = aboutVerdict(ok(200, '{"version":["1.0.3"]}'), EP, SITE) as ConnectionVerdict & { ok: true }
  it.each([
    [404, true, 'Connected: the LRS speaks xAPI 1.0.3, and it accepts the key and secret.'],
    [200, true, 'Connected: the LRS speaks xAPI 1.0.3, and it accepts the key and secret.'],
    [401, false, /refused the key and secret \(401\)/u],
    [403, true, /knows the key but does not let it read statements \(403\)/u],
    [502, false, /502 to a read with the key/u],
  ])('%i', (status, good, message) => {
    const verdict = keyVerdict(about, ok(status), EP, SITE)
    expect(verdict.ok).toBe(good)
    expect(verdict.message).toMatch(message)
  })
})

describe('the learner’s sentence on why sending stopped', () => {
  it.each([
    [null, null, null, null],
    ['debrief.config.json is not valid JSON.', 'paused', 'x', 'debrief.config.json is not valid JSON.'],
    [null, "The LRS refused Debrief's key (401): secret-ish text", null, /Sending is paused: the LRS did not accept this device’s key/u],
    [null, null, 'The LRS answered 503', /did not get through.*tries again by itself/u],
  ])('%s / %s / %s', (setup, paused, last, expected) => {
    const text = learnerSendingProblem(setup, paused, last)
    if (expected === null) expect(text).toBeNull()
    else expect(text).toMatch(expected)
    expect(text ?? '').not.toContain('secret-ish')
  })
})
