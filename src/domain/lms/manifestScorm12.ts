/**
 * imsmanifest.xml for a SCORM 1.2 package (ADL SCORM 1.2 Content Aggregation Model; IMS Content
 * Packaging 1.1.2): one organization, one item, one SCO resource launched at index.html, every file
 * of the build listed. Validated against ADL's XSDs in tests/unit/lms/manifestSchema.test.ts.
 *
 * No `xsi:schemaLocation`: it would point at XSD files the package would then have to carry; LMSs
 * (Moodle, SCORM Cloud) read the manifest without them.
 */
import { checkIdentifier, clip, escapeXml, fileElements, masteryPercent } from './manifestXml.ts'
import type { PackageInfo } from './packageInfo.ts'

/** SCORM 1.2 allows at most 200 characters in a title. */
export const SCORM12_TITLE_MAX = 200

export const SCORM12_NAMESPACES = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
} as const

export type ManifestInput = Pick<PackageInfo, 'identifier' | 'title' | 'passMark'> & {
  /** Every file of the package but the manifest, relative, with `/` separators. */
  files: readonly string[]
}

/** The SCORM 1.2 imsmanifest.xml of a package. */
export function scorm12Manifest(input: ManifestInput): string {
  const id = checkIdentifier(input.identifier)
  const title = escapeXml(clip(input.title, SCORM12_TITLE_MAX))
  const mastery = input.passMark === undefined ? [] : [`        <adlcp:masteryscore>${masteryPercent(input.passMark)}</adlcp:masteryscore>`]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${id}" version="1.0" xmlns="${SCORM12_NAMESPACES.imscp}" xmlns:adlcp="${SCORM12_NAMESPACES.adlcp}">`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${id}-org">`,
    `    <organization identifier="${id}-org">`,
    `      <title>${title}</title>`,
    `      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">`,
    `        <title>${title}</title>`,
    ...mastery,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">`,
    ...fileElements(input.files, '      '),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n')
}
