/** SCORM 1.2 in Chromium against scorm-again: the story in scormSuite.ts. */
import { scormSuite } from './scormSuite.ts'

scormSuite('scorm12')
