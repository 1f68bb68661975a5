/**
 * cmi5.xml, the course structure of a cmi5 package (cmi5 spec sections 13 and 14; namespace
 * https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd): one course and one AU launched at
 * index.html.
 *
 * - IRIs are named as Debrief's xAPI statements name things (src/domain/xapi/iris.ts, which the
 *   caller applies: the lint zones keep src/domain/lms from importing src/domain/xapi), under the
 *   package's activity base: the course element is the course (`…/courses/<course>`) for a course
 *   package and the assessment (`…/courses/<course>/assessments/<blueprint>`) for a blueprint
 *   package, so two blueprint packages never share a course id in one LMS. The AU is `<course id>/au`
 *   (an AU id must differ from its course's; at launch the LMS gives the AU its own activityId).
 * - `moveOn` is "CompletedAndPassed" with a pass mark (the LMS counts the AU done when the learner
 *   completed it and passed), else "Completed"; `masteryScore` is the pass mark, 0..1.
 * - `launchMethod="AnyWindow"`: the app runs in a frame or a window alike (hash router, relative paths).
 */
import { escapeXml, masteryDecimal } from './manifestXml.ts'
import type { PackageInfo } from './packageInfo.ts'

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd'

export type Cmi5Input = Pick<PackageInfo, 'blueprintId' | 'title' | 'description' | 'courseTitle' | 'courseDescription' | 'passMark'> & {
  /** The course's IRI, `courseIri(settings, courseId)` (src/domain/xapi/iris.ts). */
  courseIri: string
  /** A blueprint package's assessment IRI, `blueprintIri(settings, courseId, blueprintId)`. */
  blueprintIri?: string
}

/** The course and AU ids of a package (see the top of this file). */
export function cmi5Ids(input: Pick<Cmi5Input, 'courseIri' | 'blueprintId' | 'blueprintIri'>): { course: string; au: string } {
  if (input.blueprintId !== undefined && input.blueprintIri === undefined) throw new Error('A blueprint package needs the blueprint\'s IRI.')
  const course = input.blueprintId === undefined ? input.courseIri : input.blueprintIri!
  return { course, au: `${course}/au` }
}

function text(tag: string, value: string, indent: string): string[] {
  return [`${indent}<${tag}>`, `${indent}  <langstring lang="en">${escapeXml(value)}</langstring>`, `${indent}</${tag}>`]
}

/** The cmi5.xml of a package. A blueprint package's course element carries the blueprint's title. */
export function cmi5Structure(input: Cmi5Input): string {
  const ids = cmi5Ids(input)
  const blueprintPackage = input.blueprintId !== undefined
  const mastery = input.passMark === undefined ? '' : ` masteryScore="${masteryDecimal(input.passMark)}"`
  const moveOn = input.passMark === undefined ? 'Completed' : 'CompletedAndPassed'
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<courseStructure xmlns="${CMI5_NAMESPACE}">`,
    `  <course id="${escapeXml(ids.course)}">`,
    ...text('title', blueprintPackage ? input.title : input.courseTitle, '    '),
    ...text('description', blueprintPackage ? input.description : input.courseDescription, '    '),
    '  </course>',
    `  <au id="${escapeXml(ids.au)}" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">`,
    ...text('title', input.title, '    '),
    ...text('description', input.description, '    '),
    '    <url>index.html</url>',
    '  </au>',
    '</courseStructure>',
    '',
  ].join('\n')
}
