/**
 * cmi5.xml as a table: every element the cmi5 spec (section 13.1) requires, moveOn and masteryScore
 * from the pass mark, IRIs named as the xAPI statements name the course and the assessment, and
 * escaping. Read back with Python's xml.etree (tests/unit/lms/python.ts).
 */
import { describe, expect, it } from 'vitest'
import { CMI5_NAMESPACE, cmi5Ids, cmi5Structure, type Cmi5Input } from '../../../src/domain/lms/cmi5Structure.ts'
import { blueprintIri, courseIri } from '../../../src/domain/xapi/iris.ts'
import { onlyChild, parseXml, type XmlNode } from './python.ts'

const settings = { activityBase: 'https://example.org/debrief', homePage: '', sendDisplayName: false, sendFreeText: false }
const coursePackage: Cmi5Input = { courseIri: courseIri(settings, 'c1'), title: 'Course one', description: 'About it.', courseTitle: 'Course one', courseDescription: 'About it.', passMark: 0.8 }
const quizPackage: Cmi5Input = { ...coursePackage, blueprintId: 'quiz-a', blueprintIri: blueprintIri(settings, 'c1', 'quiz-a'), title: 'Quiz A', description: 'Six questions.', passMark: 0.6 }

const langstring = (node: XmlNode, tag: 'title' | 'description') => onlyChild(onlyChild(node, CMI5_NAMESPACE, tag), CMI5_NAMESPACE, 'langstring')

function read(input: Cmi5Input) {
  const root = parseXml(cmi5Structure(input))
  return { root, course: onlyChild(root, CMI5_NAMESPACE, 'course'), au: onlyChild(root, CMI5_NAMESPACE, 'au') }
}

describe('cmi5.xml', () => {
  it('has a courseStructure with a course and one AU, each with an id, a title and a description in English', () => {
    const { root, course, au } = read(coursePackage)
    expect(root.tag).toBe(`{${CMI5_NAMESPACE}}courseStructure`)
    expect(root.children).toHaveLength(2)
    for (const node of [course, au]) {
      for (const tag of ['title', 'description'] as const) expect(langstring(node, tag).attrib).toEqual({ lang: 'en' })
      expect(node.attrib.id).toMatch(/^https:\/\/example\.org\/debrief\//)
    }
    expect(onlyChild(au, CMI5_NAMESPACE, 'url').text).toBe('index.html')
    expect(au.attrib.launchMethod).toBe('AnyWindow')
  })

  it.each([
    ['a course package', coursePackage, { course: 'https://example.org/debrief/courses/c1', au: 'https://example.org/debrief/courses/c1/au', title: 'Course one' }],
    ['a blueprint package', quizPackage, { course: 'https://example.org/debrief/courses/c1/assessments/quiz-a', au: 'https://example.org/debrief/courses/c1/assessments/quiz-a/au', title: 'Quiz A' }],
  ])('%s: the course is named as xAPI names it, the AU under it', (_name, input, expected) => {
    const { course, au } = read(input)
    expect({ course: course.attrib.id, au: au.attrib.id, title: langstring(course, 'title').text }).toEqual(expected)
    expect(cmi5Ids(input)).toEqual({ course: expected.course, au: expected.au })
  })

  it.each([
    [0.8, { moveOn: 'CompletedAndPassed', masteryScore: '0.8' }],
    [0, { moveOn: 'CompletedAndPassed', masteryScore: '0' }],
    [1, { moveOn: 'CompletedAndPassed', masteryScore: '1' }],
    [0.66666, { moveOn: 'CompletedAndPassed', masteryScore: '0.6667' }],
    [undefined, { moveOn: 'Completed' }],
  ])('pass mark %s → %j', (passMark, expected) => {
    const { au } = read({ ...coursePackage, passMark })
    const { moveOn, masteryScore } = au.attrib
    expect(masteryScore === undefined ? { moveOn } : { moveOn, masteryScore }).toEqual(expected)
  })

  it('escapes <&"\' in titles and descriptions and in ids', () => {
    const nasty = 'A <b> & "c" \'d\''
    const { course, au } = read({ ...quizPackage, title: nasty, description: nasty, blueprintIri: 'https://example.org/x?a=1&b="2"' })
    expect([langstring(au, 'title').text, langstring(au, 'description').text, langstring(course, 'title').text]).toEqual([nasty, nasty, nasty])
    expect(course.attrib.id).toBe('https://example.org/x?a=1&b="2"')
  })

  it('refuses a blueprint package without the blueprint\'s IRI', () => {
    expect(() => cmi5Structure({ ...coursePackage, blueprintId: 'quiz-a' })).toThrow("A blueprint package needs the blueprint's IRI.")
  })
})
