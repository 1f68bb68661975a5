/**
 * The catalog (every page's entry chunk) keeps ids, titles, counts and blueprints; the words only
 * some pages show (course and lesson summaries, objectives' text) are the course's details, a
 * module of their own. `withDetails` puts the two back together exactly.
 */
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { courseDetails, summarize } from '../../../src/content/vitePlugin.ts'
import { withDetails, type CourseSummary } from '../../../src/domain/catalog.ts'
import { FIXTURE } from './fixtureCourse.ts'

const { courses, problems } = loadContent({ lessonsDir: `${FIXTURE}/lessons`, questionsDir: `${FIXTURE}/questions` })
const course = courses[0]!

describe('the catalog and the details', () => {
  it('loads the fixture course', () => {
    expect(problems).toEqual([])
    expect(course.lessons.length).toBeGreaterThan(0)
  })

  it('keep no summary and no objective text in the catalog', () => {
    const summary = summarize(course)
    const text = JSON.stringify(summary)
    expect(text).not.toContain(course.summary)
    for (const lesson of course.lessons) {
      expect(text).not.toContain(lesson.summary)
      for (const o of lesson.objectives) expect(text).not.toContain(o.text)
    }
    expect(summary.lessons.map((l) => l.objectives)).toEqual(course.lessons.map((l) => l.objectives.map((o) => ({ id: o.id }))))
    expect(Object.keys(summary).sort()).toEqual(['blueprints', 'id', 'lessons', 'source', 'title'])
    expect(summary.blueprints.some((b) => 'description' in b)).toBe(false)
  })

  it('put every summary and objective back, in order, with withDetails', () => {
    const detailed = withDetails(summarize(course), courseDetails(course))
    expect(detailed.summary).toBe(course.summary)
    expect(detailed.lessons.map((l) => ({ id: l.id, summary: l.summary, objectives: l.objectives }))).toEqual(
      course.lessons.map((l) => ({ id: l.id, summary: l.summary, objectives: l.objectives })),
    )
    expect(detailed.blueprints).toEqual(course.blueprints)
  })

  it('move a blueprint description to the details and back', () => {
    const described = { ...course, blueprints: course.blueprints.map((b, i) => (i === 0 ? { ...b, description: 'Six questions, untimed.' } : b)) }
    expect(described.blueprints.length).toBeGreaterThan(0)
    expect(JSON.stringify(summarize(described))).not.toContain('Six questions, untimed.')
    expect(courseDetails(described).descriptions).toEqual({ [described.blueprints[0]!.id]: 'Six questions, untimed.' })
    expect(withDetails(summarize(described), courseDetails(described)).blueprints).toEqual(described.blueprints)
  })

  it.each([
    ['no details at all', undefined],
    ['details missing a lesson', { summary: 'S', lessons: {}, descriptions: {} }],
  ])('fall back to an empty summary and the objective id as its text, with %s', (_case, details) => {
    const catalog: CourseSummary = { id: 'c', title: 'C', source: 's', blueprints: [], lessons: [{ id: 'l1', title: 'L', order: 1, minutes: 5, itemCount: 0, objectives: [{ id: 'o1' }] }] }
    const detailed = withDetails(catalog, details)
    expect(detailed.summary).toBe(details?.summary ?? '')
    expect(detailed.lessons[0]).toMatchObject({ summary: '', objectives: [{ id: 'o1', text: 'o1' }] })
    expect(detailed.blueprints).toEqual([])
  })
})
