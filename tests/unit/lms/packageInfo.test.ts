import { describe, expect, it } from 'vitest'
import { packageFileName, packageInfo, sealedWarning } from '../../../src/domain/lms/packageInfo.ts'
import type { Blueprint, Course } from '../../../src/domain/types.ts'

function blueprint(id: string, extra: Partial<Blueprint> = {}): Blueprint {
  return { id, title: `Title ${id}`, kind: 'quiz', draws: [{ count: 1 }], passMark: 0.7, gradingMethod: 'highest', shuffleOptions: true, review: { afterSubmit: [], afterLastAttempt: [] }, ...extra }
}

function course(blueprints: Blueprint[], id = 'c1'): Course {
  return { id, title: 'Course one', source: 's', summary: 'What the course is about.', passages: [], lessons: [], banks: [], blueprints }
}

const courses = [course([blueprint('quiz-a', { passMark: 0.6, description: 'Six questions.' }), blueprint('final', { kind: 'final', passMark: 0.8, sealed: true })]), course([], 'c2')]

describe('packageInfo: what the package tells the LMS', () => {
  it.each([
    ['a course package takes its single final blueprint\'s pass mark', 'c1', undefined, { identifier: 'debrief-c1', title: 'Course one', description: 'What the course is about.', passMark: 0.8, sealedTitle: 'Title final' }],
    ['a blueprint package takes the blueprint\'s pass mark, title and description', 'c1', 'quiz-a', { identifier: 'debrief-c1-quiz-a', blueprintId: 'quiz-a', title: 'Title quiz-a', description: 'Six questions.', passMark: 0.6 }],
    ['a sealed blueprint package is allowed and says it is sealed', 'c1', 'final', { identifier: 'debrief-c1-final', title: 'Title final', passMark: 0.8, sealedTitle: 'Title final' }],
  ])('%s', (_name, courseId, blueprintId, expected) => {
    const result = packageInfo(courses, courseId, blueprintId, 'scorm12')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.info).toMatchObject(expected)
  })

  it('a course without a final names no pass mark and nothing sealed', () => {
    const result = packageInfo(courses, 'c2', undefined, 'scorm12')
    expect(result.ok && result.info).toEqual({ kind: 'scorm12', courseId: 'c2', identifier: 'debrief-c2', title: 'Course one', description: 'What the course is about.', courseTitle: 'Course one', courseDescription: 'What the course is about.' })
  })

  it('a course with two finals names no pass mark rather than pick one', () => {
    const two = course([blueprint('f1', { kind: 'final', passMark: 0.5 }), blueprint('f2', { kind: 'final', passMark: 0.9 })])
    const result = packageInfo([two], 'c1', undefined, 'cmi5')
    expect(result.ok && result.info.passMark).toBe(undefined)
  })

  it('a blueprint without a description gets one naming the course', () => {
    const result = packageInfo(courses, 'c1', 'final', 'scorm2004')
    expect(result.ok && result.info.description).toBe('Title final (Course one)')
  })

  it.each([
    ['an unknown format', 'c1', undefined, 'scorm3', 'The format "scorm3" is not one Debrief packages. Use --format with one of: scorm12, scorm2004, cmi5.'],
    ['an unknown course', 'nope', undefined, 'scorm12', 'There is no course "nope". Use --course with one of: c1, c2.'],
    ['an unknown blueprint', 'c1', 'quiz-z', 'cmi5', 'The course "c1" has no blueprint "quiz-z". Use --blueprint with one of: quiz-a, final, or leave it out to package the whole course.'],
    ['a blueprint of a course that has none', 'c2', 'quiz-a', 'cmi5', 'The course "c2" has no blueprint "quiz-a". Use --blueprint with one of: (none), or leave it out to package the whole course.'],
  ])('refuses %s with the valid choices', (_name, courseId, blueprintId, format, message) => {
    expect(packageInfo(courses, courseId, blueprintId, format)).toEqual({ ok: false, error: message })
  })
})

describe('packageFileName and sealedWarning', () => {
  it.each([
    [{ kind: 'scorm12' as const, courseId: 'c1' }, 'c1-scorm12.zip'],
    [{ kind: 'cmi5' as const, courseId: 'c1', blueprintId: 'quiz-a' }, 'c1-quiz-a-cmi5.zip'],
  ])('%j → %s', (info, name) => {
    expect(packageFileName(info)).toBe(name)
  })

  it('warns in plain words for a sealed assessment, and not otherwise', () => {
    expect(sealedWarning({ sealedTitle: 'Final' })).toMatch(/^Warning: "Final" is sealed\. The LMS gets its score only after the learner enters the release code/)
    expect(sealedWarning({})).toBeUndefined()
  })
})
