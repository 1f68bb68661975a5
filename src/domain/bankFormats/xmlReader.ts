/**
 * A small XML reader for question-bank files: elements, attributes, text, CDATA, comments,
 * processing instructions and the five named entities plus numeric character references.
 * Every node knows its line, so an import error can say where to look.
 *
 * It is deliberately not a general XML parser: DOCTYPE and ENTITY declarations are refused
 * (no "billion laughs", no external entities), and input size and nesting depth are capped.
 * It never throws: bad input gives `{ error: { line, message } }`.
 */

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  line: number
}
export interface XmlText {
  text: string
  line: number
}
export type XmlNode = XmlElement | XmlText

export interface XmlError {
  line: number
  message: string
}

/** 5 MB: Moodle's own exports of large banks are a few MB; anything bigger is refused, not read. */
export const MAX_XML_BYTES = 5 * 1024 * 1024
export const MAX_XML_DEPTH = 64

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/

export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node
}

/** Parses `text` into its root element, or the first error with its line. */
export function readXml(text: string): { root: XmlElement } | { error: XmlError } {
  if (text.length > MAX_XML_BYTES) {
    return { error: { line: 1, message: `the file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a bank file may be at most 5 MB: split it into several files` } }
  }
  try {
    return { root: new Reader(text.replace(/^\uFEFF/, '')).document() }
  } catch (error) {
    if (error instanceof ReadError) return { error: { line: error.line, message: error.message } }
    return { error: { line: 1, message: `the file could not be read as XML (${String(error)})` } }
  }
}

class ReadError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message)
  }
}

class Reader {
  private pos = 0
  private line = 1

  constructor(private readonly src: string) {}

  document(): XmlElement {
    let root: XmlElement | undefined
    while (this.pos < this.src.length) {
      if (this.src.startsWith('<?', this.pos)) this.skipUntil('?>', 'a processing instruction (<?…?>)')
      else if (this.src.startsWith('<!--', this.pos)) this.skipUntil('-->', 'a comment (<!--…-->)')
      else if (this.src.startsWith('<!', this.pos)) this.refuseDeclaration()
      else if (this.src[this.pos] === '<') {
        if (root) this.fail('there is a second top-level element; a Moodle XML file has one <quiz> element holding every question')
        root = this.element(1)
      } else {
        const start = this.pos
        while (this.pos < this.src.length && this.src[this.pos] !== '<') this.advance()
        if (this.src.slice(start, this.pos).trim() !== '') this.fail('there is text outside the top-level element')
      }
    }
    if (!root) this.fail('the file holds no XML element; a Moodle XML file starts with <quiz>')
    return root!
  }

