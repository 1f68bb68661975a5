import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/domain/sha256.ts'

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

describe('SHA-256 without WebCrypto (the export fallback)', () => {
  it('gives the FIPS 180-4 digests of "" and "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it.each([
    ['55 bytes (one block with its length)', 'a'.repeat(55)],
    ['56 bytes (the length spills into a second block)', 'a'.repeat(56)],
    ['64 bytes', 'b'.repeat(64)],
    ['non-ASCII text, as UTF-8', 'Ana López — “naïve” 日本語 🙂'],
    ['a result file of 200,000 characters', JSON.stringify({ attempts: Array.from({ length: 2000 }, (_, i) => ({ id: `a${i}`, text: 'x'.repeat(80) })) })],
  ])('matches node:crypto on %s', (_what, text) => {
    expect(sha256Hex(text)).toBe(node(text))
  })
})
