import { describe, expect, it } from 'vitest'
import { renderLessonBody } from '../../../src/content/markdown.ts'
import type { Passage } from '../../../src/domain/types.ts'

function render(text: string): string {
  const passage: Passage = { id: 'p-cost', section: 'Costs', text }
  return renderLessonBody('lesson.md', 'Before.\n\n[[passage:p-cost]]\n\nAfter.', 1, new Map([[passage.id, passage]]), 'The brief').html
}

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
