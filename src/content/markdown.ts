/**
 * Renders lesson bodies at build time. Raw HTML in Markdown is escaped
 * (markdown-it `html: false`) and the result is sanitised again with an
 * allow-list, so no content HTML reaches the page unchecked. Links and images
 * are checked on the tokens (lessonRefs.ts), so a refusal names its line.
 */
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'
import type { Passage } from '../domain/types.ts'
import { imagePath, LINK_SCHEMES, linkProblem } from './lessonRefs.ts'
import type { Problem } from './source.ts'

const PASSAGE_LINE = /^\s*\[\[passage:([^\]]*)\]\]\s*$/
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]

const md = new MarkdownIt({ html: false, linkify: false, typographer: true })
// markdown-it silently turns a `javascript:` link or image into plain text; letting every address
// through to the token walk below means each one is checked and, if refused, reported at its line.
md.validateLink = () => true

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 's', 'blockquote', 'pre', 'code', 'img', 'hr', 'a',
    'figure', 'figcaption', 'cite', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href'], code: ['class'], img: ['src', 'alt', 'loading'], figure: ['class', 'data-passage', 'id'], figcaption: ['class'] },
  // A fenced block's language (```ts) becomes `language-ts`; no other class reaches the page.
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: LINK_SCHEMES,
  // An image's src is only ever IMAGE_TOKEN, which the build swaps for the bundled file's URL.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
}

/** Stands for the i-th image in `src`; the lesson module replaces it with the bundled URL (vitePlugin.ts). */
export const imageToken = (i: number) => `DEBRIEFIMAGE${i}X`
export const IMAGE_SRC = /src="DEBRIEFIMAGE(\d+)X"/g

/** An image a lesson shows, as a path relative to the lesson's folder. */
export interface LessonImage {
  path: string
  line: number
}

export interface RenderedBody {
  html: string
  /** Passage ids quoted in the body, in order. */
  quoted: string[]
  /** The images the body shows, in the order of their tokens in `html`. */
  images: LessonImage[]
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
  // The file line of every line handed to markdown-it (a passage line becomes three).
  const origin: number[] = []
  const lines: string[] = []
  body.split(/\r?\n/).forEach((line, index) => {
    const at = bodyFirstLine + index
    const match = PASSAGE_LINE.exec(line)
    if (!match) {
      lines.push(line)
      origin.push(at)
      return
    }
    const id = (match[1] ?? '').trim()
    const passage = passages.get(id)
    if (!passage) {
      problems.push({ file, line: at, field: 'body', message: `quotes passage "${id}", which the brief does not have` })
      lines.push('')
      origin.push(at)
      return
    }
    quoted.push(id)
    const token = `DEBRIEFPASSAGE${cards.size}X`
    cards.set(token, passageCard(passage, source))
    lines.push('', token, '')
    origin.push(at, at, at)
  })
  const tokens = md.parse(lines.join('\n'), {})
  const fileLine = (line: number) => origin[line] ?? bodyFirstLine
  const images = checkRefs(tokens, fileLine, (line, message) => problems.push({ file, line, field: 'body', message }))
  let html = md.renderer.render(tokens, md.options, {})
  // A replacer function, not a string: `$&`, `$'` and the like in a passage are its own words, not patterns.
  for (const [token, card] of cards) html = html.replace(`<p>${token}</p>`, () => card)
  return { html: sanitizeHtml(html, SANITIZE), quoted, images, problems }
}

/**
 * Checks every link and image; a valid image's src becomes its token and it loads lazily,
 * a refused one loses its src. `fileLine` maps a line of the text markdown-it read to the file's.
 */
function checkRefs(tokens: Token[], fileLine: (line: number) => number, report: (line: number, message: string) => void): LessonImage[] {
  const images: LessonImage[] = []
  let blockLine = 0
  for (const block of tokens) {
    if (block.map) blockLine = block.map[0]
    // A fence's language becomes a class: only a plain name (ts, c++, c#, shell-session) is kept.
    if (block.type === 'fence' && !/^[\w#+.-]*$/.test(block.info.trim().split(/\s+/)[0] ?? '')) block.info = ''
    let line = blockLine
    for (const token of block.children ?? []) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') line += 1
      if (token.type === 'link_open') {
        const problem = linkProblem(String(token.attrGet('href') ?? ''))
        if (problem) report(fileLine(line), problem)
      }
      if (token.type !== 'image') continue
      const checked = imagePath(String(token.attrGet('src') ?? ''), md.renderer.renderInlineAsText(token.children ?? [], md.options, {}))
      if ('problem' in checked) {
        report(fileLine(line), checked.problem)
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'src')
        continue
      }
      token.attrSet('src', imageToken(images.length))
      token.attrSet('loading', 'lazy')
      images.push({ path: checked.path, line: fileLine(line) })
    }
  }
  return images
}
