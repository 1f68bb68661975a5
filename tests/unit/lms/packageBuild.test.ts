/**
 * `npm run package` end to end, once per format (the three builds run in one beforeAll): each zip
 * is opened by Python's zipfile, its manifest read by Python's xml.etree and validated against
 * ADL's XSDs; every `<file href>` is in the zip and every entry is listed; the app inside uses
 * relative URLs only and has no service worker. Two runs on a course with nothing sealed give the
 * same bytes. (A sealed course's key file is encrypted afresh by every build, by design:
 * docs/sealed-assessments.md.)
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CMI5_NAMESPACE } from '../../../src/domain/lms/cmi5Structure.ts'
import { SCORM12_NAMESPACES } from '../../../src/domain/lms/manifestScorm12.ts'
import { SCORM2004_NAMESPACES } from '../../../src/domain/lms/manifestScorm2004.ts'
import { childrenNamed, inspectZip, onlyChild, parseXml, type ZipReport } from './python.ts'
import { runPackage, type Run } from './runPackage.ts'
import { schemaSuite, validateManifest } from './scormSchemas.ts'

const COURSE = 'nk-troops-ukraine'
const dir = mkdtempSync(join(tmpdir(), 'debrief-package-'))
const PACKAGES = {
  scorm12: { args: ['--course', COURSE, '--format', 'scorm12'], manifest: 'imsmanifest.xml' },
  scorm2004: { args: ['--course', COURSE, '--blueprint', 'quiz-l1', '--format', 'scorm2004'], manifest: 'imsmanifest.xml' },
  cmi5: { args: ['--course', COURSE, '--blueprint', 'quiz-l1', '--format', 'cmi5', '--activity-base', 'https://lms.example.org/debrief'], manifest: 'cmi5.xml' },
} as const
type Format = keyof typeof PACKAGES
const FORMATS = Object.keys(PACKAGES) as Format[]

const runs = {} as Record<Format, Run>
const zips = {} as Record<Format, ZipReport>
const zipPath = (format: Format) => join(dir, `${format}.zip`)
const fixtureRuns: Run[] = []

beforeAll(async () => {
  for (const format of FORMATS) {
    runs[format] = await runPackage([...PACKAGES[format].args, '--out', zipPath(format)])
    if (runs[format].code !== 0) throw new Error(`npm run package ${format} failed:\n${runs[format].stderr}`)
    zips[format] = inspectZip(zipPath(format), [PACKAGES[format].manifest, 'index.html'])
  }
  for (const n of [1, 2]) fixtureRuns.push(await runPackage(['--course', 'river-brief', '--format', 'scorm2004', '--out', join(dir, `fixture-${n}.zip`)], { DEBRIEF_CONTENT: 'tests/fixtures/course' }))
  // Five builds on a shared machine: vitest's 10 s hook default is no measure of anything here.
}, 600_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The `<file href>` list of a SCORM manifest, decoded back to zip entry names. */
function listedFiles(format: 'scorm12' | 'scorm2004'): string[] {
  const cp = format === 'scorm12' ? SCORM12_NAMESPACES.imscp : SCORM2004_NAMESPACES.imscp
  const root = parseXml(zips[format].texts['imsmanifest.xml']!)
  const resource = onlyChild(onlyChild(root, cp, 'resources'), cp, 'resource')
  return childrenNamed(resource, cp, 'file').map((f) => decodeURIComponent(f.attrib.href!))
}

describe.each(FORMATS)('the %s package', (format) => {
  it('prints where it wrote the zip, its size and its file count', () => {
    expect(runs[format].stdout).toMatch(new RegExp(`Wrote ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${format}\\.zip: ${format} package of ".+", [\\d.]+ KB, ${zips[format].names.length} files`))
  })

  it('opens in Python\'s zipfile with good CRCs, its manifest at the root', () => {
    expect(zips[format].bad).toBeNull()
    expect(zips[format].names).toContain(PACKAGES[format].manifest)
    expect(zips[format].names).toContain('index.html')
  })

  it('holds the app with relative URLs only, no service worker, no web manifest, no build leftovers', () => {
    const html = zips[format].texts['index.html']!
    expect(html).not.toMatch(/(?:src|href)="\//)
    expect(html).toMatch(/src="\.\/assets\/index-[\w-]+\.js"/)
    expect(zips[format].names.filter((n) => /^(sw\.js|registerSW\.js|workbox-.*|manifest\.webmanifest|\.vite\/.*)$/.test(n))).toEqual([])
  })
})

describe.each(['scorm12', 'scorm2004'] as const)('the %s imsmanifest.xml', (format) => {
  it('lists every file of the zip but itself, and nothing else', () => {
    const entries = zips[format].names.filter((n) => n !== 'imsmanifest.xml').sort()
    expect(listedFiles(format).sort()).toEqual(entries)
  })
})

it('the SCORM 1.2 course package has the final\'s pass mark as its masteryscore, and warns that the final is sealed', () => {
  const root = parseXml(zips.scorm12.texts['imsmanifest.xml']!)
  const cp = SCORM12_NAMESPACES.imscp
  const item = onlyChild(onlyChild(onlyChild(root, cp, 'organizations'), cp, 'organization'), cp, 'item')
  expect(onlyChild(item, SCORM12_NAMESPACES.adlcp, 'masteryscore').text).toBe('70')
  expect(runs.scorm12.stderr).toContain('Warning: "Final assessment: North Korean soldiers in Ukraine" is sealed.')
})

it('the SCORM 2004 quiz package passes by measure at the quiz\'s pass mark and has no sealed warning', () => {
  expect(zips.scorm2004.texts['imsmanifest.xml']).toContain('<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>')
  expect(runs.scorm2004.stderr).not.toContain('sealed')
})

it('the cmi5.xml parses and has every element cmi5 requires, its AU launching a file of the zip', () => {
  const root = parseXml(zips.cmi5.texts['cmi5.xml']!)
  const ns = CMI5_NAMESPACE
  expect(root.tag).toBe(`{${ns}}courseStructure`)
  const course = onlyChild(root, ns, 'course')
  const au = onlyChild(root, ns, 'au')
  for (const node of [course, au]) {
    expect(onlyChild(onlyChild(node, ns, 'title'), ns, 'langstring').text).not.toBe('')
    expect(onlyChild(onlyChild(node, ns, 'description'), ns, 'langstring').text).not.toBe('')
  }
  expect(course.attrib.id).toBe('https://lms.example.org/debrief/courses/nk-troops-ukraine/assessments/quiz-l1')
  expect(au.attrib).toEqual({ id: `${course.attrib.id}/au`, moveOn: 'CompletedAndPassed', masteryScore: '0.7', launchMethod: 'AnyWindow' })
  const url = onlyChild(au, ns, 'url').text
  expect(zips.cmi5.names).toContain(url)
})

it('two runs on a course with nothing sealed give the same bytes', () => {
  for (const run of fixtureRuns) expect(run.code, run.stderr).toBe(0)
  expect(readFileSync(join(dir, 'fixture-1.zip')).equals(readFileSync(join(dir, 'fixture-2.zip')))).toBe(true)
})

schemaSuite('the packages\' imsmanifest.xml against ADL\'s XSDs', () => {
  it.each(['scorm12', 'scorm2004'] as const)('%s is valid', async (format) => {
    const result = await validateManifest(format, zips[format].texts['imsmanifest.xml']!)
    expect(result.errors.map((e) => e.rawMessage)).toEqual([])
    expect(result.valid).toBe(true)
  })
})
