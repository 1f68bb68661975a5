/** SCORM 2004 4th edition in Chromium against scorm-again: the story in scormSuite.ts. */
import { scormSuite } from './scormSuite.ts'

scormSuite('scorm2004')
