/**
 * imsmanifest.xml against ADL's XSDs (SCORM 1.2; SCORM 2004 4th Edition with the adlcp, adlseq,
 * adlnav and imsss schemas), validated by libxml2 (xmllint-wasm): what we write is valid, and the
 * validator is proven to catch what a broken manifest gets wrong.
 */
import { expect, it } from 'vitest'
import { scorm12Manifest, type ManifestInput } from '../../../src/domain/lms/manifestScorm12.ts'
import { scorm2004Manifest } from '../../../src/domain/lms/manifestScorm2004.ts'
import { schemaSuite, validateManifest } from './scormSchemas.ts'

const FILES = ['index.html', 'assets/index-abc.js', 'assets/a b.css', 'icons/icon.svg']
const INPUTS: [string, ManifestInput][] = [
  ['a course package with a pass mark', { identifier: 'debrief-c1', title: 'Course one', files: FILES, passMark: 0.7 }],
  ['a blueprint package', { identifier: 'debrief-c1-quiz-a', title: 'Quiz: <A> & "B"', files: FILES, passMark: 0.655 }],
  ['a package without a pass mark', { identifier: 'debrief-c2', title: 'x'.repeat(300), files: FILES }],
]

const BUILDERS = { scorm12: scorm12Manifest, scorm2004: scorm2004Manifest } as const

/** Each mutation breaks one rule the XSDs state; the pass mark 1.5 is a valid 1.2 string but not a 2004 measure. */
const MUTATIONS: [keyof typeof BUILDERS, string, (xml: string) => string, RegExp][] = [
  ['scorm12', 'a bad scormtype', (x) => x.replace('scormtype="sco"', 'scormtype="scorm"'), /scormtype.*not an element of the set/],
  ['scorm12', 'no organizations', (x) => x.replace(/ {2}<organizations[\s\S]*<\/organizations>\n/, ''), /Expected is \( \{http:\/\/www\.imsproject\.org\/xsd\/imscp_rootv1p1p2\}organizations \)/],
  ['scorm12', 'a misspelt adlcp element', (x) => x.replace(/masteryscore/g, 'masteryscor'), /masteryscor': No matching global element declaration/],
  ['scorm12', 'a resource without a type', (x) => x.replace(' type="webcontent"', ''), /The attribute 'type' is required/],
  ['scorm12', 'a title over 200 characters', (x) => x.replace('<title>Course one</title>', `<title>${'y'.repeat(201)}</title>`), /maxLength/],
  ['scorm2004', 'a bad scormType', (x) => x.replace('scormType="sco"', 'scormType="scorm"'), /scormType.*not an element of the set/],
  ['scorm2004', 'no organizations', (x) => x.replace(/ {2}<organizations[\s\S]*<\/organizations>\n/, ''), /Expected is \( \{http:\/\/www\.imsglobal\.org\/xsd\/imscp_v1p1\}organizations \)/],
  ['scorm2004', 'an organization without its item', (x) => x.replace(/ {6}<item[\s\S]*<\/item>\n/, ''), /Missing child element|not expected/],
  ['scorm2004', 'minNormalizedMeasure 1.5', (x) => x.replace('<imsss:minNormalizedMeasure>0.7<', '<imsss:minNormalizedMeasure>1.5<'), /greater than the maximum value allowed \('1'\)/],
  ['scorm2004', 'minNormalizedMeasure 70 (a percent)', (x) => x.replace('<imsss:minNormalizedMeasure>0.7<', '<imsss:minNormalizedMeasure>70<'), /greater than the maximum value allowed/],
  ['scorm2004', 'sequencing elements out of order', (x) => x.replace(/(<imsss:objectives>[\s\S]*<\/imsss:objectives>\n)(\s*<imsss:deliveryControls[^>]*\/>\n)/, '$2$1'), /imsss\}objectives': This element is not expected/],
]

schemaSuite('imsmanifest.xml against ADL\'s XSDs', () => {
  it.each(Object.keys(BUILDERS).flatMap((edition) => INPUTS.map(([name, input]) => [edition as keyof typeof BUILDERS, name, input] as const)))('%s: %s is valid', async (edition, _name, input) => {
    const result = await validateManifest(edition, BUILDERS[edition](input))
    expect(result.errors.map((e) => e.rawMessage)).toEqual([])
    expect(result.valid).toBe(true)
  })

  it.each(MUTATIONS)('%s: a manifest with %s fails validation', async (edition, _name, mutate, message) => {
    const valid = BUILDERS[edition](INPUTS[0]![1])
    const broken = mutate(valid)
    expect(broken).not.toBe(valid)
    const result = await validateManifest(edition, broken)
    expect(result.valid).toBe(false)
    expect(result.errors.map((e) => e.rawMessage).join('\n')).toMatch(message)
  })
})
