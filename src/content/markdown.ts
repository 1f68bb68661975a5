/**
 * Renders lesson bodies at build time. Raw HTML in Markdown is escaped
 * (markdown-it `html: false`) and the result is sanitised again with an
 * allow-list, so no content HTML reaches the page unchecked.
 */
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'
import type { Passage } from '../domain/types.ts'
import type { Problem } from './source.ts'

const PASSAGE_LINE = /^\s*\[\[passage:([^\]]*)\]\]\s*$/
const md = new MarkdownIt({ html: false, linkify: false, typographer: true })

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'code', 'hr', 'a', 'figure', 'figcaption', 'cite', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href'], figure: ['class', 'data-passage', 'id'], figcaption: ['class'] },
  allowedSchemes: ['https', 'mailto'],
  disallowedTagsMode: 'escape',
}

export interface RenderedBody {
  html: string
  /** Passage ids quoted in the body, in order. */
  quoted: string[]
  problems: Problem[]
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The evidence card: the brief's words, visibly quoted and attributed. */
export function passageCard(passage: Passage, source: string): string {
  return (
    `<figure class="evidence" data-passage="${escapeHtml(passage.id)}">` +
    `<blockquote><p>${escapeHtml(passage.text)}</p></blockquote>` +
    `<figcaption>${escapeHtml(source)} — <cite>${escapeHtml(passage.section)}</cite></figcaption>` +
    `</figure>`
  )
}

/**
 * Renders a lesson body; each line `[[passage:id]]` becomes an evidence card.
 * Unknown passage ids are reported at their line.
 */
export function renderLessonBody(
  file: string,
  body: string,
  bodyFirstLine: number,
  passages: ReadonlyMap<string, Passage>,
  source: string,
): RenderedBody {
  const problems: Problem[] = []
  const quoted: string[] = []
  const cards = new Map<string, string>()
  const lines = body.split(/\r?\n/).map((line, index) => {
    const match = PASSAGE_LINE.exec(line)
    if (!match) return line
    const id = (match[1] ?? '').trim()
    const passage = passages.get(id)
    if (!passage) {
      problems.push({ file, line: bodyFirstLine + index, field: 'body', message: `quotes passage "${id}", which the brief does not have` })
      return ''
    }
    quoted.push(id)
    const token = `DEBRIEFPASSAGE${cards.size}X`
    cards.set(token, passageCard(passage, source))
    return `\n${token}\n`
  })
  let html = md.render(lines.join('\n'))
  // A replacer function, not a string: `$&`, `$'` and the like in a passage are its own words, not patterns.
  for (const [token, card] of cards) html = html.replace(`<p>${token}</p>`, () => card)
  return { html: sanitizeHtml(html, SANITIZE), quoted, problems }
}
