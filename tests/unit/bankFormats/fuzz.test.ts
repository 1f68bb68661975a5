/**
 * Both importers take outside input: whatever the bytes, they return items or errors and never
 * throw. Random text, random XML-ish and GIFT-ish text, and real exports with a slice cut out.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromGift, toGift } from '../../../src/domain/bankFormats/gift.ts'
import { fromMoodleXml, toMoodleXml } from '../../../src/domain/bankFormats/moodleXml.ts'
import { realBanks } from './realCourse.ts'

const banks = realBanks().slice(0, 2)
const xml = toMoodleXml(banks).xml
const gift = toGift(banks).text

const wellFormed = (r: ReturnType<typeof fromGift>) => ('errors' in r ? r.errors.length > 0 && r.errors.every((e) => e.line >= 1 && e.message !== '') : r.items.length > 0)

const XML_BITS = ['<quiz>', '</quiz>', '<question type="multichoice">', '<question type="cloze">', '</question>', '<answer fraction="100">', '</answer>', '<text>', '</text>', '<![CDATA[', ']]>', '&amp;', '&#x41;', '{1:SA:=a}', '{1:MC:', '<debrief>{"v":1,"ids":{"options":[1]},"tolerance":"x"}</debrief>', '<!--', '-->', '"', '\n']
const GIFT_BITS = ['::t::', '{', '}', '=', '~', '#', '####', '%50%', '->', '\\', '\n', '\n\n', '$CATEGORY: x', '// [id:q]', 'T', '#1..2', ':', 'text ']

describe('the importers never throw', () => {
  it.each([
    ['Moodle XML', (t: string) => fromMoodleXml(t, 'f.xml'), XML_BITS],
    ['GIFT', (t: string) => fromGift(t, 'f.gift'), GIFT_BITS],
  ])('%s on random text and random fragments', (_label, parse, bits) => {
    fc.assert(fc.property(fc.string(), (t) => wellFormed(parse(t))), { numRuns: 300 })
    fc.assert(fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 40 }), (parts) => wellFormed(parse(parts.join('')))), { numRuns: 500 })
  })

  it.each([
    ['Moodle XML', (t: string) => fromMoodleXml(t, 'f.xml'), xml],
    ['GIFT', (t: string) => fromGift(t, 'f.gift'), gift],
  ])('%s: a real export with a slice cut out', (_label, parse, text) => {
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(200), (start, length) => wellFormed(parse(text.slice(0, start) + text.slice(start + length)))),
      { numRuns: 300 },
    )
    expect(wellFormed(parse(text))).toBe(true)
  })
})
