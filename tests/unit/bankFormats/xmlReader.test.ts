import { describe, expect, it } from 'vitest'
import { child, innerText, isElement, MAX_XML_DEPTH, readXml, textOf } from '../../../src/domain/bankFormats/xmlReader.ts'

function root(xml: string) {
  const r = readXml(xml)
  if ('error' in r) throw new Error(`unexpected error: ${r.error.line}: ${r.error.message}`)
  return r.root
}

describe('the XML reader reads', () => {
  it.each([
    ['the five named entities', '<a>&lt;&gt;&amp;&quot;&apos;</a>', `<>&"'`],
    ['decimal and hex character references', '<a>&#8212;&#x2014;&#65;</a>', '——A'],
    ['CDATA as it is, entities and tags included', '<a><![CDATA[<b>&amp;</b>]]></a>', '<b>&amp;</b>'],
    ['text and CDATA joined, comments left out', '<a>x<!-- c --><![CDATA[y]]>z</a>', 'xyz'],
  ])('%s', (_label, xml, text) => {
    expect(textOf(root(xml))).toBe(text)
  })

  it('attributes in either quote, decoded, with a declaration and comment before the root', () => {
    const r = root(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- about -->\n<quiz a="1 &amp; 2" b='x'/>`)
    expect(r).toMatchObject({ name: 'quiz', attrs: { a: '1 & 2', b: 'x' }, line: 3 })
  })

  it('the line of every element', () => {
    const r = root('<quiz>\n  <question>\n    <name><text>a</text></name>\n  </question>\n</quiz>')
    const q = child(r, 'question')!
    expect([r.line, q.line, child(q, 'name')!.line]).toEqual([1, 2, 3])
    expect(innerText(child(q, 'name'))).toBe('a')
    expect(r.children.filter(isElement)).toHaveLength(1)
  })
})

describe('the XML reader refuses, at the line, saying what to do', () => {
  it.each([
    ['an unclosed element', '<quiz>\n<question>\n</quiz>', 3, '</quiz> closes <question> (opened on line 2); expected </question>'],
    ['an element never closed', '<quiz>\n<question>', 2, '<question> (opened on line 2) is never closed: add </question>'],
    ['a DOCTYPE (billion laughs)', '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<quiz>&lol;</quiz>', 2, 'may not declare a DTD or entities'],
    ['an ENTITY inside the root', '<quiz>\n<!ENTITY x "y"></quiz>', 2, '<!ENTITY …> declaration'],
    ['an unknown entity', '<quiz>\n<a>&nbsp;</a></quiz>', 2, 'unknown entity &nbsp;'],
    ['a bare ampersand', '<quiz>Q & A</quiz>', 1, 'a bare "&"'],
    ['a character XML does not allow', '<quiz>&#0;</quiz>', 1, '&#0; is not a character XML allows'],
    ['an unclosed CDATA section', '<quiz>\n<![CDATA[ never', 2, 'never closed with ]]>'],
    ['an unclosed comment', '<quiz><!-- never', 1, 'never closed with -->'],
    ['an attribute without quotes', '<quiz a=1/>', 1, 'must be in quotes'],
    ['a repeated attribute', '<quiz a="1" a="2"/>', 1, 'has the attribute "a" twice'],
    ['"<" in an attribute', '<quiz a="<"/>', 1, 'write &lt;'],
    ['two top-level elements', '<quiz/>\n<quiz/>', 2, 'a second top-level element'],
    ['text outside the root', '<quiz/>\nhello', 2, 'text outside the top-level element'],
    ['no element at all', '   ', 1, 'holds no XML element'],
  ])('%s', (_label, xml, line, message) => {
    const r = readXml(xml)
    expect('error' in r && r.error).toMatchObject({ line })
    expect('error' in r && r.error.message).toContain(message)
  })

  it(`nesting deeper than ${MAX_XML_DEPTH}`, () => {
    const deep = '<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1)
    const r = readXml(deep)
    expect('error' in r && r.error.message).toContain(`nested more than ${MAX_XML_DEPTH} deep`)
    expect('root' in readXml('<a>'.repeat(MAX_XML_DEPTH) + '</a>'.repeat(MAX_XML_DEPTH))).toBe(true)
  })

  it('a file over 5 MB, before reading it', () => {
    const big = `<quiz>${'x'.repeat(6 * 1024 * 1024)}</quiz>`
    const r = readXml(big)
    expect('error' in r && r.error).toEqual({ line: 1, message: 'the file is 6.0 MB; a bank file may be at most 5 MB: split it into several files' })
  })
})
