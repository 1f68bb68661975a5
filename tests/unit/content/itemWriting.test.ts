import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  allNoneOfTheAbove, clang, countByRule, courseTrueFalseBalance, dropdownOrder, freeTextConceptInStem,
  longestKey, longestKeyShare, nearDuplicates, negativeStem, patternMatchesReject, trueFalseBalance,
  unanchoredPattern, unshuffledBlueprint,
} from '../../../src/content/itemWriting.ts'
import { contentWords, stemOf } from '../../../src/content/itemWords.ts'
import type { Bank, Blueprint, ClozeBlank, ClozeItem, FreeTextItem, Item, MultipleResponseItem, ShortTextItem, SingleChoiceItem, TrueFalseItem } from '../../../src/domain/types.ts'
import { copyFixture } from './fixtureCourse.ts'

const base = { explanation: 'x', passages: ['p1'], objective: 'o1', difficulty: 1 as const, bloom: 'understand' as const }

function single(options: string[], answer = 0, stem = 'Which reading fits?', id = 'q'): SingleChoiceItem {
  return { ...base, id, type: 'single', stem, options: options.map((text, i) => ({ id: `o${i}`, text })), answer: `o${answer}` }
}
function multiple(options: string[], answers: number[], stem: string): MultipleResponseItem {
  return { ...base, id: 'q', type: 'multiple', stem, options: options.map((text, i) => ({ id: `o${i}`, text })), answers: answers.map((i) => `o${i}`) }
}
function tf(answer: boolean, id = 'tf'): TrueFalseItem {
  return { ...base, id, type: 'truefalse', stem: 'The brief says so.', answer, wrongFeedback: 'x' }
}
function short(extra: Partial<ShortTextItem>): ShortTextItem {
  return { ...base, id: 'q', type: 'short', stem: 'Which word?', accept: ['reportedly'], wrongFeedback: 'x', ...extra }
}
function cloze(blanks: Partial<ClozeBlank>[]): ClozeItem {
  return { ...base, id: 'q', type: 'cloze', stem: 'Fill in.', text: blanks.map((_, i) => `{{b${i}}}`).join(' '), blanks: blanks.map((b, i) => ({ id: `b${i}`, accept: ['x'], ...b })) }
}
function freetext(stem: string, concepts: string[][]): FreeTextItem {
  return { ...base, id: 'q', type: 'freetext', stem, modelAnswer: 'x', rubric: [{ id: 'r1', text: 'x', points: 1, concepts }] }
}
const bank = (items: Item[]): Bank => ({ lesson: 'l1', items: items.map((i, n) => ({ ...i, id: `${i.id}${n}`, lesson: 'l1', version: 'v' })) })
const rules = (found: { rule: string }[]) => found.map((f) => f.rule)
const paths = (found: { path: (string | number)[] }[]) => found.map((f) => f.path.join('.'))

describe('content words', () => {
  it.each([
    ['suffix -ed stripped while 4 letters remain', 'reported', 'report'],
    ['suffix -s stripped', 'reports', 'report'],
    ['-ing stripped', 'fighting', 'fight'],
    ['too short to strip: kept', 'uses', 'uses'],
  ])('stemOf: %s', (_why, word, stem) => {
    expect(stemOf(word)).toBe(stem)
  })

  it('drops stop words and words under 4 letters', () => {
    expect([...contentWords('Which of these would the troops report?')]).toEqual(['troop', 'report'])
  })
})

