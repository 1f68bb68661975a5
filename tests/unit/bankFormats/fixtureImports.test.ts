/**
 * Our own fixtures, written in the style of Moodle's documented XML and GIFT examples: what each
 * question becomes, and each malformed file refused at its line with a message (and no items).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PLACEHOLDER_OBJECTIVE, PLACEHOLDER_PASSAGE, TODO_TEXT, type ImportOutcome } from '../../../src/domain/bankFormats/common.ts'
import { fromGift } from '../../../src/domain/bankFormats/gift.ts'
import { fromMoodleXml, toMoodleXml } from '../../../src/domain/bankFormats/moodleXml.ts'

const DIR = 'tests/fixtures/bankFormats'
const read = (name: string): ImportOutcome => {
  const text = readFileSync(`${DIR}/${name}`, 'utf8')
  return name.endsWith('.xml') ? fromMoodleXml(text, name) : fromGift(text, name)
}
function ok(name: string) {
  const r = read(name)
  if ('errors' in r) throw new Error(`${name}: ${JSON.stringify(r.errors)}`)
  return r
}
const byId = (name: string) => new Map(ok(name).items.map((i) => [i.id, i as unknown as Record<string, unknown>]))

describe('river.moodle.xml (Moodle XML in the style of the documented examples)', () => {
  const items = byId('river.moodle.xml')
  it.each([
    ['HTML text becomes Markdown; the script and image are dropped; ids come from the names', 'gauge-reading-source', { type: 'single', stem: 'Where does the brief get the **gauge** reading from?', answer: 'a' }],
    ['entities (&#39; &#x2014;) inside escaped HTML', 'gauge-reading-source', { explanation: "The brief cites the river authority's gauge — a report." }],
    ['multichoice with weights → multiple; the default -100 needs no weight', 'what-the-brief-reports', { type: 'multiple', answers: ['a', 'b'], options: [{ id: 'a', text: 'The river rose' }, { id: 'b', text: 'Roads closed' }, { id: 'c', text: 'The dam broke', feedback: 'Not in the brief.' }] }],
    ['truefalse: the wrong answer\'s feedback is wrongFeedback', 'confirmed', { type: 'truefalse', answer: false, wrongFeedback: 'No: it says "reportedly".' }],
    ['shortanswer: 0% answers reject, 50% partial, a wildcard a pattern, "*" the wrong feedback', 'who-measures', { type: 'short', accept: ['river authority', 'the river authority'], reject: ['the newspaper'], partial: [{ answer: 'authority', fraction: 0.5 }], patterns: ['.*authority of the river.*'], wrongFeedback: 'The brief names the river authority.' }],
    ['numerical with tolerance and units (a unit with another multiplier is dropped)', 'gauge-level', { type: 'numeric', answer: 4.2, tolerance: { absolute: 0.05 }, units: ['m', 'metres'], wrongFeedback: 'The brief gives 4.2 metres.' }],
    ['matching: an empty sub-question is a distractor', 'match-the-claims', { type: 'matching', pairs: [{ id: 'm1', prompt: 'The river rose', match: 'Reported' }, { id: 'm2', prompt: 'More rain next week', match: 'Expected' }], distractors: [{ id: 'd1', text: 'Confirmed' }] }],
    ['essay: a TODO rubric worth the default grade; grader info becomes the model answer', 'explain-the-hedge', { type: 'freetext', minWords: 20, modelAnswer: 'Look for "reported" and "expected".', rubric: [{ id: 'c1', text: TODO_TEXT, points: 3, concepts: [['todo']] }] }],
    ['ordering: steps sorted by fraction; RELATIVE_NEXT_EXCLUDE_LAST is relative-to-next', 'order-of-events', { type: 'ordering', scoring: 'relative-to-next', steps: [{ id: 's1', text: 'Heavy rain fell' }, { id: 's2', text: 'The river rose' }, { id: 's3', text: 'Roads closed' }] }],
    [
      'cloze with MULTICHOICE, NUMERICAL and SHORTANSWER gaps (CDATA, escaped "}")',
      'fill-in-the-report',
      {
        type: 'cloze', stem: 'Complete the summary of the brief.', text: 'The river {{b1}} rose to {{b2}} metres, measured by the {{b3}}.', points: 3,
        blanks: [
          { id: 'b1', accept: ['reportedly'], options: ['reportedly', 'officially', 'secretly'], feedback: 'Only reports are cited.' },
          { id: 'b2', accept: ['4.2'], feedback: 'Right' },
          { id: 'b3', accept: ['river authority'], reject: ['newspaper'], feedback: 'The authority} takes readings.' },
        ],
      },
    ],
  ])('%s', (_label, id, expected) => {
    expect(items.get(id)).toMatchObject(expected)
  })

  it('gives every item the placeholders content:check refuses, and default difficulty and bloom', () => {
    for (const item of items.values()) expect(item).toMatchObject({ objective: PLACEHOLDER_OBJECTIVE, passages: [PLACEHOLDER_PASSAGE], difficulty: 2, bloom: 'understand' })
  })

  it('reads the category and skips the description and the calculated question with a warning each', () => {
    const r = ok('river.moodle.xml')
    expect(r.categories).toEqual([{ path: '$course$/top/River gauge/Flood basics', itemIds: [...items.keys()] }])
    expect(r.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '17: question "Gauge reading & source": 1 image(s) dropped: Debrief banks hold text only',
      '121: question "Gauge level": the unit "cm" (×100) is dropped: Debrief accepts units only for the same number',
      '143: question "Explain the hedge": an essay has no Debrief rubric: one TODO criterion was made (write its text and concepts); the grader information became the model answer',
      '185: question "Fill in the report": the tolerance ±0.1 of a NUMERICAL gap is dropped: the blank accepts exactly "4.2"',
      `193: question "About these questions": Moodle's "description" questions have no Debrief equivalent; skipped`,
      `198: question "Flow rate": Moodle's "calculated" questions have no Debrief equivalent; skipped`,
    ])
  })

  it('gives the same ids every time, and -2, -3 to names that collide', () => {
    const q = (name: string) => `<question type="truefalse"><name><text>${name}</text></name><questiontext><text>S</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text><feedback><text>W</text></feedback></answer></question>`
    const xml = `<quiz>${q('Same name')}${q('Same name!')}${q('Same  name')}${q('2 rivers')}</quiz>`
    const ids = () => ('items' in fromMoodleXml(xml, 'x.xml') ? (fromMoodleXml(xml, 'x.xml') as { items: { id: string }[] }).items.map((i) => i.id) : [])
    expect(ids()).toEqual(['same-name', 'same-name-2', 'same-name-3', 'q-2-rivers'])
    expect(ids()).toEqual(ids())
  })
})

describe('river.gift (GIFT in the style of the documented examples)', () => {
  const items = byId('river.gift')
  it.each([
    ['[id:] and [tag:] comments give the id and our metadata; [html] becomes Markdown', 'gauge-source', { type: 'single', stem: 'Where does the brief get the **gauge** reading from?', objective: 'o1-event', passages: ['p-event'], difficulty: 1, bloom: 'remember', explanation: "The brief cites the river authority's gauge." }],
    ['escapes \\~ \\= \\# \\{ \\} \\: in the title and the text', 'escapes-all-six', { stem: 'Which symbols does GIFT escape: ~ = # { } and : ?' }],
    ['weights make a multiple-response item', 'what-the-brief-reports', { type: 'multiple', answers: ['a', 'b'], stem: 'Which does the brief **report**?' }],
    ['{FALSE#wrong feedback####general feedback}', 'confirmed', { type: 'truefalse', answer: false, wrongFeedback: 'No: it says "reportedly".', explanation: 'It passes reports on.' }],
    ['short answers with a weight and a "*" catch-all', 'who-measures', { type: 'short', accept: ['river authority', 'the river authority'], partial: [{ answer: 'authority', fraction: 0.5 }], wrongFeedback: 'The brief names the river authority.' }],
    ['numerical {#=4.2:0.05 ~#wrong feedback}', 'gauge-level', { type: 'numeric', answer: 4.2, tolerance: { absolute: 0.05 }, wrongFeedback: 'The brief gives 4.2 metres.' }],
    ['numerical range {#3..5}', 'gauge-range', { type: 'numeric', answer: 4, tolerance: { absolute: 1 } }],
    ['matching with a distractor "= -> Confirmed"', 'match-the-claims', { type: 'matching', distractors: [{ id: 'd1', text: 'Confirmed' }] }],
    ['essay {}', 'explain', { type: 'freetext', modelAnswer: TODO_TEXT }],
    ['a missing-word question keeps a blank in the stem', 'missing-word', { type: 'single', stem: 'The river _____ rose last week.', answer: 'a' }],
    ['{true} in lower case is a short answer, as Moodle reads it', 'lower-case-true', { type: 'short', accept: ['true'] }],
    ['an "=" makes it single choice even beside weights, as in Moodle', 'equals-means-single', { type: 'single', answer: 'a' }],
  ])('%s', (_label, id, expected) => {
    expect(items.get(id)).toMatchObject(expected)
  })

  it('reads $CATEGORY', () => {
    expect(ok('river.gift').categories).toEqual([{ path: '$course$/top/River gauge/Flood basics', itemIds: [...items.keys()] }])
  })
})

describe('malformed files are refused at their line, with what to fix, and give no items', () => {
  it.each([
    ['unclosed-tag.xml', 6, '</question> closes <questiontext> (opened on line 5); expected </questiontext>'],
    ['unknown-type.xml', 9, 'unknown question type "multichoise"'],
    ['missing-answer.xml', 3, 'no answer is marked right: give a right answer fraction="100"'],
    ['bad-fraction.xml', 8, 'bad fraction "half" on an answer: write a percentage from -100 to 100'],
    ['unterminated-cloze.xml', 7, 'is never closed with "}"'],
    ['entity-bomb.xml', 2, 'may not declare a DTD or entities'],
    ['only-unsupported.xml', 2, 'the file holds no question Debrief can import'],
    ['unterminated-brace.gift', 4, 'the answers "{" are never closed with "}"'],
    ['bad-weight.gift', 2, 'bad weight "%fifty%"'],
    ['no-right-answer.gift', 1, 'no answer is marked right'],
    ['one-pair.gift', 1, 'a matching question needs at least two'],
  ])('%s', (name, line, message) => {
    const r = read(`malformed/${name}`)
    expect('items' in r).toBe(false)
    const first = 'errors' in r ? r.errors[0]! : undefined
    expect(first).toMatchObject({ file: `malformed/${name}`, line })
    expect(first?.message).toContain(message)
  })

  it.each([
    ['Moodle XML', (t: string) => fromMoodleXml(t, 'big.xml'), `<quiz>${'<!-- padding -->'.repeat(400_000)}</quiz>`],
    ['GIFT', (t: string) => fromGift(t, 'big.gift'), `::q::S{T}\n\n`.repeat(600_000)],
  ])('a 6 MB %s file', (_label, parse, text) => {
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024)
    expect(parse(text)).toEqual({ errors: [{ file: expect.any(String), line: 1, message: expect.stringContaining('a bank file may be at most 5 MB') }] })
  })
})

describe('the <debrief> element of an edited export', () => {
  const base = { explanation: 'E', passages: ['p-a'], objective: 'o1', difficulty: 1 as const, bloom: 'remember' as const }
  const item = { ...base, id: 'q1', type: 'single' as const, stem: 'S', options: [{ id: 'x', text: 'A' }, { id: 'y', text: 'B' }, { id: 'z', text: 'C' }], answer: 'x' }

  it('is ignored where its counts no longer fit, with a warning', () => {
    const xml = toMoodleXml([{ course: 'c', lesson: 'l', items: [item] }]).xml
    const edited = xml.replace(/\s*<answer fraction="0" format="markdown">\s*<text><!\[CDATA\[C\]\]><\/text>\s*<\/answer>/, '')
    const r = fromMoodleXml(edited, 'edited.xml')
    expect('items' in r && r.items[0]).toMatchObject({ options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'a' })
    expect('items' in r && r.warnings.map((w) => w.message)).toEqual(['question "q1": the option ids in <debrief> do not fit the 2 options in the file (was it edited?); ids were made up instead'])
  })

  it('keeps only fields of the right type', () => {
    const xml = toMoodleXml([{ course: 'c', lesson: 'l', items: [item] }]).xml.replace(/<debrief>.*<\/debrief>/, '<debrief>{"v":1,"ids":{"options":"xyz"},"allowTypo":"yes"}</debrief>')
    const r = fromMoodleXml(xml, 'x.xml')
    expect('items' in r && r.items[0]).toMatchObject({ options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })
  })
})
