/**
 * The content rules of sealed assessments (docs/sealed-assessments.md), on copies of the fixture
 * course: a sealed blueprint draws only sealed items, everything else only unsealed ones, and the
 * check says where a draw falls short and which sealed item no one can ever draw.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { formatProblem } from '../../../src/content/source.ts'
import { assembleAttempt } from '../../../src/domain/assembly.ts'
import { drawMisfit } from '../../../src/domain/drawFit.ts'
import { startPractice } from '../../../src/domain/practice.ts'
import { copyFixture } from './fixtureCourse.ts'

const BANK = 'questions/river-brief/01-flood.yaml'
const BLUEPRINTS = 'questions/river-brief/blueprints.yaml'

function course(edit: (f: ReturnType<typeof copyFixture>) => void) {
  const fixture = copyFixture()
  edit(fixture)
  const result = loadContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root })
  const lineOf = (file: string, text: string) => readFileSync(join(fixture.root, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1
  return { ...result, problems: result.problems.map(formatProblem), warnings: result.warnings.map(formatProblem), lineOf }
}

const sealItems = (f: ReturnType<typeof copyFixture>, ids: string[]) => {
  for (const id of ids) f.edit(BANK, `  - id: ${id}\n`, `  - id: ${id}\n    sealed: true\n`)
}
const sealFinal = (f: ReturnType<typeof copyFixture>) => f.edit(BLUEPRINTS, '    kind: final\n', '    kind: final\n    sealed: true\n')

describe('content:check: sealed assessments', () => {
  it('a sealed blueprint with no sealed items: each draw is an error at its line', () => {
    const c = course(sealFinal)
    expect(c.problems).toEqual([
      `${BLUEPRINTS}:${c.lineOf(BLUEPRINTS, '{ objective: o1-event, count: 2 }')}: blueprints[1].draws[0]: Blueprint "final", draw 1 (objective o1-event) needs 2 sealed items but the banks have only 0: a sealed assessment draws only items marked \`sealed: true\`.`,
      `${BLUEPRINTS}:${c.lineOf(BLUEPRINTS, '{ objective: o1-outlook, count: 2 }')}: blueprints[1].draws[1]: Blueprint "final", draw 2 (objective o1-outlook) needs 2 sealed items but the banks have only 0: a sealed assessment draws only items marked \`sealed: true\`.`,
    ])
  })

  it('a sealed draw one item short', () => {
    const c = course((f) => (sealFinal(f), sealItems(f, ['f-q01', 'f-q02', 'f-q04']), f.edit(BLUEPRINTS, '{ lesson: l1-flood, count: 4 }', '{ lesson: l1-flood, count: 2 }')))
    expect(c.problems).toHaveLength(1)
    expect(c.problems[0]).toMatch(/^questions\/river-brief\/blueprints\.yaml:\d+: blueprints\[1\]\.draws\[1\]: .*draw 2 \(objective o1-outlook\) needs 2 sealed items but the banks have only 1/)
  })

  it('an unsealed blueprint whose pool the sealed items took: an error naming how many are reserved', () => {
    const c = course((f) => (sealFinal(f), sealItems(f, ['f-q01', 'f-q02', 'f-q04', 'f-q05'])))
    expect(c.problems).toEqual([
      `${BLUEPRINTS}:${c.lineOf(BLUEPRINTS, '{ lesson: l1-flood, count: 4 }')}: blueprints[0].draws[0]: Blueprint "quiz-l1", draw 1 (lesson l1-flood) needs 4 items but the banks have only 2 (4 more are reserved for sealed assessments).`,
    ])
  })

  it('a sealed item no sealed blueprint draws: a warning at the item', () => {
    const c = course((f) => sealItems(f, ['f-q06']))
    expect(c.problems).toEqual([])
    expect(c.warnings).toEqual([
      `${BANK}:${c.lineOf(BANK, 'sealed: true')}: items[5].sealed: this item is reserved for sealed assessments (sealed: true), but no sealed blueprint draws it, and practice and quizzes never do: remove \`sealed: true\`, or add a draw for it to a sealed blueprint`,
    ])
  })

  it('reserving an item keeps its version (the hash leaves `sealed` out), so releasing it later does too', () => {
    const before = course(() => {}).courses[0]!.banks[0]!.items
    const after = course((f) => sealItems(f, ['f-q01'])).courses[0]!.banks[0]!.items
    expect(after.map((i) => i.version)).toEqual(before.map((i) => i.version))
    expect(after[0]!.sealed).toBe(true)
  })

  it('`sealed` on an item or a blueprint can only be true', () => {
    const c = course((f) => (f.edit(BANK, '  - id: f-q01\n', '  - id: f-q01\n    sealed: false\n'), f.edit(BLUEPRINTS, '    kind: final\n', '    kind: final\n    sealed: yes\n')))
    expect(c.problems.join('\n')).toMatch(/sealed can only be true \(leave it out for an item practice and quizzes may draw\)/)
    expect(c.problems.join('\n')).toMatch(/sealed can only be true \(leave it out for an assessment whose results show at once\)/)
  })

  it('a sound sealed course: the final draws only sealed items, the quiz and practice only the others', () => {
    const sealed = ['f-q01', 'f-q02', 'f-q04', 'f-q05']
    const c = course((f) => (sealFinal(f), sealItems(f, sealed), f.edit(BLUEPRINTS, '{ lesson: l1-flood, count: 4 }', '{ lesson: l1-flood, count: 2 }')))
    expect(c.problems).toEqual([])
    expect(c.warnings).toEqual([])
    const { banks, blueprints } = c.courses[0]!
    const [quiz, final] = [blueprints.find((b) => b.id === 'quiz-l1')!, blueprints.find((b) => b.id === 'final')!]
    for (let seed = 1; seed <= 20; seed++) {
      expect(assembleAttempt(final, banks, seed).slots.map((s) => s.itemId).sort()).toEqual(sealed)
      expect(assembleAttempt(quiz, banks, seed).slots.every((s) => !sealed.includes(s.itemId))).toBe(true)
    }
    const practice = startPractice({ courseId: 'c', lessonId: 'l1-flood', learnerId: 'ana', items: banks[0]!.items, attemptId: 'p', seed: 1, now: 0 })
    expect(practice.slots.map((s) => s.itemId).sort()).toEqual(['f-q03', 'f-q06'])
    // An import check of the final's draws: sealed items fit, open items do not.
    const items = banks[0]!.items
    const pick = (ids: string[]) => ids.map((id) => items.find((i) => i.id === id)!)
    expect(drawMisfit(pick(sealed), final.draws, true)).toBeUndefined()
    expect(drawMisfit(pick(['f-q01', 'f-q03', 'f-q04', 'f-q05']), final.draws, true)).toMatch(/does not fit/)
    expect(drawMisfit(pick(['f-q03', 'f-q06']), quiz.draws, false)).toBeUndefined()
    expect(drawMisfit(pick(['f-q01', 'f-q06']), quiz.draws, false)).toMatch(/Item f-q01 .* does not fit/)
  })
})