describe('longest-key', () => {
  it.each([
    ['key 20 % and 10+ characters longer: warned', ['It is reported by several named outlets', 'It is confirmed', 'It is denied'], 1],
    ['key longest but only 5 characters longer: not warned', ['It is reported now', 'It is confirmed', 'It is denied'], 0],
    ['key 10 characters but under 20 % longer: not warned', ['a'.repeat(70), 'b'.repeat(60), 'c'.repeat(20)], 0],
    ['a distractor is the longest: not warned', ['Reported', 'It is confirmed by several named outlets', 'Denied'], 0],
  ])('%s', (_why, options, count) => {
    expect(longestKey(single(options))).toHaveLength(count)
  })

  it('points at the key option text', () => {
    expect(paths(longestKey(single(['short', 'a much longer key option text here', 'tiny'], 1)))).toEqual(['options.1.text'])
  })

  it.each([
    ['key strictly longest in 3 of 3 four-option items (100 % > 25 % + 15 %)', [0, 0, 0], 1],
    ['key longest in 1 of 3 (33 % ≤ 40 %)', [0, 1, 1], 0],
  ])('bank share: %s', (_why, keys, count) => {
    const items = keys.map((k) => single(['the longest option of all', 'short b', 'short c', 'short d'], k))
    expect(longestKeyShare(bank(items))).toHaveLength(count)
  })

  it('bank share needs at least 3 single-choice items', () => {
    expect(longestKeyShare(bank([single(['longest one here', 'b']), single(['longest one here', 'b'])]))).toEqual([])
  })
})

describe('truefalse-balance', () => {
  it.each([
    ['1 true of 4 (25 %): warned', [true, false, false, false], 1],
    ['2 of 4 (50 %): not warned', [true, true, false, false], 0],
    ['2 of 5 (40 %, the edge): not warned', [true, true, false, false, false], 0],
    ['3 of 5 (60 %, the edge): not warned', [true, true, true, false, false], 0],
    ['4 of 5 (80 %): warned', [true, true, true, true, false], 1],
    ['3 items, all false: too few to judge', [false, false, false], 0],
  ])('%s', (_why, answers, count) => {
    expect(trueFalseBalance(bank(answers.map((a) => tf(a))))).toHaveLength(count)
  })

  it('over a course, warns at the last true/false item', () => {
    const items = [tf(false), single(['a', 'b']), tf(false), tf(false), tf(true), single(['a', 'b'])]
    expect(courseTrueFalseBalance(items).map((f) => f.index)).toEqual([4])
  })
})

describe('clang', () => {
  it.each([
    ['stem word only in the key: warned', single(['The deployment is limited', 'It is large', 'It is secret'], 0, 'How big is the deployment?'), ['clang']],
    ['stem word in the key and a distractor: not warned', single(['The deployment is limited', 'The deployment is large'], 0, 'How big is the deployment?'), []],
    ['stem word only in a distractor: not warned', single(['It is limited', 'The deployment is large'], 0, 'How big is the deployment?'), []],
    ['a stop word shared with the key: not warned', single(['Which would matter', 'Nothing'], 0, 'Which reading fits?'), []],
    ['inflections compare equal (reported / reports)', single(['Kyiv reports it', 'Seoul denies it'], 0, 'Who reported the deployment?'), ['clang']],
    ['multiple: echo in a key, absent from distractors', multiple(['Drones named', 'Missiles', 'Tanks'], [0, 1], 'Which drones are named?'), ['clang']],
  ])('%s', (_why, item, expected) => {
    expect(rules(clang(item))).toEqual(expected)
  })
})

describe('all-none-of-the-above', () => {
  it.each([
    ['"All of the above"', ['Reported', 'Confirmed', 'All of the above'], 1],
    ['"None of the above."', ['Reported', 'None of the above.'], 1],
    ['"above" in a real option', ['Above the river', 'Below it'], 0],
  ])('%s', (_why, options, count) => {
    expect(allNoneOfTheAbove(single(options))).toHaveLength(count)
  })
})

describe('negative-stem', () => {
  it.each([
    ['plain "not": warned', 'Which is not reported?', 1],
    ['plain "except": warned', 'All are reported except which?', 1],
    ['"never" lower case: warned', 'Which claim is never hedged?', 1],
    ['upper-case NOT: emphasised', 'Which is NOT reported?', 0],
    ['**not**: emphasised', 'Which is **not** reported?', 0],
    ['*except*: emphasised', 'All are reported *except* which?', 0],
    ['no negative word ("nothing" is another word)', 'Which is reported, if nothing else?', 0],
  ])('%s', (_why, stem, count) => {
    expect(negativeStem(single(['a', 'b'], 0, stem))).toHaveLength(count)
  })
})

