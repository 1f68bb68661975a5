import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { formatProblem } from '../../../src/content/source.ts'
import { copyFixture } from './fixtureCourse.ts'

const BANK = 'questions/river-brief/01-flood.yaml'
const LESSON = 'lessons/river-brief/01-flood.md'

function load(fixture: ReturnType<typeof copyFixture>) {
  const result = loadContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root })
  return { ...result, messages: result.problems.map(formatProblem) }
}

describe('loading a course', () => {
  it('loads the fixture course with no problems', () => {
    const { courses, messages } = load(copyFixture())
    expect(messages).toEqual([])
    expect(courses.map((c) => c.id)).toEqual(['river-brief'])
    const course = courses[0]!
    expect(course.lessons.map((l) => l.id)).toEqual(['l1-flood'])
    expect(course.banks[0]!.items).toHaveLength(6)
    expect(course.blueprints.map((b) => b.id)).toEqual(['quiz-l1', 'final'])
  })

  it('gives every item a content hash as its version, which changes when the item changes', () => {
    const fixture = copyFixture()
    const before = load(fixture).courses[0]!.banks[0]!.items[0]!.version
    fixture.edit(BANK, 'How sure is the brief', 'How certain is the brief')
    const after = load(fixture).courses[0]!.banks[0]!.items[0]!.version
    expect(before).toMatch(/^[0-9a-f]{16}$/)
    expect(after).not.toBe(before)
  })

  it('renders passages as attributed evidence cards', () => {
    const html = load(copyFixture()).courses[0]!.lessons[0]!.html
    expect(html).toContain('<figure class="evidence" data-passage="p-event">')
    expect(html).toContain('<figcaption>Fixture brief — <cite>Event</cite></figcaption>')
  })
})

describe('content problems name the file, line and field', () => {
  it.each([
    {
      name: 'a YAML syntax error',
      file: BANK,
      from: '    type: truefalse',
      to: '    type: truefalse\n    stem: [unclosed',
      expected: new RegExp(`^${BANK}:\\d+: \\(file\\): YAML syntax`),
    },
    {
      name: 'a duplicate item id',
      file: BANK,
      from: 'id: f-q02',
      to: 'id: f-q01',
      expected: new RegExp(`^${BANK}:19: items\\[1\\]\\.id: duplicate item id "f-q01"$`),
    },
    {
      name: 'an answer key naming an option that does not exist',
      file: BANK,
      from: '    answer: a',
      to: '    answer: z',
      expected: new RegExp(`^${BANK}:13: items\\[0\\]\\.answer: names option "z", which this item does not have$`),
    },
    {
      name: 'a missing required field',
      file: BANK,
      from: '    difficulty: 1\n    bloom: remember',
      to: '    bloom: remember',
      expected: new RegExp(`^${BANK}:19: items\\[1\\]\\.difficulty: is required`),
    },
    {
      name: 'an unknown passage in a lesson body',
      file: LESSON,
      from: '[[passage:p-outlook]]',
      to: '[[passage:p-nowhere]]',
      expected: new RegExp(`^${LESSON}:23: body: quotes passage "p-nowhere", which the brief does not have$`),
    },
    {
      name: 'a misspelled field',
      file: BANK,
      from: '    explanation: The brief says the river',
      to: '    explanaton: The brief says the river',
      expected: new RegExp(`^${BANK}:\\d+: items\\[0\\]\\.explanaton: is not a known field`),
    },
    {
      name: 'an unknown objective',
      file: BANK,
      from: 'objective: o1-event\n    difficulty: 1\n    bloom: understand',
      to: 'objective: o9-missing\n    difficulty: 1\n    bloom: understand',
      expected: new RegExp(`^${BANK}:\\d+: items\\[0\\]\\.objective: unknown objective "o9-missing"$`),
    },
    {
      name: 'a blueprint the banks cannot satisfy',
      file: 'questions/river-brief/blueprints.yaml',
      from: '{ lesson: l1-flood, count: 4 }',
      to: '{ lesson: l1-flood, count: 9 }',
      expected: /^questions\/river-brief\/blueprints\.yaml:6: blueprints\[0\]\.draws\[0\]: .*9.*6/,
    },
  ])('reports $name', ({ file, from, to, expected }) => {
    const fixture = copyFixture()
    fixture.edit(file, from, to)
    const { messages } = load(fixture)
    expect(messages.some((m) => expected.test(m)), messages.join('\n')).toBe(true)
  })

  it('reports a passage that too few items support', () => {
    const fixture = copyFixture()
    fixture.edit(BANK, 'passages: [p-event]\n    objective: o1-event\n    difficulty: 1\n    bloom: remember', 'passages: [p-outlook]\n    objective: o1-event\n    difficulty: 1\n    bloom: remember')
    fixture.edit(BANK, 'passages: [p-event]\n    objective: o1-event\n    difficulty: 2', 'passages: [p-outlook]\n    objective: o1-event\n    difficulty: 2')
    const { messages } = load(fixture)
    expect(messages).toContain('lessons/river-brief/brief.md:7: passages[0].id: passage "p-event" is supported by 1 item(s); every passage needs at least 2')
  })
})

describe('lesson bodies are sanitised', () => {
  it('escapes raw HTML and drops script links', () => {
    const fixture = copyFixture()
    fixture.edit(LESSON, 'The brief opens with a report', '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> The brief opens with a report')
    const html = load(fixture).courses[0]!.lessons[0]!.html
    // The fixture's own image is the only <img>: the raw one is shown as text.
    expect(html).not.toMatch(/<script|<img[^>]*onerror|href="javascript/i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
