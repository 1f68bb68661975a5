import { describe, expect, it } from 'vitest'
import { encodeBlank, escapeCloze, findClozeCodes } from '../../../src/domain/bankFormats/cloze.ts'
import { htmlToMarkdown, slug } from '../../../src/domain/bankFormats/common.ts'
import { escapeGift } from '../../../src/domain/bankFormats/gift.ts'
import { fromGift } from '../../../src/domain/bankFormats/gift.ts'
import { unescapeGift } from '../../../src/domain/bankFormats/giftAnswers.ts'
import { hasWildcard, patternAsWildcard, wildcardAsPattern } from '../../../src/domain/bankFormats/wildcards.ts'
import type { ClozeBlank } from '../../../src/domain/types.ts'

describe('GIFT escapes', () => {
  it.each([
    ['~', '\\~'], ['=', '\\='], ['#', '\\#'], ['{', '\\{'], ['}', '\\}'], [':', '\\:'], ['\\', '\\\\'], ['line\nbreak', 'line\\nbreak'],
    ['a {b} = c ~ d # e: f', 'a \\{b\\} \\= c \\~ d \\# e\\: f'],
  ])('%j is written %j and read back', (text, escaped) => {
    expect(escapeGift(text)).toBe(escaped)
    expect(unescapeGift(escaped)).toBe(text)
  })

  it('every special character survives inside answers and feedback', () => {
    const tricky = 'x ~ = # { } : \\ y'
    const gift = `::q::${escapeGift(tricky)}{=${escapeGift(tricky)}#${escapeGift(tricky)} ~other####${escapeGift(tricky)}}`
    const r = fromGift(gift, 'x.gift')
    expect('items' in r && r.items[0]).toMatchObject({ stem: tricky, explanation: tricky, options: [{ text: tricky, feedback: tricky }, { text: 'other' }] })
  })
})

describe('cloze sub-questions', () => {
  it.each([
    ['a drop-down, the right option marked =', { id: 'b1', accept: ['June'], options: ['March', 'June'] }, '{1:MULTICHOICE_S:March~=June}'],
    ['a typed blank with a known wrong answer first', { id: 'b1', accept: ['2024'], reject: ['2023'] }, '{1:SHORTANSWER:%0%2023~=2024}'],
    ['case sensitive: SHORTANSWER_C', { id: 'b1', accept: ['NATO'], caseSensitive: true }, '{1:SHORTANSWER_C:=NATO}'],
    ['feedback on every answer and a "*" catch-all', { id: 'b1', accept: ['a'], feedback: 'F' }, '{1:SHORTANSWER:=a#F~*#F}'],
    ['escapes } # ~ / " \\ and a literal *', { id: 'b1', accept: ['a}b#c~d/e"f\\g*h'] }, '{1:SHORTANSWER:=a\\}b\\#c\\~d\\/e\\"f\\\\g\\*h}'],
  ] as [string, ClozeBlank, string][])('%s', (_label, blank, code) => {
    expect(encodeBlank(blank)).toBe(code)
  })

  it('reads the three kinds back, with weights, feedback and escapes', () => {
    const found = findClozeCodes('A {1:MC:=x#ok~y} B {2:NUMERICAL:=4.2:0.1#near~%50%4:1} C {1:SA:=a\\}b#f\\#g~*#other}')
    expect('codes' in found && found.codes.map((c) => [c.kind, c.mark, c.answers])).toEqual([
      ['MC', 1, [{ fraction: 1, text: 'x', feedback: 'ok' }, { fraction: 0, text: 'y', feedback: '' }]],
      ['NUMERICAL', 2, [{ fraction: 1, text: '4.2:0.1', feedback: 'near' }, { fraction: 0.5, text: '4:1', feedback: '' }]],
      ['SA', 1, [{ fraction: 1, text: 'a}b', feedback: 'f#g' }, { fraction: 0, text: '*', feedback: 'other' }]],
    ])
  })

  it('finds an unterminated gap, and leaves a brace that starts no gap as text', () => {
    expect(findClozeCodes('a {b} c {1:SA:=x')).toEqual({ unterminated: 8, kind: 'SA' })
    expect(findClozeCodes('a {b} c')).toEqual({ codes: [] })
    expect(escapeCloze('}#~/"\\')).toBe('\\}\\#\\~\\/\\"\\\\')
  })
})

describe('short-text patterns and Moodle wildcards', () => {
  it.each([
    ['.*knowledge.*', '*knowledge*'],
    ['military knowledge', 'military knowledge'],
    ['U\\.S\\. forces', 'U.S. forces'],
    ['a\\*b.*', 'a\\*b*'],
    ['(valuable )?knowledge', undefined],
    ['drones?', undefined],
    ['cyber|missiles', undefined],
    ['[a-z]+', undefined],
  ])('pattern %j is the wildcard %j', (pattern, wildcard) => {
    expect(patternAsWildcard(pattern)).toBe(wildcard)
  })

  it.each([
    ['*knowledge*', '.*knowledge.*'],
    ['U.S. *', 'U\\.S\\. .*'],
    ['a\\*b', 'a\\*b'],
  ])('wildcard %j is the pattern %j', (wildcard, pattern) => {
    expect(wildcardAsPattern(wildcard)).toBe(pattern)
    expect(hasWildcard(wildcard)).toBe(wildcard !== 'a\\*b')
  })
})

describe('Moodle text into ours', () => {
  it.each([
    ['paragraphs, bold, italics, line breaks', '<p>One <strong>two</strong> <em>three</em></p><p>four<br>five</p>', 'One **two** *three*\n\nfour\nfive'],
    ['scripts and styles are removed with their content', '<p>Safe</p><script>alert(1)</script><style>p{}</style>', 'Safe'],
    ['an event handler cannot survive: every tag goes', '<p onclick="evil()">Text</p><a href="javascript:x">link</a>', 'Text\n\nlink'],
    ['entities, named and numeric', '&lt;b&gt; &amp; &#8212; &nbsp;x', '<b> & — x'],
    ['lists', '<ul><li>a</li><li>b</li></ul>', '- a\n\n- b'],
  ])('%s', (_label, html, text) => {
    expect(htmlToMarkdown(html).text).toBe(text)
  })

  it.each([
    ['Q1: Which retelling?', 'q1-which-retelling'],
    ['Kyïv & Донецьк', 'kyiv'],
    ['2024 agreement', 'q-2024-agreement'],
    ['', 'question'],
    ['A very long question name that goes on and on past forty characters', 'a-very-long-question-name-that-goes-on'],
  ])('the name %j gives the id %j', (name, id) => {
    expect(slug(name)).toBe(id)
  })
})
