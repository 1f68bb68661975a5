/**
 * The bundle budget as a rule: a production build (with the app's own vite.config.ts, into a
 * temporary folder) must not put grading, FSRS, valibot, yaml, markdown-it or sanitize-html
 * code in any chunk the start page loads before it can show anything: the entry (index.html)
 * with its static imports, and the course home's route chunk with its static imports. The page
 * taking an assessment is held to the same rule. The manifest gives the chunk graph; a plugin
 * records which source modules went into each chunk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../../../vite.config.ts'
import { forbiddenModules, staticChunks, type Manifest } from './startGraph.ts'

const COURSE_HOME = 'src/pages/CourseHomePage.vue'

/** Records the source modules of every chunk, by file name. */
function recordModules(into: Map<string, string[]>): Plugin {
  return {
    name: 'record-chunk-modules',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') into.set(chunk.fileName, [...chunk.moduleIds])
    },
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'debrief-start-chunks-'))
const modulesOf = new Map<string, string[]>()
let manifest: Manifest

beforeAll(async () => {
  await build({
    ...config,
    configFile: false,
    mode: 'production',
    logLevel: 'silent',
    plugins: [...(config.plugins ?? []), recordModules(modulesOf)],
    build: { ...config.build, outDir, emptyOutDir: true, manifest: true },
  })
  manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest
}, 180_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the start page’s chunks', () => {
  it('hold the app shell and the course home (the walk reaches real code)', () => {
    const files = staticChunks(manifest, ['index.html', COURSE_HOME])
    const modules = files.flatMap((f) => modulesOf.get(f) ?? [])
    expect(modules.some((id) => id.endsWith('/src/main.ts'))).toBe(true)
    expect(modules.some((id) => id.endsWith('/src/pages/CourseHomePage.vue'))).toBe(true)
  })

  it.each([
    ['the start page (the course home)', COURSE_HOME],
    ['the page taking an assessment', 'src/pages/AssessmentPage.vue'],
  ])('hold no grading, FSRS, valibot, yaml, markdown-it or sanitize-html code on %s', (_page, route) => {
    expect(forbiddenModules(staticChunks(manifest, ['index.html', route]), modulesOf)).toEqual([])
  })

  // The course's details (summaries, objectives' text: src/composables/useCourseDetails.ts) are
  // left out of the assessment page's first load, to keep room under its 90 KB budget.
  const DETAILS = '\0virtual:debrief/details'
  const modulesIn = (route: string) => staticChunks(manifest, ['index.html', route]).flatMap((f) => modulesOf.get(f) ?? [])

  it('leave the course details out of the page taking an assessment', () => {
    expect(modulesIn('src/pages/AssessmentPage.vue')).not.toContain(DETAILS)
    expect(modulesIn('src/pages/AssessmentPage.vue')).toContain('\0virtual:debrief/catalog')
  })

  it.each([COURSE_HOME, 'src/pages/LessonPage.vue', 'src/pages/ProgressPage.vue', 'src/pages/AssessmentResultPage.vue', 'src/pages/PracticePage.vue'])(
    'load the course details with %s, in a chunk of their own fetched with the page (no later request)',
    (route) => {
      expect(modulesIn(route)).toContain(DETAILS)
      expect(staticChunks(manifest, ['index.html']).flatMap((f) => modulesOf.get(f) ?? [])).not.toContain(DETAILS)
    },
  )

  it('keep grading and FSRS in chunks of their own, loaded later', () => {
    const all = [...modulesOf.values()].flat()
    expect(all.some((id) => /[\\/]src[\\/]domain[\\/]attemptGrading\.ts$/.test(id))).toBe(true)
    expect(all.some((id) => /[\\/]node_modules[\\/]ts-fsrs[\\/]/.test(id))).toBe(true)
  })
})

describe('the check itself', () => {
  // A start page that imported grading: the same walk must report it.
  const manifest: Manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: [COURSE_HOME] },
    '_shared.js': { file: 'assets/shared.js' },
    [COURSE_HOME]: { file: 'assets/CourseHomePage.js', isDynamicEntry: true, imports: ['_shared.js', '_grade.js'] },
    '_grade.js': { file: 'assets/grade.js' },
    'src/pages/ProgressPage.vue': { file: 'assets/ProgressPage.js', isDynamicEntry: true, imports: ['_fsrs.js'] },
    '_fsrs.js': { file: 'assets/fsrs.js' },
  }
  const modules = new Map([
    ['assets/index.js', ['/app/src/main.ts']],
    ['assets/shared.js', ['/app/src/stores/storage.ts']],
    ['assets/CourseHomePage.js', ['/app/src/pages/CourseHomePage.vue']],
    ['assets/grade.js', ['/app/src/domain/grading/choice.ts']],
    ['assets/ProgressPage.js', ['/app/src/pages/ProgressPage.vue']],
    ['assets/fsrs.js', ['/app/node_modules/ts-fsrs/dist/index.mjs']],
  ])

  it('follows static imports only, once each', () => {
    expect(staticChunks(manifest, ['index.html', COURSE_HOME]).sort()).toEqual(['assets/CourseHomePage.js', 'assets/grade.js', 'assets/index.js', 'assets/shared.js'])
  })

  it('reports grading that reached the start page, and ignores what loads later', () => {
    expect(forbiddenModules(staticChunks(manifest, ['index.html', COURSE_HOME]), modules)).toEqual(['grading: /app/src/domain/grading/choice.ts (in assets/grade.js)'])
  })
})
