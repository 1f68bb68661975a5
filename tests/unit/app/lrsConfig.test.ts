import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLrsSetup } from '../../../src/app/lrsConfig.ts'

const GOOD = { lrs: { endpoint: 'https://lrs.example.org/xapi/', homePage: 'https://example.org/learners', auth: { type: 'basic', key: 'k', secret: 's' }, sendDisplayName: false } }

function serving(status: number, text: string): typeof fetch {
  return (async () => new Response(text, { status })) as typeof fetch
}

describe('reading debrief.config.json', () => {
  it.each([
    ['the shipped file (no LRS)', serving(200, readFileSync(join(import.meta.dirname, '../../../public/debrief.config.json'), 'utf8')), null],
    ['an empty object', serving(200, '{}'), null],
    ['no file (404)', serving(404, 'Not found'), null],
    ['no network', (async () => { throw new TypeError('Failed to fetch') }) as typeof fetch, null],
  ])('%s: no LRS, no problem, nothing queued', async (_, fetchFn, expected) => {
    expect(await readLrsSetup(fetchFn, '/debrief.config.json')).toEqual({ config: expected, problem: null })
  })

  it('accepts a valid LRS, without the trailing slash', async () => {
    const setup = await readLrsSetup(serving(200, JSON.stringify(GOOD)), '/debrief.config.json')
    expect(setup.problem).toBeNull()
    expect(setup.config).toMatchObject({ endpoint: 'https://lrs.example.org/xapi', activityBase: 'https://example.org/learners/debrief', sendFreeText: false })
  })

  it.each([
    ['not JSON', serving(200, '{ "lrs": { '), /is not valid JSON: check its commas and quotes/u],
    ['a failed check, every problem named', serving(200, JSON.stringify({ lrs: { ...GOOD.lrs, endpoint: 'http://lrs.example.org', colour: 1 } })), /has problems.*lrs\.colour is not a setting.*must use https/su],
    ['a server error', serving(500, 'oops'), /could not be read \(the server answered 500\)/u],
  ])('%s: no LRS, and a message saying what to fix', async (_, fetchFn, message) => {
    const setup = await readLrsSetup(fetchFn, '/debrief.config.json')
    expect(setup.config).toBeNull()
    expect(setup.problem).toMatch(message)
  })
})