  private element(depth: number): XmlElement {
    if (depth > MAX_XML_DEPTH) this.fail(`elements are nested more than ${MAX_XML_DEPTH} deep; a question bank never needs that`)
    const line = this.line
    this.advance() // <
    const name = this.name('an element name after "<"')
    const attrs: Record<string, string> = {}
    for (;;) {
      this.spaces()
      if (this.src.startsWith('/>', this.pos)) {
        this.advance(2)
        return { name, attrs, children: [], line }
      }
      if (this.src[this.pos] === '>') {
        this.advance()
        break
      }
      if (this.pos >= this.src.length) this.fail(`the tag <${name}> (line ${line}) is not closed with ">"`, line)
      const attr = this.name(`an attribute name or ">" in <${name}>`)
      if (attr in attrs) this.fail(`<${name}> has the attribute "${attr}" twice`)
      this.spaces()
      if (this.src[this.pos] !== '=') this.fail(`the attribute "${attr}" of <${name}> needs ="value"`)
      this.advance()
      this.spaces()
      const quote = this.src[this.pos]
      if (quote !== '"' && quote !== "'") this.fail(`the value of "${attr}" in <${name}> must be in quotes`)
      this.advance()
      const start = this.pos
      while (this.pos < this.src.length && this.src[this.pos] !== quote) {
        if (this.src[this.pos] === '<') this.fail(`the value of "${attr}" in <${name}> contains "<"; write &lt;`)
        this.advance()
      }
      if (this.pos >= this.src.length) this.fail(`the value of "${attr}" in <${name}> is not closed with ${quote}`, line)
      attrs[attr] = this.decode(this.src.slice(start, this.pos))
      this.advance()
    }
    const children: XmlNode[] = []
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`<${name}> (opened on line ${line}) is never closed: add </${name}>`)
      if (this.src.startsWith('</', this.pos)) {
        const closeLine = this.line
        this.advance(2)
        const closing = this.name(`an element name after "</"`)
        this.spaces()
        if (this.src[this.pos] !== '>') this.fail(`</${closing}> is not closed with ">"`)
        this.advance()
        if (closing !== name) this.fail(`</${closing}> closes <${name}> (opened on line ${line}); expected </${name}>`, closeLine)
        return { name, attrs, children, line }
      }
      if (this.src.startsWith('<!--', this.pos)) this.skipUntil('-->', 'a comment (<!--…-->)')
      else if (this.src.startsWith('<![CDATA[', this.pos)) {
        const textLine = this.line
        this.advance(9)
        const end = this.src.indexOf(']]>', this.pos)
        if (end < 0) this.fail('a CDATA section (<![CDATA[…) is never closed with ]]>', textLine)
        children.push({ text: this.src.slice(this.pos, end), line: textLine })
        this.advanceTo(end + 3)
      } else if (this.src.startsWith('<?', this.pos)) this.skipUntil('?>', 'a processing instruction (<?…?>)')
      else if (this.src.startsWith('<!', this.pos)) this.refuseDeclaration()
      else if (this.src[this.pos] === '<') children.push(this.element(depth + 1))
      else {
        const textLine = this.line
        const start = this.pos
        while (this.pos < this.src.length && this.src[this.pos] !== '<') this.advance()
        const raw = this.src.slice(start, this.pos)
        if (raw.includes(']]>')) this.fail('"]]>" may not appear in text outside a CDATA section', textLine)
        children.push({ text: this.decode(raw, textLine), line: textLine })
      }
    }
  }

  private refuseDeclaration(): never {
    const what = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i.exec(this.src.slice(this.pos, this.pos + 10))?.[1]?.toUpperCase()
    this.fail(
      what
        ? `the file has a <!${what} …> declaration; question bank files may not declare a DTD or entities (they can expand without limit): remove it`
        : 'unexpected "<!": only comments <!-- … --> and <![CDATA[ … ]]> are allowed',
    )
  }

  private decode(raw: string, line = this.line): string {
    return raw.replace(/&([^;&\s<]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(';')) throw new ReadError(line, `a bare "&" in the text: write &amp; for "&"`)
      if (body in NAMED) return NAMED[body]!
      const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body)
      if (numeric) {
        const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10)
        const allowed = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && code !== 0xfffe && code !== 0xffff)
        if (!allowed) throw new ReadError(line, `&${body}; is not a character XML allows`)
        return String.fromCodePoint(code)
      }
      throw new ReadError(line, `unknown entity &${body};: XML knows only &lt; &gt; &amp; &quot; &apos; and &#NN; (write &amp; for "&")`)
    })
  }

  private name(what: string): string {
    const match = NAME.exec(this.src.slice(this.pos, this.pos + 200))
    if (!match) this.fail(`expected ${what}`)
    this.advance(match![0].length)
    return match![0]
  }

  private spaces(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.advance()
  }

  private skipUntil(end: string, what: string): void {
    const line = this.line
    const at = this.src.indexOf(end, this.pos + 2)
    if (at < 0) this.fail(`${what} is never closed with ${end}`, line)
    this.advanceTo(at + end.length)
  }

  private advance(n = 1): void {
    this.advanceTo(this.pos + n)
  }

  private advanceTo(end: number): void {
    for (let i = this.pos; i < end && i < this.src.length; i++) if (this.src.charCodeAt(i) === 10) this.line++
    this.pos = end
  }

  private fail(message: string, line = this.line): never {
    throw new ReadError(line, message)
  }
}

/** The first child element called `name`, if any. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => isElement(c) && c.name === name)
}

/** Every child element called `name`. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return (el?.children ?? []).filter((c): c is XmlElement => isElement(c) && c.name === name)
}

/** The concatenated text directly inside an element (CDATA and text), not trimmed. */
export function textOf(el: XmlElement | undefined): string {
  return (el?.children ?? []).map((c) => (isElement(c) ? '' : c.text)).join('')
}

/** Moodle's `<x><text>…</text></x>` shape: the text of the `text` child, trimmed. */
export function innerText(el: XmlElement | undefined): string {
  return textOf(child(el, 'text')).trim()
}
