/** Issue 14 §1: the certainty options of blueprints and courses, and content:check's refusals at their line. */
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { summarize } from '../../../src/content/vitePlugin.ts'
import { formatProblem } from '../../../src/content/source.ts'
import { copyFixture } from './fixtureCourse.ts'

const BLUEPRINTS = 'questions/river-brief/blueprints.yaml'
const BRIEF = 'lessons/river-brief/brief.md'

function load(edit: (fixture: ReturnType<typeof copyFixture>) => void) {
  const fixture = copyFixture()
  edit(fixture)
  const loaded = loadContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root })
  return { problems: loaded.problems.map(formatProblem), course: loaded.courses[0] }
}

/** Adds `lines` to the final blueprint, after its passMark (line 21 of the fixture). */
const onFinal = (lines: string) => (fixture: ReturnType<typeof copyFixture>) => fixture.edit(BLUEPRINTS, 'passMark: 0.7\n    maxAttempts: 2', `passMark: 0.7\n${lines}\n    maxAttempts: 2`)

describe('certainty options content:check', () => {
  it.each([
    ['certainty: true', '    certainty: true', { certainty: true }],
    ['certainty with passOn: cbm', '    certainty: true\n    passOn: cbm', { certainty: true, passOn: 'cbm' }],
    ['passOn: accuracy without certainty', '    passOn: accuracy', { passOn: 'accuracy' }],
  ])('accepts %s', (_name, lines, expected) => {
    const { problems, course } = load(onFinal(lines))
    expect(problems).toEqual([])
    expect(course?.blueprints.find((b) => b.id === 'final')).toMatchObject(expected)
  })

  it.each([
    ['passOn: cbm without certainty', '    passOn: cbm', `${BLUEPRINTS}:22: blueprints[1].passOn: blueprint "final" passes on cbm but does not ask for certainty: add certainty: true, or write passOn: accuracy`],
    ['passOn: cbm with certainty: false', '    certainty: false\n    passOn: cbm', `${BLUEPRINTS}:23: blueprints[1].passOn: blueprint "final" passes on cbm but does not ask for certainty`],
    ['a passOn that is not a rule', '    certainty: true\n    passOn: bonus', `${BLUEPRINTS}:23: blueprints[1].passOn: passOn must be accuracy or cbm`],
    ['a certainty that is not true or false', '    certainty: "yes"', `${BLUEPRINTS}:22: blueprints[1].certainty: certainty must be true or false`],
    ['a certainty given as a level', '    certainty: 3', `${BLUEPRINTS}:22: blueprints[1].certainty: certainty must be true or false`],
  ])('refuses %s at its line', (_name, lines, message) => {
    const { problems } = load(onFinal(lines))
    expect(problems.some((p) => p.startsWith(message)), problems.join('\n')).toBe(true)
  })

  it('a course may turn certainty on for practice', () => {
    const { problems, course } = load((f) => f.edit(BRIEF, /^summary:/m, 'practiceCertainty: true\nsummary:'))
    expect(problems).toEqual([])
    expect(course?.practiceCertainty).toBe(true)
    expect(summarize(course!).practiceCertainty).toBe(true)
  })

  it('practice certainty is off when the brief does not say', () => {
    const { course } = load(() => {})
    expect(course?.practiceCertainty).toBeUndefined()
    expect('practiceCertainty' in summarize(course!)).toBe(false)
    expect(course?.blueprints.every((b) => b.certainty === undefined && b.passOn === undefined)).toBe(true)
  })

  it('refuses a practiceCertainty that is not true or false, at its line', () => {
    const { problems } = load((f) => f.edit(BRIEF, /^summary:/m, 'practiceCertainty: sometimes\nsummary:'))
    expect(problems.some((p) => /brief\.md:\d+: practiceCertainty: practiceCertainty must be true or false/.test(p)), problems.join('\n')).toBe(true)
  })
})
