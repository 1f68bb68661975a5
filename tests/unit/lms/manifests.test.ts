/**
 * The SCORM manifest builders as a table: pass mark → masteryscore / minNormalizedMeasure, escaping,
 * course vs blueprint packages, titles, file hrefs. Each manifest is read back with Python's
 * xml.etree (tests/unit/lms/python.ts), not with our own code; manifestSchema.test.ts validates them
 * against ADL's XSDs.
 */
import { describe, expect, it } from 'vitest'
import { scorm12Manifest, SCORM12_NAMESPACES, type ManifestInput } from '../../../src/domain/lms/manifestScorm12.ts'
import { scorm2004Manifest, SCORM2004_NAMESPACES } from '../../../src/domain/lms/manifestScorm2004.ts'
import { clip, escapeXml, fileHref, masteryDecimal, masteryPercent } from '../../../src/domain/lms/manifestXml.ts'
import { childrenNamed, onlyChild, parseXml, type XmlNode } from './python.ts'

const FILES = ['index.html', 'assets/index-abc.js', 'icons/icon.svg']
const input = (extra: Partial<ManifestInput> = {}): ManifestInput => ({ identifier: 'debrief-c1', title: 'Course one', files: FILES, passMark: 0.7, ...extra })

const CP12 = SCORM12_NAMESPACES.imscp
const ADL12 = SCORM12_NAMESPACES.adlcp
const CP04 = SCORM2004_NAMESPACES.imscp
const SS = SCORM2004_NAMESPACES.imsss

/** The one item of the one organization, and the one resource. */
function parts(root: XmlNode, cp: string) {
  const organizations = onlyChild(root, cp, 'organizations')
  const organization = onlyChild(organizations, cp, 'organization')
  const item = onlyChild(organization, cp, 'item')
  const resource = onlyChild(onlyChild(root, cp, 'resources'), cp, 'resource')
  return { organizations, organization, item, resource }
}

describe('SCORM 1.2 imsmanifest.xml', () => {
  it('has the ADL SCORM 1.2 metadata, one organization, one item and one SCO launched at index.html', () => {
    const root = parseXml(scorm12Manifest(input()))
    expect(root.tag).toBe(`{${CP12}}manifest`)
    const metadata = onlyChild(root, CP12, 'metadata')
    expect([onlyChild(metadata, CP12, 'schema').text, onlyChild(metadata, CP12, 'schemaversion').text]).toEqual(['ADL SCORM', '1.2'])
    const { organizations, organization, item, resource } = parts(root, CP12)
    expect(organizations.attrib.default).toBe(organization.attrib.identifier)
    expect(item.attrib.identifierref).toBe(resource.attrib.identifier)
    expect(resource.attrib).toMatchObject({ type: 'webcontent', href: 'index.html', [`{${ADL12}}scormtype`]: 'sco' })
    expect(childrenNamed(resource, CP12, 'file').map((f) => f.attrib.href)).toEqual(['assets/index-abc.js', 'icons/icon.svg', 'index.html'])
  })

  it.each([
    [0.7, '70'],
    [0, '0'],
    [1, '100'],
    [0.655, '66'],
    [0.701, '71'],
    [0.29, '29'],
  ])('pass mark %s → adlcp:masteryscore %s (a whole percent, rounded up)', (passMark, score) => {
    const { item } = parts(parseXml(scorm12Manifest(input({ passMark }))), CP12)
    expect(onlyChild(item, ADL12, 'masteryscore').text).toBe(score)
  })

  it('names no masteryscore when the package has no pass mark', () => {
    const { item } = parts(parseXml(scorm12Manifest(input({ passMark: undefined }))), CP12)
    expect(childrenNamed(item, ADL12, 'masteryscore')).toEqual([])
  })
})

