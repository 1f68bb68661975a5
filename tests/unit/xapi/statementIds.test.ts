import { describe, expect, it } from 'vitest'
import { STATEMENT_ID_NAMESPACE, scoredStatementId, sha1, uuidV5 } from '../../../src/domain/xapi/statementIds.ts'

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'
const ATTEMPT = '9f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b'

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}

describe('sha1', () => {
  // Expected digests from Python's hashlib.
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['a'.repeat(55), 'c1c8bbdc22796e28c0e15163d20899b65621d65a'],
    ['a'.repeat(64), '0098ba824b5c16427bd7a1122a5a442a25ec644d'],
    ['a'.repeat(1000), '291e9a6c66994949b57ba5e650361e98fc36b1ba'],
  ])('hashes %j', (text, digest) => {
    expect(hex(sha1(new TextEncoder().encode(text)))).toBe(digest)
  })
})

describe('uuidV5', () => {
  // Expected ids from Python's uuid.uuid5.
  it.each([
    [DNS_NAMESPACE, 'python.org', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    [URL_NAMESPACE, 'https://example.org/é', '4db32f13-2b90-551e-bb13-4c966035961b'],
    [STATEMENT_ID_NAMESPACE, `debrief/${ATTEMPT}/answered/q-free/0`, '1192fe04-772c-5b8b-81bf-07c6cb566102'],
  ])('in %s of %j is %s', (namespace, name, id) => {
    expect(uuidV5(namespace, name)).toBe(id)
  })
})

describe('scoredStatementId', () => {
  it.each([
    ['completed', 'attempt', 0, '9a2a19cb-916b-5364-9063-c6fab01a9f2c'],
    ['passed', 'attempt', 2, '35ea711e-c6b4-5964-bbcc-cccc4b0b1a79'],
  ] as const)('names %s of slot %s at revision %i', (verb, slot, revision, id) => {
    expect(scoredStatementId(ATTEMPT, verb, slot, revision)).toBe(id)
  })

  it('differs by attempt, verb, slot and revision', () => {
    const ids = [
      scoredStatementId(ATTEMPT, 'answered', 'q1', 0),
      scoredStatementId('another-attempt', 'answered', 'q1', 0),
      scoredStatementId(ATTEMPT, 'completed', 'q1', 0),
      scoredStatementId(ATTEMPT, 'answered', 'q2', 0),
      scoredStatementId(ATTEMPT, 'answered', 'q1', 1),
    ]
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u)
  })
})
