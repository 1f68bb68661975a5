/**
 * Compiles the course files into virtual modules at build time:
 * - `virtual:debrief/catalog`: each course's ids, titles, counts and blueprints (ships in the
 *   entry chunk every page loads), plus loaders for the lazily loaded parts below;
 * - `virtual:debrief/details`: the course and lesson summaries and the objectives' text, imported
 *   only by the pages that show them (a chunk fetched with theirs), not by the assessment page;
 * - one module per lesson body, and one per course with its banks and passages;
 * - a lesson's images are imported by its module, so Vite copies them into `dist/assets`
 *   (hashed) and the service worker precaches them with everything else.
 * - one per course with its version manifest (`versions.json`), loaded only on the instructor's
 *   import path (`loadCourseVersions`), so the learner's chunks do not grow.
 * - sealed assessments (docs/sealed-assessments.md): the items module carries stubs of sealed
 *   items; the full items are encrypted into `sealed/<course>.json`, emitted next to the app (not
 *   precached: vite.config.ts leaves `sealed/**` out) and served by the dev server;
 *   `sealedKeyFileUrl(courseId)` in the catalog gives its URL.
 * A content problem fails the build with the same messages as `npm run content:check`.
 */
import { resolve } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import type { CourseDetails, CourseItems, CourseSummary, LessonBody } from '../domain/catalog.ts'
import type { Course } from '../domain/types.ts'
import { loadContent, type ContentRoots } from './loader.ts'
import { IMAGE_SRC } from './markdown.ts'
import { formatProblem } from './source.ts'
import { manifestPath, readManifest } from './versions.ts'
import { hasSealed, KeyFileCache, keyFilePath, publicCourseItems } from './sealedBuild.ts'
import { sealSecret, secretNotice } from './sealSecret.ts'

const PREFIX = 'virtual:debrief/'

/** What the catalog keeps of a course: ids, titles, minutes, counts and blueprints (course-level flags too). */
export function summarize(course: Course): CourseSummary {
  return {
    id: course.id,
    title: course.title,
    source: course.source,
    ...(course.practiceCertainty === true ? { practiceCertainty: true as const } : {}),
    lessons: course.lessons.map(({ html: _html, summary: _summary, passages: _passages, objectives, ...lesson }) => ({
      ...lesson,
      objectives: objectives.map((o) => ({ id: o.id })),
      // What practice can use: items reserved for sealed assessments are left out.
      itemCount: course.banks.find((b) => b.lesson === lesson.id)?.items.filter((item) => item.sealed !== true).length ?? 0,
    })),
    blueprints: course.blueprints.map(({ description: _description, ...blueprint }) => blueprint),
  }
}

/** The words only some pages show: the course's summary, each lesson's summary and objectives, each blueprint's description. */
export function courseDetails(course: Course): CourseDetails {
  return {
    summary: course.summary,
    lessons: Object.fromEntries(course.lessons.map((l) => [l.id, { summary: l.summary, objectives: l.objectives }])),
    descriptions: Object.fromEntries(course.blueprints.flatMap((b) => (b.description === undefined ? [] : [[b.id, b.description]]))),
  }
}

function catalogModule(courses: Course[], base: string): string {
  const keyFiles = Object.fromEntries(courses.filter(hasSealed).map((c) => [c.id, `${base}${keyFilePath(c.id)}`]))
  const lessonLoaders = courses.flatMap((c) =>
    c.lessons.map((l) => `${JSON.stringify(`${c.id}/${l.id}`)}: () => import(${JSON.stringify(`${PREFIX}lesson/${c.id}/${l.id}`)})`),
  )
  const itemLoaders = courses.map((c) => `${JSON.stringify(c.id)}: () => import(${JSON.stringify(`${PREFIX}items/${c.id}`)})`)
  const versionLoaders = courses.map((c) => `${JSON.stringify(c.id)}: () => import(${JSON.stringify(`${PREFIX}versions/${c.id}`)})`)
  return [
    `export const courses = ${JSON.stringify(courses.map(summarize))};`,
    `const lessons = {${lessonLoaders.join(',')}};`,
    `const items = {${itemLoaders.join(',')}};`,
    `const versions = {${versionLoaders.join(',')}};`,
    `export function loadLessonBody(courseId, lessonId) { const f = lessons[courseId + '/' + lessonId]; return f ? f().then((m) => m.default) : Promise.resolve(undefined); }`,
    `export function loadCourseItems(courseId) { const f = items[courseId]; return f ? f().then((m) => m.default) : Promise.resolve(undefined); }`,
    `export function loadCourseVersions(courseId) { const f = versions[courseId]; return f ? f().then((m) => m.default) : Promise.resolve(undefined); }`,
    `const keyFiles = ${JSON.stringify(keyFiles)};`,
    `export function sealedKeyFileUrl(courseId) { return Object.prototype.hasOwnProperty.call(keyFiles, courseId) ? keyFiles[courseId] : undefined; }`,
  ].join('\n')
}

