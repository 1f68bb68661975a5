import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

async function wanted(serve: () => Promise<Response>): Promise<boolean> {
  vi.stubGlobal('fetch', serve)
  const { lrsWanted } = await import('../../../src/app/lrsFile.ts')
  return lrsWanted()
}

describe('whether any xAPI code loads', () => {
  it.each([
    ['{ "lrs": null }\n', false],
    ['{}', false],
    [' { "lrs" : null } ', false],
    ['{ "lrs": { "endpoint": "https://lrs.example.org/xapi" } }', true],
    ['{ "lrs": ', true],
  ])('%j → %s', async (text, expected) => {
    expect(await wanted(async () => new Response(text, { status: 200 }))).toBe(expected)
  })

  it('loads nothing when the file is absent or the network is down', async () => {
    expect(await wanted(async () => new Response('Not found', { status: 404 }))).toBe(false)
    vi.resetModules()
    expect(await wanted(async () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false)
  })
})
