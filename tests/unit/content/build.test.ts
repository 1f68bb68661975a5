import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'
import { debriefContent } from '../../../src/content/vitePlugin.ts'
import { copyFixture } from './fixtureCourse.ts'

/** Builds a one-file app that imports the catalog, with the content plugin on a fixture copy. */
async function buildWith(fixture: ReturnType<typeof copyFixture>) {
  const app = join(fixture.root, 'app')
  mkdirSync(app)
  writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>')
  writeFileSync(
    join(app, 'main.js'),
    "import { courses, loadCourseItems } from 'virtual:debrief/catalog'\nconsole.log(courses.length)\nloadCourseItems('river-brief')\n",
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

  it('fails with the same file:line message as content:check', async () => {
    const fixture = copyFixture()
    fixture.edit('questions/river-brief/01-flood.yaml', '    answer: a', '    answer: z')
    await expect(buildWith(fixture)).rejects.toThrow(
      'questions/river-brief/01-flood.yaml:13: items[0].answer: names option "z", which this item does not have',
    )
  })
})
