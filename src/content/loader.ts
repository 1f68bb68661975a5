/**
 * Loads every course under `lessons/` and `questions/` (one folder per course)
 * and reports every problem with file and line. Used by the Vite build and by
 * `npm run content:check`, so both fail with the same messages.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { canonicalJson } from '../domain/canonicalJson.ts'
import type { Bank, Blueprint, Course, Lesson, Passage, VersionedItem } from '../domain/types.ts'
import { checkCourse, checkItemWriting } from './checks.ts'
import { MAX_IMAGE_BYTES } from './lessonRefs.ts'
import { renderLessonBody, type LessonImage } from './markdown.ts'
import { BankSchema, BlueprintsFileSchema, BriefSchema, LessonMetaSchema } from './schema.ts'
import { splitFrontMatter, YamlSource, type Problem } from './source.ts'
import { MAX_CONTENT_BYTES } from './yamlLimits.ts'

export interface ContentRoots {
  lessonsDir: string
  questionsDir: string
  /** Paths in messages are shown relative to this folder. */
  cwd?: string
}

export interface LoadResult {
  courses: Course[]
  problems: Problem[]
  /** Item-writing warnings (see itemWriting.ts): printed by content:check, errors only with --strict. */
  warnings: Problem[]
  /** Every file read, so the build can watch them. */
  files: string[]
  /** Each lesson's images (`course/lesson` → absolute paths), in the order of its image tokens. */
  images: Map<string, string[]>
}

/**
 * An item's version is the hash of its content: any edit makes a new version. `sealed` (reserved
 * for sealed assessments) says who may see the item, not what it is, so it is left out: reserving
 * an item, or releasing it in a newer deployment, keeps its version (docs/sealed-assessments.md).
 */
export function itemVersion(item: object): string {
  const { sealed: _sealed, ...content } = item as { sealed?: unknown }
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16)
}

