/**
 * imsmanifest.xml for a SCORM 2004 4th Edition package (ADL SCORM 2004 4th Ed. CAM and SN; IMS
 * Content Packaging 1.1 and Simple Sequencing 1.0): one organization, one item, one SCO resource
 * launched at index.html, every file of the build listed. Validated against ADL's XSDs in
 * tests/unit/lms/manifestSchema.test.ts.
 *
 * Sequencing says only what is true of the app:
 * - with a pass mark, the primary objective is satisfied by measure: the LMS counts the SCO as
 *   passed when `cmi.score.scaled` reaches `minNormalizedMeasure` (the pass mark, 0..1);
 * - the SCO sets its own completion and success (`deliveryControls` ...SetByContent), so the LMS
 *   does not mark it completed or passed just because it was opened;
 * - the organization lets the LMS deliver the one SCO by flow and by choice.
 */
import { checkIdentifier, clip, escapeXml, fileElements, masteryDecimal } from './manifestXml.ts'
import type { ManifestInput } from './manifestScorm12.ts'

export const SCORM2004_NAMESPACES = {
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
} as const

/** Titles are kept to 200 characters, as in 1.2: LMSs show them in one line. */
const TITLE_MAX = 200

function objectives(id: string, passMark: number | undefined): string[] {
  if (passMark === undefined) return []
  return [
    '          <imsss:objectives>',
    `            <imsss:primaryObjective objectiveID="${id}-passed" satisfiedByMeasure="true">`,
    `              <imsss:minNormalizedMeasure>${masteryDecimal(passMark)}</imsss:minNormalizedMeasure>`,
    '            </imsss:primaryObjective>',
    '          </imsss:objectives>',
  ]
}

/** The SCORM 2004 4th Edition imsmanifest.xml of a package. */
export function scorm2004Manifest(input: ManifestInput): string {
  const id = checkIdentifier(input.identifier)
  const title = escapeXml(clip(input.title, TITLE_MAX))
  const ns = SCORM2004_NAMESPACES
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${id}" version="1.0" xmlns="${ns.imscp}" xmlns:adlcp="${ns.adlcp}" xmlns:adlseq="${ns.adlseq}" xmlns:adlnav="${ns.adlnav}" xmlns:imsss="${ns.imsss}">`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>2004 4th Edition</schemaversion>',
    '  </metadata>',
    `  <organizations default="${id}-org">`,
    `    <organization identifier="${id}-org">`,
    `      <title>${title}</title>`,
    `      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">`,
    `        <title>${title}</title>`,
    '        <imsss:sequencing>',
    ...objectives(id, input.passMark),
    '          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>',
    '        </imsss:sequencing>',
    '      </item>',
    '      <imsss:sequencing>',
    '        <imsss:controlMode choice="true" flow="true"/>',
    '      </imsss:sequencing>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="index.html">`,
    ...fileElements(input.files, '      '),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n')
}
