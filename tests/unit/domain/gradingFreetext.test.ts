import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { gradeResponse } from '../../../src/domain/grading/index.ts'
import type { FreeTextItem, VersionedItem } from '../../../src/domain/types.ts'
import { freetext } from '../../fixtures/items.ts'

// The fixture's rubric: c1 = [ideolog | contamination | foreign influence], [dissent | unrest];
// c2 = [small | limited | few], [spread | coordinate]. Each concept is worth 1 of the 4 points.
const score = (text: string, item: FreeTextItem = freetext) => gradeResponse(item, { type: 'freetext', text }).score

describe('free text: words of the stem do not count', () => {
  const asked = { ...freetext, stem: 'Why does a small deployment limit the spread of dissent from foreign contact?' }
  it.each<[string, string, number]>([
    ['the stem pasted back: every occurrence is made of stem words', asked.stem, 0],
    ['"small" alone is a stem word', 'It is small.', 0],
    ['"spread" and "dissent" are both stem words', 'The spread of dissent.', 0],
    ['"limited" is the learner\'s own word (the stem says "limit")', 'A limited group.', 1],
    ['"dissenting" matches the stem "dissent" as a prefix, and is not a stem word', 'Dissenting soldiers.', 1],
    ['"foreign influence": "foreign" is in the stem, "influence" is not, so the phrase counts', 'Foreign influence.', 1],
    ['own words next to pasted ones: only "few" and "coordinate" count', `${asked.stem} Few can coordinate.`, 2],
    ['without a shared word the stem changes nothing (control row: same answer as the full-marks one)', 'Ideological unrest: few can coordinate.', 4],
  ])('%s', (_label, text, expected) => {
    expect(score(text, asked)).toBeCloseTo(expected, 10)
  })
})

describe('free text: a concept inside a negation does not count', () => {
  it.each<[string, string, number]>([
    ['"not" right before', 'The group is not small.', 0],
    ['"no" right before', 'There was no dissent.', 0],
    ['"never" right before', 'They are never few.', 0],
    ['"isn\'t" reads as "is not"', "It isn't small.", 0],
    ['a curly apostrophe reads the same', 'It isn’t small.', 0],
    ['"isnt" without the apostrophe is a negator too', 'It isnt small.', 0],
    ['"without" negates', 'They serve without foreign influence.', 0],
    ['the negator 3 words before is inside the window', 'It is not a very small group.', 0],
    ['the negator 4 words before is outside the window', 'It is not in any sense small.', 1],
    ['a comma ends the clause', 'Not large, small.', 1],
    ['"but" starts a new clause', 'Not large but small.', 1],
    ['a full stop ends the clause', 'Not now. Small groups.', 1],
    ['"not only" affirms what follows', 'Not only small, it limits how far unrest can spread.', 3],
    ['one negated synonym does not hide another that is affirmed', 'No dissent at first, but unrest later.', 1],
    ['"few" counts; "spread" and "unrest" both lie within 3 words after "cannot"', 'Few soldiers cannot spread unrest.', 1],
  ])('%s', (_label, text, expected) => {
    expect(score(text)).toBeCloseTo(expected, 10)
  })

  const hedged: FreeTextItem = { ...freetext, rubric: [{ id: 'c1', text: 'Says it is unconfirmed.', points: 1, concepts: [['unconfirm', 'not confirmed']] }] }
  it.each<[string, string, number]>([
    ['a negator inside the synonym is part of the match, not a negation of it', 'The report is not confirmed.', 1],
    ['a negator before the synonym still negates it', 'The report is not unconfirmed.', 0],
  ])('%s', (_label, text, expected) => {
    expect(score(text, hedged)).toBe(expected)
  })

  it('stays a suggestion: a negated answer is still provisional and needs grading', () => {
    expect(gradeResponse(freetext, { type: 'freetext', text: 'Not small.' })).toMatchObject({ state: 'needs-grading', provisional: true })
  })
})

describe('free text: pasting the stem earns 0 provisional points on every free-text item of the course', () => {
  const loaded = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
  const course = loaded.courses.find((c) => c.id === 'nk-troops-ukraine')
  const items = (course?.banks ?? []).flatMap((b) => b.items).filter((i): i is VersionedItem & FreeTextItem => i.type === 'freetext')

  it('finds the course and its free-text items (so the table below is not empty)', () => {
    expect(items.length).toBeGreaterThanOrEqual(7)
  })

  it.each(items.map((item) => [item.id, item] as const))('%s: its own stem scores 0', (_id, item) => {
    const grade = gradeResponse(item, { type: 'freetext', text: item.stem })
    expect([grade.score, grade.provisional]).toEqual([0, true])
  })
})