export function loadContent(roots: ContentRoots): LoadResult {
  const cwd = roots.cwd ?? process.cwd()
  const result: LoadResult = { courses: [], problems: [], warnings: [], files: [], images: new Map() }
  if (!existsSync(roots.lessonsDir)) {
    result.problems.push({ file: relative(cwd, roots.lessonsDir) || '.', line: 1, field: '', message: 'the lessons folder does not exist' })
    return result
  }
  const courseIds = readdirSync(roots.lessonsDir).filter((name) => statSync(join(roots.lessonsDir, name)).isDirectory()).sort()
  if (courseIds.length === 0) {
    result.problems.push({ file: relative(cwd, roots.lessonsDir), line: 1, field: '', message: 'no course found: add a folder with a brief.md' })
  }
  for (const courseId of courseIds) {
    const loaded = loadCourse(join(roots.lessonsDir, courseId), join(roots.questionsDir, courseId), cwd)
    result.problems.push(...loaded.problems)
    result.warnings.push(...(loaded.warnings ?? []))
    result.files.push(...loaded.files)
    for (const [lessonId, paths] of loaded.images ?? []) result.images.set(`${courseId}/${lessonId}`, paths)
    if (loaded.course) result.courses.push(loaded.course)
  }
  return result
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Reads a content file, unless it is over the size limit (then `problem` says so and `text` is empty). */
function read(path: string, cwd: string, files: string[]): { name: string; text: string; problem?: Problem } {
  files.push(path)
  const name = relative(cwd, path)
  const size = statSync(path).size
  if (size > MAX_CONTENT_BYTES) {
    return { name, text: '', problem: { file: name, line: 1, field: '', message: `is ${megabytes(size)}; a content file may be at most ${megabytes(MAX_CONTENT_BYTES)}` } }
  }
  return { name, text: readFileSync(path, 'utf8') }
}

/** A lesson's images must be files inside the course's lesson folder (no link out of it), small enough to precache. */
function imageFiles(lessonDir: string, file: string, images: LessonImage[], cwd: string, files: string[]): { paths: string[]; problems: Problem[] } {
  const problems: Problem[] = []
  const root = realpathSync(lessonDir) + sep
  const paths = images.map(({ path, line }) => {
    const full = resolve(lessonDir, path)
    const problem = (message: string) => problems.push({ file, line, field: 'body', message: `image "${path}" ${message}` })
    if (!existsSync(full) || !statSync(full).isFile()) problem(`is missing: there is no file ${relative(cwd, full)}`)
    else if (!realpathSync(full).startsWith(root)) problem(`leads out of the lesson's folder (a link); copy the file in`)
    else if (statSync(full).size > MAX_IMAGE_BYTES) problem(`is ${megabytes(statSync(full).size)}; an image may be at most ${megabytes(MAX_IMAGE_BYTES)}`)
    else files.push(full)
    return full
  })
  return { paths, problems }
}

interface LoadedCourse {
  course?: Course
  problems: Problem[]
  warnings?: Problem[]
  files: string[]
  images?: Map<string, string[]>
}

function loadCourse(lessonDir: string, questionDir: string, cwd: string): LoadedCourse {
  const problems: Problem[] = []
  const files: string[] = []
  const briefPath = join(lessonDir, 'brief.md')
  if (!existsSync(briefPath)) {
    return { problems: [{ file: relative(cwd, lessonDir), line: 1, field: '', message: 'a course folder needs a brief.md' }], files }
  }
  const brief = read(briefPath, cwd, files)
  if (brief.problem) return { problems: [brief.problem], files }
  const briefParts = splitFrontMatter(brief.name, brief.text)
  if ('message' in briefParts) return { problems: [briefParts], files }
  const briefYaml = YamlSource.parse(brief.name, briefParts.yaml, briefParts.yamlFirstLine)
  problems.push(...briefYaml.problems)
  const briefData = briefYaml.source?.validate(BriefSchema)
  problems.push(...(briefData?.problems ?? []))
  const meta = briefData?.value
  if (!meta || !briefYaml.source) return { problems, files }

  const passages = new Map<string, Passage>()
  meta.passages.forEach((p, i) => {
    if (passages.has(p.id)) problems.push(briefYaml.source!.problem(['passages', i, 'id'], `duplicate passage id "${p.id}"`))
    else passages.set(p.id, p)
  })

  const lessons: { lesson: Lesson; source: YamlSource; quoted: string[] }[] = []
  const images = new Map<string, string[]>()
  for (const name of readdirSync(lessonDir).filter((n) => n.endsWith('.md') && n !== 'brief.md').sort()) {
    const file = read(join(lessonDir, name), cwd, files)
    if (file.problem) {
      problems.push(file.problem)
      continue
    }
    const parts = splitFrontMatter(file.name, file.text)
    if ('message' in parts) {
      problems.push(parts)
      continue
    }
    const parsed = YamlSource.parse(file.name, parts.yaml, parts.yamlFirstLine)
    problems.push(...parsed.problems)
    const checked = parsed.source?.validate(LessonMetaSchema)
    problems.push(...(checked?.problems ?? []))
    if (!checked?.value || !parsed.source) continue
    const body = renderLessonBody(file.name, parts.body, parts.bodyFirstLine, passages, meta.source)
    problems.push(...body.problems)
    const bundled = imageFiles(lessonDir, file.name, body.images, cwd, files)
    problems.push(...bundled.problems)
    images.set(checked.value.id, bundled.paths)
    lessons.push({ lesson: { ...checked.value, html: body.html }, source: parsed.source, quoted: body.quoted })
  }

  const banks: { bank: Bank; source: YamlSource }[] = []
  let blueprints: { list: Blueprint[]; source: YamlSource } | undefined
  const questionFiles = existsSync(questionDir) ? readdirSync(questionDir).filter((n) => /\.ya?ml$/.test(n)).sort() : []
  if (questionFiles.length === 0) {
    problems.push({ file: relative(cwd, questionDir), line: 1, field: '', message: 'no question banks found for this course' })
  }
  for (const name of questionFiles) {
    const file = read(join(questionDir, name), cwd, files)
    if (file.problem) {
      problems.push(file.problem)
      continue
    }
    const parsed = YamlSource.parse(file.name, file.text)
    problems.push(...parsed.problems)
    if (!parsed.source) continue
    if (/^blueprints\.ya?ml$/.test(name)) {
      const checked = parsed.source.validate(BlueprintsFileSchema)
      problems.push(...checked.problems)
      if (checked.value) blueprints = { list: checked.value.blueprints, source: parsed.source }
      continue
    }
    const checked = parsed.source.validate(BankSchema)
    problems.push(...checked.problems)
    if (!checked.value) continue
    const lessonId = checked.value.lesson
    const items: VersionedItem[] = checked.value.items.map((item) => ({ ...item, lesson: lessonId, version: itemVersion(item) }))
    banks.push({ bank: { lesson: lessonId, items }, source: parsed.source })
  }

  const course: Course = {
    id: meta.id,
    title: meta.title,
    source: meta.source,
    summary: meta.summary,
    ...(meta.practiceCertainty === undefined ? {} : { practiceCertainty: meta.practiceCertainty }),
    passages: meta.passages,
    lessons: lessons.map((l) => l.lesson).sort((a, b) => a.order - b.order),
    banks: banks.map((b) => b.bank),
    blueprints: blueprints?.list ?? [],
  }
  const folderId = relative(join(lessonDir, '..'), lessonDir)
  if (meta.id !== folderId) problems.push(briefYaml.source.problem(['id'], `the course id "${meta.id}" must match its folder name "${folderId}"`))
  problems.push(...checkCourse({ course, brief: briefYaml.source, lessons, banks, blueprints, questionDir: relative(cwd, questionDir) }))
  return { course, problems, warnings: checkItemWriting(banks, blueprints?.list ?? []), files, images }
}
