import { describe, expect, it } from 'vitest'
import { actorLearner, parseCmi5Launch } from '../../../src/domain/lms/cmi5Launch.ts'

const ACTOR = { objectType: 'Agent', name: 'Ana Silva', account: { homePage: 'https://lms.example.org', name: 'ana-01' } }
const GOOD = {
  endpoint: 'https://lms.example.org/lrs/',
  fetch: 'https://lms.example.org/fetch?k=2390289x0',
  actor: JSON.stringify(ACTOR),
  registration: '760E3480-BA55-4991-94B0-01820DBD23A2',
  activityId: 'https://lms.example.org/au/42',
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v)
  return `?${q.toString()}`
}

describe('parseCmi5Launch', () => {
  it('reads the five parameters, in any order, URL-decoded', () => {
    const reversed = query(Object.fromEntries(Object.entries(GOOD).reverse()))
    expect(parseCmi5Launch(reversed)).toEqual({
      ok: true,
      launch: {
        endpoint: 'https://lms.example.org/lrs',
        fetch: 'https://lms.example.org/fetch?k=2390289x0',
        actor: ACTOR,
        registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
        activityId: 'https://lms.example.org/au/42',
      },
    })
  })

  it('keeps an actor without a name, and ignores parameters it does not know', () => {
    const actor = { account: { homePage: 'https://lms.example.org', name: '1625378' } }
    const result = parseCmi5Launch(query({ ...GOOD, actor: JSON.stringify(actor), lang: 'en' }))
    expect(result.ok && result.launch.actor).toEqual({ objectType: 'Agent', account: actor.account })
  })

  it.each([
    ['endpoint', undefined, 'without the address of its learning record store (the "endpoint" parameter)'],
    ['endpoint', 'lrs.example.org', 'with an "endpoint" parameter that is not a web address'],
    ['endpoint', 'ftp://lrs.example.org', 'with an "endpoint" parameter that is not a web address'],
    ['fetch', undefined, 'without the address to sign in to it (the "fetch" parameter)'],
    ['fetch', '   ', 'without the address to sign in to it (the "fetch" parameter)'],
    ['fetch', 'javascript:alert(1)', 'with a "fetch" parameter that is not a web address'],
    ['actor', undefined, 'without saying who you are (the "actor" parameter)'],
    ['actor', '{"objectType":"Agent"', 'with an "actor" parameter that is not JSON'],
    ['actor', '[1]', 'with an "actor" parameter that is not a JSON object'],
    ['actor', '{"objectType":"Group","account":{"homePage":"https://a.b","name":"x"}}', 'with an "actor" parameter that is a "Group", not an Agent'],
    ['actor', '{"mbox":"mailto:ana@example.org"}', 'with an "actor" parameter that has no account'],
    ['actor', '{"account":{"name":"x"}}', 'with an "actor" parameter that has an account without a homePage address'],
    ['actor', '{"account":{"homePage":"https://a.b","name":" "}}', 'with an "actor" parameter that has an account without a name'],
    ['registration', undefined, 'without your enrolment (the "registration" parameter)'],
    ['registration', '760e3480-ba55-4991-94b0', 'with a "registration" parameter that is not a UUID'],
    ['activityId', undefined, 'without naming this course unit (the "activityId" parameter)'],
    ['activityId', 'au 42', 'with an "activityId" parameter that is not an IRI'],
  ])('%s = %j is refused: "%s"', (name, value, words) => {
    const result = parseCmi5Launch(query({ ...GOOD, [name]: value }))
    expect(result).toEqual({ ok: false, error: expect.stringContaining(words) as string })
    expect(!result.ok && result.error).toMatch(/open the course again from your LMS\.$/u)
  })

  it('refuses an empty query string with the first missing parameter', () => {
    expect(parseCmi5Launch('')).toEqual({ ok: false, error: expect.stringContaining('"endpoint" parameter') as string })
  })
})

describe('actorLearner', () => {
  it('uses the account name as the id and the agent name to show', () => {
    expect(actorLearner({ objectType: 'Agent', name: 'Ana Silva', account: { homePage: 'https://lms.example.org', name: 'ana-01' } })).toEqual({ id: 'ana-01', name: 'Ana Silva' })
  })

  it('shows the account name when the agent has no name', () => {
    expect(actorLearner({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: '1625378' } })).toEqual({ id: '1625378', name: '1625378' })
  })
})