describe('SCORM 2004 4th Edition imsmanifest.xml', () => {
  it('has the 2004 4th Edition metadata, one organization, one item and one SCO launched at index.html', () => {
    const root = parseXml(scorm2004Manifest(input()))
    expect(root.tag).toBe(`{${CP04}}manifest`)
    const metadata = onlyChild(root, CP04, 'metadata')
    expect([onlyChild(metadata, CP04, 'schema').text, onlyChild(metadata, CP04, 'schemaversion').text]).toEqual(['ADL SCORM', '2004 4th Edition'])
    const { organizations, organization, item, resource } = parts(root, CP04)
    expect(organizations.attrib.default).toBe(organization.attrib.identifier)
    expect(item.attrib.identifierref).toBe(resource.attrib.identifier)
    expect(resource.attrib).toMatchObject({ type: 'webcontent', href: 'index.html', [`{${SCORM2004_NAMESPACES.adlcp}}scormType`]: 'sco' })
    expect(childrenNamed(resource, CP04, 'file')).toHaveLength(3)
    const delivery = onlyChild(onlyChild(item, SS, 'sequencing'), SS, 'deliveryControls')
    expect(delivery.attrib).toEqual({ completionSetByContent: 'true', objectiveSetByContent: 'true' })
  })

  it.each([
    [0.7, '0.7'],
    [0, '0'],
    [1, '1'],
    [0.655, '0.655'],
    [0.123456, '0.1235'],
  ])('pass mark %s → a primary objective satisfied by measure, minNormalizedMeasure %s', (passMark, measure) => {
    const { item } = parts(parseXml(scorm2004Manifest(input({ passMark }))), CP04)
    const primary = onlyChild(onlyChild(onlyChild(item, SS, 'sequencing'), SS, 'objectives'), SS, 'primaryObjective')
    expect(primary.attrib.satisfiedByMeasure).toBe('true')
    expect(onlyChild(primary, SS, 'minNormalizedMeasure').text).toBe(measure)
  })

  it('names no objective when the package has no pass mark', () => {
    const { item } = parts(parseXml(scorm2004Manifest(input({ passMark: undefined }))), CP04)
    expect(childrenNamed(onlyChild(item, SS, 'sequencing'), SS, 'objectives')).toEqual([])
  })
})

describe.each([
  ['SCORM 1.2', scorm12Manifest, CP12],
  ['SCORM 2004', scorm2004Manifest, CP04],
])('%s: text and names', (_name, build, cp) => {
  it.each([
    ['Quiz: <Tom> & "Jerry" \'s', 'Quiz: <Tom> & "Jerry" \'s'],
    ['Line one\n  line two', 'Line one line two'],
    ['Control\u0001 characters\uFFFE dropped', 'Control characters dropped'],
    ['x'.repeat(250), `${'x'.repeat(199)}…`],
  ])('title %j reads back as %j', (title, expected) => {
    const { organization, item } = parts(parseXml(build(input({ title }))), cp)
    expect([onlyChild(organization, cp, 'title').text, onlyChild(item, cp, 'title').text]).toEqual([expected, expected])
  })

  it('a blueprint package is named after the blueprint; a course package after the course', () => {
    const course = parseXml(build(input()))
    const quiz = parseXml(build(input({ identifier: 'debrief-c1-quiz-a', title: 'Quiz A' })))
    expect([course.attrib.identifier, quiz.attrib.identifier]).toEqual(['debrief-c1', 'debrief-c1-quiz-a'])
    expect(onlyChild(parts(quiz, cp).organization, cp, 'title').text).toBe('Quiz A')
  })

  it('lists a file whose name needs escaping as a working relative URL', () => {
    const { resource } = parts(parseXml(build(input({ files: ['index.html', 'assets/a b#1&.js'] }))), cp)
    expect(childrenNamed(resource, cp, 'file').map((f) => f.attrib.href)).toEqual(['assets/a%20b%231%26.js', 'index.html'])
  })

  it('refuses a pass mark outside 0..1 and an identifier that is not an XML ID', () => {
    expect(() => build(input({ passMark: 1.5 }))).toThrow('A pass mark is a fraction 0..1, not 1.5.')
    expect(() => build(input({ identifier: '1-course' }))).toThrow('cannot be a manifest identifier')
  })
})

describe('manifest helpers', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['\uD800lone', 'lone'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
  ])('escapeXml(%j) = %j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected)
  })

  it('clip never cuts an emoji in half', () => {
    expect(clip('😀😀😀', 2)).toBe('😀…')
  })

  it.each([['/index.html'], ['../x.js'], ['a//b'], ['']])('fileHref refuses %j', (path) => {
    expect(() => fileHref(path)).toThrow('is not a relative path inside the package')
  })

  it.each([[-0.1], [1.01], [Number.NaN]])('the pass mark %s is refused', (passMark) => {
    expect(() => masteryPercent(passMark)).toThrow(RangeError)
    expect(() => masteryDecimal(passMark)).toThrow(RangeError)
  })
})
