/**
 * Every item of the real course, exported to Moodle XML and imported back, is the item it was;
 * the file is well-formed for libxml2 (xmllint-wasm) and has the expected questions for a second
 * parser (happy-dom's DOMParser on libxml2's canonical form, which turns CDATA into text).
 */
import { Window, type Element as HappyElement } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { fromMoodleXml, toMoodleXml } from '../../../src/domain/bankFormats/moodleXml.ts'
import type { Item } from '../../../src/domain/types.ts'
import { realBanks } from './realCourse.ts'

const banks = realBanks()
const items = banks.flatMap((b) => b.items)
const { xml, warnings } = toMoodleXml(banks)
const back = fromMoodleXml(xml, 'course.xml')
const imported = 'items' in back ? back.items : []

describe('Moodle XML round trip of the real course', () => {
  it('reads back every item with no error and no warning', () => {
    expect('errors' in back ? back.errors : []).toEqual([])
    expect('warnings' in back ? back.warnings : []).toEqual([])
    expect(imported.map((i) => i.id)).toEqual(items.map((i) => i.id))
  })

  it('holds all ten types', () => {
    expect(new Set(items.map((i) => i.type)).size).toBe(10)
  })

  it.each(items.map((item, n) => [`${item.type} ${item.id}`, item, n] as const))('%s is equal field by field', (_label, item, n) => {
    expect(imported[n]).toEqual(item)
  })

  it('files each bank under $course$/top/<course>/<lesson>', () => {
    expect('categories' in back && back.categories.map((c) => [c.path, c.itemIds.length])).toEqual(banks.map((b) => [`$course$/top/nk-troops-ukraine/${b.lesson}`, b.items.length]))
  })

  it('warns about what Moodle grades differently: categorize as matching, typo forgiveness, patterns that are not wildcards', () => {
    const byKind = (re: RegExp) => new Set(warnings.filter((w) => re.test(w.message)).map((w) => w.itemId))
    expect(byKind(/^categorize becomes a Moodle matching question/)).toEqual(new Set(items.filter((i) => i.type === 'categorize').map((i) => i.id)))
    expect(byKind(/does not forgive a typo/)).toEqual(new Set(items.filter((i) => i.type === 'short' && i.allowTypo).map((i) => i.id)))
    expect(byKind(/cannot be written as Moodle wildcard answers/)).toEqual(new Set(items.filter((i) => i.type === 'short' && i.patterns).map((i) => i.id)))
  })
})

describe('fields a Moodle XML round trip cannot keep apart from their defaults', () => {
  const base = { stem: 'S', explanation: 'E', passages: ['p-a'], objective: 'o1', difficulty: 1 as const, bloom: 'remember' as const }
  it.each([
    ['an explicit default ordering scoring is read back as no scoring (the same grading)', { ...base, id: 'q1', type: 'ordering', steps: [{ id: 's1', text: 'A' }, { id: 's2', text: 'B' }], scoring: 'longest-ordered-subset' }, 'scoring'],
    ['an explicit weight equal to the default rule is read back as no weight (the same grading)', { ...base, id: 'q2', type: 'multiple', options: [{ id: 'a', text: 'A', weight: 1 }, { id: 'b', text: 'B' }], answers: ['a'] }, 'options'],
    ['explicit points: 1 is read back as no points (the default)', { ...base, id: 'q3', type: 'truefalse', answer: true, wrongFeedback: 'W', points: 1 }, 'points'],
  ] as [string, Item, string][])('%s', (_label, item, field) => {
    const result = fromMoodleXml(toMoodleXml([{ course: 'c', lesson: 'l', items: [item] }]).xml, 'x.xml')
    const read = 'items' in result ? (result.items[0] as unknown as Record<string, unknown>) : {}
    const original = item as unknown as Record<string, unknown>
    expect(read[field]).not.toEqual(original[field])
    expect({ ...read, [field]: undefined }).toEqual({ ...original, [field]: undefined })
  })
})

describe('a second opinion on the Moodle XML we write', () => {
  it('libxml2 finds it well-formed, and happy-dom reads the expected questions from its canonical form', async () => {
    const lint = await validateXML({ xml: [{ fileName: 'course.xml', contents: xml }], normalization: 'c14n' })
    expect(lint.errors).toEqual([])
    expect(lint.valid).toBe(true)
    const doc = new new Window().DOMParser().parseFromString(lint.normalized, 'application/xml')
    expect(doc.querySelectorAll('parsererror')).toHaveLength(0)
    const questions = [...doc.querySelectorAll('quiz > question')]
    const types = (wanted: string) => questions.filter((q) => q.getAttribute('type') === wanted).length
    const count = (...kinds: Item['type'][]) => items.filter((i) => kinds.includes(i.type)).length
    expect({
      category: types('category'), multichoice: types('multichoice'), truefalse: types('truefalse'), matching: types('matching'), ordering: types('ordering'),
      cloze: types('cloze'), shortanswer: types('shortanswer'), numerical: types('numerical'), essay: types('essay'),
    }).toEqual({
      category: banks.length, multichoice: count('single', 'multiple'), truefalse: count('truefalse'), matching: count('matching', 'categorize'), ordering: count('ordering'),
      cloze: count('cloze'), shortanswer: count('short'), numerical: count('numeric'), essay: count('freetext'),
    })
    const real = questions.filter((q) => q.getAttribute('type') !== 'category')
    expect(real.map((q) => q.querySelector('idnumber')?.textContent)).toEqual(items.map((i) => i.id))
    expect(real.map((q) => q.querySelector('questiontext > text')?.textContent?.startsWith(items[real.indexOf(q)]!.stem))).toEqual(items.map(() => true))
    const fullMarks = (q: HappyElement) => [...q.querySelectorAll(':scope > answer')].filter((a) => a.getAttribute('fraction') === '100').map((a) => a.querySelector('text')?.textContent)
    const keys = items.map((item) => (item.type === 'single' ? [item.options.find((o) => o.id === item.answer)!.text] : item.type === 'truefalse' ? [String(item.answer)] : item.type === 'short' ? item.accept : null))
    expect(real.map((q, n) => (keys[n] === null ? null : fullMarks(q).slice(0, keys[n]!.length)))).toEqual(keys)
    const positive = (q: HappyElement) => [...q.querySelectorAll(':scope > answer')].filter((a) => Number(a.getAttribute('fraction')) > 0).length
    const rightCount = (item: Item) => ({ single: 1, truefalse: 1, numeric: 1, multiple: item.type === 'multiple' ? item.answers.length : 0, ordering: item.type === 'ordering' ? item.steps.length : 0 })[item.type as string] ?? null
    expect(real.map((q, n) => (rightCount(items[n]!) === null ? null : positive(q)))).toEqual(items.map(rightCount))
    expect(real.map((q) => [...q.querySelectorAll('tags > tag > text')].map((t) => t.textContent).find((t) => t?.startsWith('debrief-objective:')))).toEqual(items.map((i) => `debrief-objective:${i.objective}`))
  })
})
