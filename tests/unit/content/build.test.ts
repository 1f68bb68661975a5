import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'
import { debriefContent } from '../../../src/content/vitePlugin.ts'
import { copyFixture } from './fixtureCourse.ts'

const BANK = 'questions/river-brief/01-flood.yaml'

/** The three breakages the foundation issue names, and the message each must give. */
const BROKEN = [
  { name: 'a YAML syntax error', from: '    type: truefalse', to: '    type: truefalse\n    stem: [unclosed', message: `${BANK}:22: (file): YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]` },
  { name: 'a duplicate item id', from: 'id: f-q02', to: 'id: f-q01', message: `${BANK}:19: items[1].id: duplicate item id "f-q01"` },
  {
    name: 'a pattern with nested quantifiers',
    from: 'accept: [the levee, levee]',
    to: 'accept: [the levee, levee]\n    patterns: ["^(a+)+$"]',
    message: `${BANK}:44: items[3].patterns[0]: repeats a group that already repeats (nested quantifiers`,
  },
  {
    name: 'a pattern over the length limit',
    from: 'accept: [the levee, levee]',
    to: `accept: [the levee, levee]\n    patterns: ["${'a'.repeat(201)}"]`,
    message: `${BANK}:44: items[3].patterns[0]: is 201 characters long; a pattern may have at most 200`,
  },
  { name: 'an answer key naming no option', from: '    answer: a', to: '    answer: z', message: `${BANK}:13: items[0].answer: names option "z", which this item does not have` },
]

/** Builds a one-file app that imports the catalog, with the content plugin on a fixture copy. */
async function buildWith(fixture: ReturnType<typeof copyFixture>) {
  const app = join(fixture.root, 'app')
  mkdirSync(app)
  writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>')
  writeFileSync(
    join(app, 'main.js'),
    "import { courses, loadCourseItems, loadLessonBody } from 'virtual:debrief/catalog'\nconsole.log(courses.length)\nloadCourseItems('river-brief')\nloadLessonBody('river-brief', 'l1-flood')\n",
  )
  return build({
    root: app,
    configFile: false,
    logLevel: 'silent',
    plugins: [debriefContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root })],
    build: { write: false },
  })
}

describe('the build uses the content loader', () => {
  it('builds a valid course, with the items in their own chunk', async () => {
    const output = await buildWith(copyFixture())
    const chunks = (Array.isArray(output) ? output[0]! : output) as { output: { type: string; isEntry?: boolean; code?: string }[] }
    const js = chunks.output.filter((c) => c.type === 'chunk')
    const entry = js.find((c) => c.isEntry)
    expect(entry?.code).toContain('The flood and what comes next')
    expect(entry?.code).not.toContain('f-q01')
    expect(js.some((c) => !c.isEntry && c.code?.includes('f-q01'))).toBe(true)
  })

  it('copies a lesson image into the assets and points the lesson at it', async () => {
    const output = await buildWith(copyFixture())
    const files = ((Array.isArray(output) ? output[0]! : output) as { output: { type: string; fileName: string; code?: string }[] }).output
    const image = files.find((f) => f.type === 'asset' && /^assets\/levee-[\w-]+\.png$/.test(f.fileName))
    expect(image).toBeDefined()
    const lesson = files.find((f) => f.type === 'chunk' && f.code?.includes('DEBRIEFIMAGE'))
    expect(lesson?.code).toContain(`/${image!.fileName}`)
  })

  it.each(BROKEN)('fails on $name with the same file:line message as content:check', async ({ from, to, message }) => {
    const fixture = copyFixture()
    fixture.edit(BANK, from, to)
    await expect(buildWith(fixture)).rejects.toThrow(message)
  })
})

describe('npm run content:check', () => {
  const run = (fixture: ReturnType<typeof copyFixture>, ...extra: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/contentCheck.ts', '--lessons', fixture.lessonsDir, '--questions', fixture.questionsDir, ...extra], {
      encoding: 'utf8',
      // The version manifest's CI refusal is tested in versions.test.ts; these copies are edited on purpose.
      env: { ...process.env, CI: 'false' },
    })

  it.each(BROKEN)('exits 1 and prints $name at its file and line', ({ from, to, message }) => {
    const fixture = copyFixture()
    fixture.edit(BANK, from, to)
    const result = run(fixture)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(message)
  })

  it('prints a JSON summary of a valid course', () => {
    const result = run(copyFixture(), '--json')
    expect(result.status).toBe(0)
    const summary = JSON.parse(result.stdout) as { ok: boolean; courses: { items: number; itemsByType: Record<string, number>; passages: { id: string; items: number }[] }[] }
    expect(summary.ok).toBe(true)
    expect(summary.courses[0]).toMatchObject({ items: 6, passages: [{ id: 'p-event', items: 3 }, { id: 'p-outlook', items: 3 }] })
    expect(summary.courses[0]!.itemsByType).toMatchObject({ single: 1, truefalse: 1, numeric: 1, short: 1, cloze: 1, freetext: 1, matching: 0 })
  })
})