/** A lesson's module: its body, with each image token swapped for the URL Vite gives the file. */
function lessonModule(body: LessonBody, images: string[]): string {
  if (images.length === 0) return `export default ${JSON.stringify(body)}`
  const imports = images.map((path, i) => `import image${i} from ${JSON.stringify(`${path}?url`)};`)
  const escape = `(u) => u.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')`
  return [
    ...imports,
    `const urls = [${images.map((_, i) => `image${i}`).join(', ')}];`,
    `const escape = ${escape};`,
    `const body = ${JSON.stringify(body)};`,
    `body.html = body.html.replace(${IMAGE_SRC.toString()}, (_, i) => 'src="' + escape(urls[Number(i)]) + '"');`,
    `export default body;`,
  ].join('\n')
}

export function debriefContent(options: ContentRoots): Plugin {
  const roots = { lessonsDir: resolve(options.lessonsDir), questionsDir: resolve(options.questionsDir), cwd: options.cwd }
  let courses: Course[] = []
  let files: string[] = []
  let images = new Map<string, string[]>()
  let isBuild = false
  let problemText: string | undefined
  let base = '/'
  let secret: string | undefined
  const keyFiles = new KeyFileCache(() => {
    if (secret === undefined) {
      const found = sealSecret(roots.cwd ?? process.cwd())
      secret = found.secret
      console.info(secretNotice(found))
    }
    return secret
  })

  function load(): string | undefined {
    const result = loadContent(roots)
    files = result.files
    images = result.images
    courses = result.courses
    if (result.problems.length === 0) return undefined
    return `The course content has ${result.problems.length} problem(s):\n${result.problems.map(formatProblem).join('\n')}`
  }

  return {
    name: 'debrief-content',
    configResolved(config) {
      isBuild = config.command === 'build'
      base = config.base
    },
    buildStart() {
      problemText = load()
      for (const file of files) this.addWatchFile(file)
      // A build fails at once; the dev server and tests fail only where content is used.
      if (problemText && isBuild) this.error(problemText)
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined
      if (problemText) this.error(problemText)
      const [kind, courseId, lessonId] = id.slice(PREFIX.length + 1).split('/')
      if (kind === 'catalog') return catalogModule(courses, base)
      if (kind === 'details') return `export const details = ${JSON.stringify(Object.fromEntries(courses.map((c) => [c.id, courseDetails(c)])))};`
      const course = courses.find((c) => c.id === courseId)
      if (!course) return undefined
      if (kind === 'lesson') {
        const lesson = course.lessons.find((l) => l.id === lessonId)
        if (!lesson) return undefined
        const body: LessonBody = { html: lesson.html, passages: course.passages.filter((p) => lesson.passages.includes(p.id)) }
        return lessonModule(body, images.get(`${course.id}/${lesson.id}`) ?? [])
      }
      if (kind === 'versions') {
        const path = manifestPath(roots.questionsDir, course.id)
        this.addWatchFile(path)
        return `export default ${JSON.stringify(readManifest(path, course.id))}`
      }
      if (kind === 'items') {
        const items: CourseItems = publicCourseItems(course)
        return `export default ${JSON.stringify(items)}`
      }
      return undefined
    },
    async generateBundle() {
      for (const course of courses) {
        const text = keyFiles.text(course)
        if (text !== undefined) this.emitFile({ type: 'asset', fileName: keyFilePath(course.id), source: await text })
      }
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use((req, res, next) => {
        const course = courses.find((c) => req.url?.split('?')[0] === `${base}${keyFilePath(c.id)}`)
        const text = course === undefined ? undefined : keyFiles.text(course)
        if (text === undefined) return next()
        text.then(
          (body) => {
            res.setHeader('Content-Type', 'application/json')
            res.setHeader('Cache-Control', 'no-store')
            res.end(body)
          },
          (error: unknown) => next(error),
        )
      })
      const onChange = (file: string) => {
        if (!file.startsWith(roots.lessonsDir) && !file.startsWith(roots.questionsDir)) return
        problemText = load()
        if (problemText) server.config.logger.error(problemText)
        for (const mod of [...server.moduleGraph.idToModuleMap.values()]) {
          if (mod.id?.startsWith(`\0${PREFIX}`)) server.moduleGraph.invalidateModule(mod)
        }
        server.ws.send({ type: 'full-reload' })
      }
      server.watcher.add([roots.lessonsDir, roots.questionsDir])
      server.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange)
    },
  }
}
