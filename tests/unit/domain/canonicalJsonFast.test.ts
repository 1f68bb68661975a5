/**
 * canonicalJsonFast writes through JSON.stringify with key-sorted copies (imports hash thousands of
 * files) and goes to canonicalJson's walk for values nested too deeply for the engine: it must
 * write exactly canonicalJson's text, so no checksum or item version depends on which ran.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { canonicalJsonFast } from '../../../src/domain/canonicalJsonFast.ts'

function inLists(v: unknown, depth: number): unknown {
  let out = v
  for (let i = 0; i < depth; i++) out = [out]
  return out
}
function inObjects(v: unknown, depth: number): unknown {
  let out = v
  for (let i = 0; i < depth; i++) out = { k: out }
  return out
}

describe('canonicalJsonFast', () => {
  it('writes what canonicalJson writes, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJsonFast(v) === canonicalJson(v)), { numRuns: 500 })
  })

  it('writes what canonicalJson writes, for any object with any keys (__proto__, indices, constructor…)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', '0', '01', '10', '4294967294', '4294967295', '-1'))
    fc.assert(fc.property(fc.array(fc.tuple(key, fc.jsonValue())), (pairs) => {
      const o = JSON.parse(`{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as unknown
      return canonicalJsonFast(o) === canonicalJson(o)
    }), { numRuns: 300 })
  })

  it.each([[1], [300], [100_000]])('writes any JSON value inside %i lists as the value itself inside them', (depth) => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJsonFast(inLists(v, depth)) === `${'['.repeat(depth)}${canonicalJson(v)}${']'.repeat(depth)}`), { numRuns: depth > 1000 ? 5 : 40 })
  })

  it('writes any JSON value inside 300 objects as the value itself inside them', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJsonFast(inObjects(v, 300)) === `${'{"k":'.repeat(300)}${canonicalJson(v)}${'}'.repeat(300)}`), { numRuns: 40 })
  })

  it.each([
    ['index keys first, in numeric order', { b: 1, 10: 'x', 2: 'y', a: 0 }, '{"2":"y","10":"x","a":0,"b":1}'],
    ['a key that only looks like an index', { '01': 1, '1': 2, '4294967295': 3 }, '{"1":2,"01":1,"4294967295":3}'],
    ['a date as its toJSON', { at: new Date(Date.UTC(2026, 0, 2)) }, '{"at":"2026-01-02T00:00:00.000Z"}'],
    ['functions and symbols left out of objects, null in lists', { f: () => 1, s: Symbol('s'), l: [() => 1, undefined] }, '{"l":[null,null]}'],
    ['a __proto__ key deep down', inLists(JSON.parse('{"__proto__":{"b":1,"a":2}}'), 300), `${'['.repeat(300)}{"__proto__":{"a":2,"b":1}}${']'.repeat(300)}`],
  ])('%s', (_why, value, text) => {
    expect(canonicalJsonFast(value)).toBe(text)
    expect(canonicalJson(value)).toBe(text)
  })
})
