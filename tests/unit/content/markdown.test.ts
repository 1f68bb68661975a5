import { describe, expect, it } from 'vitest'
import { renderLessonBody } from '../../../src/content/markdown.ts'
import type { Passage } from '../../../src/domain/types.ts'

function render(text: string): string {
  const passage: Passage = { id: 'p-cost', section: 'Costs', text }
  return renderLessonBody('lesson.md', 'Before.\n\n[[passage:p-cost]]\n\nAfter.', 1, new Map([[passage.id, passage]]), 'The brief').html
}

const body = (markdown: string) => renderLessonBody('lesson.md', markdown, 10, new Map(), 'The brief')

describe('passage cards in a lesson body', () => {
  // String.replace reads these as patterns in a replacement string; a passage must show them as written.
  it.each([
    ['$&', 'The fund paid $& nothing more.', 'The fund paid $&amp; nothing more.'],
    ['$`', 'Prices rose from $` to the top.', 'Prices rose from $` to the top.'],
    ["$'", "The bill was $' unpaid.", "The bill was $' unpaid."],
    ['$$', 'It cost $$5 million, then $$ again.', 'It cost $$5 million, then $$ again.'],
  ])('shows a passage containing %s verbatim', (_pattern, text, escaped) => {
    const html = render(text)
    expect(html).toContain(`<blockquote><p>${escaped}</p></blockquote>`)
    expect(html).toMatch(/^<p>Before\.<\/p>\n<figure/)
    expect(html).toContain('</figure>\n<p>After.</p>')
  })
})

describe('the Markdown a lesson may use renders as the elements it is', () => {
  it.each([
    ['a fenced block keeps its language as a class, and escapes its text', '```ts\nif (a < b) run()\n```', '<pre><code class="language-ts">if (a &lt; b) run()\n</code></pre>\n'],
    ['a fenced block without a language has no class', '```\nplain\n```', '<pre><code>plain\n</code></pre>\n'],
    ['an indented block is code too', '    indented', '<pre><code>indented\n</code></pre>\n'],
    ['a fence’s info string beyond the language does not reach the page', '```js onclick=alert(1)\nx\n```', '<pre><code class="language-js">x\n</code></pre>\n'],
    ['a language name that is not one word is dropped with its class', '```"><b>\nx\n```', '<pre><code>x\n</code></pre>\n'],
    ['strikethrough is <s>', 'It ~~rose~~ fell.', '<p>It <s>rose</s> fell.</p>\n'],
    ['inline code stays <code>', 'Run `npm test`.', '<p>Run <code>npm test</code>.</p>\n'],
    ['an image gets a build token for src, its alt text and loading="lazy"', '![The levee](images/levee.png)', '<p><img src="DEBRIEFIMAGE0X" alt="The levee" loading="lazy" /></p>\n'],
    ['an image’s alt text is plain text', '![The *old* levee](levee.png)', '<p><img src="DEBRIEFIMAGE0X" alt="The old levee" loading="lazy" /></p>\n'],
    ['an image title does not reach the page', '![The levee](levee.png "Title")', '<p><img src="DEBRIEFIMAGE0X" alt="The levee" loading="lazy" /></p>\n'],
    ['a refused image keeps no src', '![The levee](https://evil.example/x.png)', '<p><img alt="The levee" /></p>\n'],
    ['raw HTML is still escaped', 'a <img src=x onerror=alert(1)> b', '<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n'],
    ['an https link is kept', '[the map](https://example.org/map)', '<p><a href="https://example.org/map">the map</a></p>\n'],
    ['a mailto link is kept', '[write](mailto:desk@example.org)', '<p><a href="mailto:desk@example.org">write</a></p>\n'],
    ['a relative link is kept', '[lesson 2](02-ties)', '<p><a href="02-ties">lesson 2</a></p>\n'],
    ['an anchor link is kept', '[recap](#recap)', '<p><a href="#recap">recap</a></p>\n'],
    ['a protocol-relative link loses its href', '[x](//evil.example/x)', '<p><a>x</a></p>\n'],
    ['backslashes in a link are percent-encoded, so it stays on this site', '[x](\\\\\\\\evil.example/x)', '<p><a href="%5C%5Cevil.example/x">x</a></p>\n'],
    ['a javascript: link loses its href', '[x](javascript:alert(1))', '<p><a>x</a></p>\n'],
    ['an http: link loses its href, as before', '[x](http://example.org)', '<p><a>x</a></p>\n'],
  ])('%s', (_reason, markdown, html) => {
    expect(body(markdown).html).toBe(html)
  })

  it('lists each image with its path and the file line it is on, in token order', () => {
    const result = body('Intro\nsee ![A](images/a.png)\n\n| x | y |\n|---|---|\n| ![B](./b.png) | z |')
    expect(result.images).toEqual([
      { path: 'images/a.png', line: 11 },
      { path: 'b.png', line: 15 },
    ])
    expect(result.html).toContain('src="DEBRIEFIMAGE1X"')
  })

  it('counts a passage line as one file line when it names later problems', () => {
    const passage: Passage = { id: 'p-a', section: 'A', text: 'Text.' }
    const result = renderLessonBody('lesson.md', 'One\n[[passage:p-a]]\n[x](//evil.example)', 10, new Map([[passage.id, passage]]), 'The brief')
    expect(result.problems.map((p) => p.line)).toEqual([12])
  })
})

describe('links and images that are refused, each at its line', () => {
  const own = "images come only from the course's own files: put the image in the lesson's folder and write a relative path such as images/map.png"
  it.each([
    ['[x](//evil.example/x)', 'links to "//evil.example/x", a protocol-relative address (another site); write the address in full with https://, or use a relative link'],
    ['[x](javascript:alert(1))', 'links to "javascript:alert(1)"; a link may only use https: or mailto:, or be relative'],
    ['![Map](https://evil.example/map.png)', `image "https://evil.example/map.png" is a URL; ${own}`],
    ['![Map](//evil.example/map.png)', `image "//evil.example/map.png" is a URL; ${own}`],
    ['![Map](data:image/png;base64,AAAA)', `image "data:image/png;base64,AAAA" is a URL; ${own}`],
    ['![Map](javascript:alert(1))', `image "javascript:alert(1)" is a URL; ${own}`],
    ['![Map](/etc/map.png)', `image "/etc/map.png" is an absolute path or uses "\\"; ${own}`],
    ['![Map](../other-course/map.png)', `image "../other-course/map.png" leaves the lesson's folder (".."); ${own}`],
    ['![Map](images/../../map.png)', `image "images/../../map.png" leaves the lesson's folder (".."); ${own}`],
    ['![Map](images/map.html)', 'image "images/map.html" is not an image file; use one of .png, .jpg, .jpeg, .gif, .webp, .avif, .svg'],
    ['![](images/map.png)', 'image "images/map.png" has no alt text: write what the image shows between the brackets, ![like this](images/map.png)'],
    ['![  ](images/map.png)', 'image "images/map.png" has no alt text: write what the image shows between the brackets, ![like this](images/map.png)'],
  ])('%s', (markdown, message) => {
    expect(body(`Intro.\n\n${markdown}`).problems).toEqual([{ file: 'lesson.md', line: 12, field: 'body', message }])
  })
})
