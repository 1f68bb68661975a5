import { describe, expect, it } from 'vitest'
import { lmsTargetFromEnv } from '../../../src/domain/lms/target.ts'

describe('lmsTargetFromEnv', () => {
  it.each([
    [{}, undefined],
    [{ DEBRIEF_LMS: '' }, undefined],
    [{ DEBRIEF_LMS: 'scorm12', DEBRIEF_LMS_COURSE: 'c' }, { kind: 'scorm12', courseId: 'c' }],
    [{ DEBRIEF_LMS: 'scorm2004', DEBRIEF_LMS_COURSE: 'c', DEBRIEF_LMS_BLUEPRINT: 'b' }, { kind: 'scorm2004', courseId: 'c', blueprintId: 'b' }],
    [{ DEBRIEF_LMS: 'cmi5', DEBRIEF_LMS_COURSE: 'c', DEBRIEF_LMS_BLUEPRINT: '' }, { kind: 'cmi5', courseId: 'c' }],
  ])('%j → %j', (env, expected) => {
    expect(lmsTargetFromEnv(env)).toEqual(expected)
  })

  it.each([
    [{ DEBRIEF_LMS: 'scorm3', DEBRIEF_LMS_COURSE: 'c' }, /DEBRIEF_LMS is "scorm3": use one of scorm12, scorm2004, cmi5/],
    [{ DEBRIEF_LMS: 'scorm12' }, /DEBRIEF_LMS_COURSE is not/],
  ])('refuses %j', (env, message) => {
    expect(() => lmsTargetFromEnv(env)).toThrow(message)
  })
})