describe('near-duplicate', () => {
  const a = single(['Reported by Kyiv', 'Confirmed by Seoul'], 0, 'How sure is the deployment of troops?', 'qa')
  it.each([
    ['same objective, shared passage, same words: warned at the later item', [a, { ...a, id: 'qb' }], [1]],
    ['same words but another objective: not warned', [a, { ...a, id: 'qb', objective: 'o2' }], []],
    ['same words but no passage in common: not warned', [a, { ...a, id: 'qb', passages: ['p2'] }], []],
    ['same objective and passage, different words: not warned', [a, single(['Soldiers fight', 'Drones fly'], 0, 'What do casualties show?', 'qb')], []],
  ])('%s', (_why, items, indexes) => {
    expect(nearDuplicates(items).map((f) => f.index)).toEqual(indexes)
  })

  it('names both ids', () => {
    expect(nearDuplicates([a, { ...a, id: 'qb' }])[0]!.finding.message).toMatch(/"qb" and "qa"/)
  })
})

describe('freetext-concept-in-stem', () => {
  it.each([
    ['a synonym in the stem: warned', 'Explain why the report is unconfirmed.', [['confirmed', 'unconfirmed']], 1],
    ['a prefix synonym found as provisional scoring finds it', 'Explain the hedging.', [['hedg']], 1],
    ['no synonym in the stem: not warned', 'Explain the evidence.', [['unconfirmed', 'not verified']], 0],
  ])('%s', (_why, stem, concepts, count) => {
    expect(freeTextConceptInStem(freetext(stem, concepts))).toHaveLength(count)
  })
})

describe('unanchored-pattern', () => {
  it.each([
    ['starts with .*: re-opens the start', ['.*knowledge'], 1],
    ['ends with .+: re-opens the end', ['report.+'], 1],
    ['writes its own ^ and $: redundant', ['^report(ed|edly)$'], 1],
    ['literal equal to an accept entry: redundant', ['Reportedly'], 1],
    ['a real alternation: fine', ['report(ed|edly)'], 0],
    ['an escaped \\.* at the end is a literal: fine', ['report\\.+'], 0],
  ])('%s', (_why, patterns, count) => {
    expect(unanchoredPattern(short({ patterns }))).toHaveLength(count)
  })
})

describe('pattern-matches-reject', () => {
  it.each([
    ['a pattern accepts a rejected answer', short({ patterns: ['(un)?confirmed'], reject: ['confirmed'] }), ['patterns.0']],
    ['pattern anchored: does not match a longer reject', short({ patterns: ['confirmed'], reject: ['not confirmed'] }), []],
    ['an accepted answer is also rejected (case ignored)', short({ accept: ['Reportedly'], reject: ['reportedly'] }), ['accept.0']],
    ['case-sensitive item: "Reportedly" is not "reportedly"', short({ accept: ['Reportedly'], reject: ['reportedly'], caseSensitive: true }), []],
    ['a cloze blank accepting its own reject', cloze([{ accept: ['firsthand'], reject: ['Firsthand'] }]), ['blanks.0.accept.0']],
  ])('%s', (_why, item, expected) => {
    expect(paths(patternMatchesReject(item))).toEqual(expected)
  })
})

