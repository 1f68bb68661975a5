import { describe, expect, it } from 'vitest'
import { checkLrsConfig } from '../../../src/domain/xapi/config.ts'

const good = {
  endpoint: 'https://lrs.example.org/xapi/',
  homePage: 'https://example.org/learners',
  auth: { type: 'basic', key: 'debrief', secret: 's3cret' },
  sendDisplayName: false,
}

describe('debrief.config.json, lrs part', () => {
  it('accepts a complete configuration, trims the endpoint, and defaults the rest', () => {
    expect(checkLrsConfig({ lrs: good })).toEqual({
      ok: true,
      config: { endpoint: 'https://lrs.example.org/xapi', homePage: 'https://example.org/learners', activityBase: 'https://example.org/learners/debrief', auth: { type: 'basic', key: 'debrief', secret: 's3cret' }, sendDisplayName: false, sendFreeText: false },
    })
  })

  it('no lrs at all means no LRS, not an error', () => {
    expect(checkLrsConfig({})).toEqual({ ok: true, config: null })
  })

  it.each([
    ['http://127.0.0.1:8081/xapi'],
    ['http://localhost/xapi'],
  ])('accepts plain http only on loopback: %s', (endpoint) => {
    expect(checkLrsConfig({ lrs: { ...good, endpoint } }).ok).toBe(true)
  })

  it.each<[string, unknown, RegExp]>([
    ['a file that is not an object', [], /one JSON object/],
    ['lrs not an object', { lrs: 'https://lrs' }, /^lrs must be an object/],
    ['http to another host', { lrs: { ...good, endpoint: 'http://lrs.example.org/xapi' } }, /lrs\.endpoint "http:\/\/lrs\.example\.org" must use https/],
    ['http to a private address', { lrs: { ...good, endpoint: 'http://192.168.1.5/xapi' } }, /lrs\.endpoint .* must use https/],
    ['an endpoint that is no address', { lrs: { ...good, endpoint: 'lrs.example.org' } }, /lrs\.endpoint must be the LRS address/],
    ['credentials in the endpoint', { lrs: { ...good, endpoint: 'https://k:s@lrs.example.org/xapi' } }, /must not contain a user name or password/],
    ['a query in the endpoint', { lrs: { ...good, endpoint: 'https://lrs.example.org/xapi?x=1' } }, /must not have a query/],
    ['no homePage', { lrs: { ...good, homePage: undefined } }, /lrs\.homePage must be a web address/],
    ['a homePage that is not http(s)', { lrs: { ...good, homePage: 'mailto:a@b.c' } }, /lrs\.homePage must be a web address/],
    ['no auth', { lrs: { ...good, auth: undefined } }, /lrs\.auth must be \{ "type": "basic"/],
    ['auth of another type', { lrs: { ...good, auth: { type: 'oauth', key: 'a', secret: 'b' } } }, /lrs\.auth must be/],
    ['an empty key', { lrs: { ...good, auth: { type: 'basic', key: ' ', secret: 'b' } } }, /lrs\.auth\.key must be a non-empty text/],
    ['a key with a colon', { lrs: { ...good, auth: { type: 'basic', key: 'a:b', secret: 'b' } } }, /lrs\.auth\.key must not contain ":"/],
    ['no secret', { lrs: { ...good, auth: { type: 'basic', key: 'a' } } }, /lrs\.auth\.secret must be a non-empty text/],
    ['sendDisplayName missing', { lrs: { ...good, sendDisplayName: undefined } }, /lrs\.sendDisplayName must be true or false \(it has no default/],
    ['sendDisplayName as text', { lrs: { ...good, sendDisplayName: 'yes' } }, /lrs\.sendDisplayName must be true or false/],
    ['sendFreeText as a number', { lrs: { ...good, sendFreeText: 1 } }, /lrs\.sendFreeText must be true or false/],
    ['a misspelt setting', { lrs: { ...good, endpont: 'x' } }, /lrs\.endpont is not a setting Debrief knows/],
  ])('refuses %s, naming the field', (_, file, message) => {
    const result = checkLrsConfig(file)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.join('\n')).toMatch(message)
  })

  it('reports every problem at once', () => {
    const result = checkLrsConfig({ lrs: { endpoint: 'ftp://x', auth: {}, sendDisplayName: 2 } })
    expect(result.ok ? [] : result.errors.map((e) => e.split(' ')[0])).toEqual(['lrs.endpoint', 'lrs.homePage', 'lrs.auth', 'lrs.sendDisplayName'])
  })
})