describe('dropdown-order', () => {
  it.each([
    ['one drop-down, answer first: warned', [{ accept: ['a'], options: ['a', 'b', 'c'] }], ['blanks.0.options']],
    ['one drop-down, answer second: fine (no diagonal with one blank)', [{ accept: ['b'], options: ['a', 'b', 'c'] }], []],
    ['two drop-downs on the diagonal: both warned', [{ accept: ['b'], options: ['b', 'a'] }, { accept: ['y'], options: ['x', 'y'] }], ['blanks.0.options', 'blanks.1.options']],
    ['two drop-downs off the diagonal: fine', [{ accept: ['a'], options: ['b', 'a'] }, { accept: ['x'], options: ['z', 'y', 'x'] }], []],
    ['a typed blank between: counts only drop-downs', [{ accept: ['t'] }, { accept: ['b'], options: ['a', 'b'] }], []],
  ])('shown unshuffled: %s', (_why, blanks, expected) => {
    expect(paths(dropdownOrder(cloze(blanks), 'fixed-order'))).toEqual(expected)
  })

  it('names the blueprint that shows the drop-downs in authored order', () => {
    expect(dropdownOrder(cloze([{ accept: ['a'], options: ['a', 'b'] }]), 'fixed-order')[0]?.message).toContain('blueprint "fixed-order" has shuffleOptions: false')
  })

  it('never warns an item that only shuffling blueprints and practice show (the order is random per attempt)', () => {
    expect(dropdownOrder(cloze([{ accept: ['a'], options: ['a', 'b'] }]), undefined)).toEqual([])
  })

  const blueprint = (id: string, shuffleOptions: boolean, draw: Blueprint['draws'][number]): Blueprint => ({
    id, title: id, kind: 'quiz', draws: [draw], passMark: 0.7, gradingMethod: 'highest', shuffleOptions, review: { afterSubmit: [], afterLastAttempt: [] },
  })
  it.each([
    ['no blueprint with fixed order', [blueprint('q', true, { lesson: 'l1', count: 1 })], undefined],
    ['a fixed-order blueprint of another lesson', [blueprint('f', false, { lesson: 'l2', count: 1 })], undefined],
    ['a fixed-order blueprint of another difficulty', [blueprint('f', false, { lesson: 'l1', difficulty: [3], count: 1 })], undefined],
    ['a fixed-order blueprint that can draw it', [blueprint('q', true, { lesson: 'l1', count: 1 }), blueprint('f', false, { lesson: 'l1', objective: 'o1', count: 1 })], 'f'],
  ])('unshuffledBlueprint: %s', (_why, blueprints, expected) => {
    expect(unshuffledBlueprint(cloze([{ accept: ['a'], options: ['a', 'b'] }]), 'l1', blueprints)).toBe(expected)
  })
})

it('countByRule lists every rule, 0 when nothing was found', () => {
  const counts = countByRule([{ rule: 'clang' }, { rule: 'clang' }, {}])
  expect(counts.clang).toBe(2)
  expect(counts['dropdown-order']).toBe(0)
})

describe('npm run content:check prints item-writing warnings', () => {
  const BANK = 'questions/river-brief/01-flood.yaml'
  const run = (fixture: ReturnType<typeof copyFixture>, ...extra: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/contentCheck.ts', '--lessons', fixture.lessonsDir, '--questions', fixture.questionsDir, ...extra], { encoding: 'utf8', env: { ...process.env, CI: 'false' } })
  const warned = () => {
    const fixture = copyFixture()
    fixture.edit(BANK, 'How sure is the brief that the river burst its banks?', 'Which is not how sure the brief is that the river burst?')
    fixture.edit(BANK, '        text: It is confirmed.', '        text: None of the above.')
    return fixture
  }

  it('the clean fixture has no warning, also with --strict', () => {
    const result = run(copyFixture(), '--strict')
    expect(result.stderr).not.toContain('warning:')
    expect(result.status).toBe(0)
  })

  it('prints file:line: field: warning: lines and exits 0 without --strict', () => {
    const result = run(warned())
    expect(result.stderr).toContain(`${BANK}:5: items[0].stem: warning: the stem says "not" without emphasis`)
    expect(result.stderr).toContain(`${BANK}:11: items[0].options[1].text: warning: "none of the above"`)
    expect(result.status).toBe(0)
  })

  it('exits 1 with --strict, and --json counts the warnings per rule', () => {
    const fixture = warned()
    expect(run(fixture, '--strict').status).toBe(1)
    const json = run(fixture, '--json')
    expect(json.status).toBe(0)
    const summary = JSON.parse(json.stdout) as { ok: boolean; warnings: unknown[]; warningCounts: Record<string, number> }
    expect(summary.ok).toBe(true)
    expect(summary.warningCounts).toMatchObject({ 'negative-stem': 1, 'all-none-of-the-above': 1, clang: 0 })
    expect(JSON.parse(run(fixture, '--json', '--strict').stdout)).toMatchObject({ ok: false })
  })
})
