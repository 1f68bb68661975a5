/**
 * Loads every course under `lessons/` and `questions/` (one folder per course)
 * and reports every problem with file and line. Used by the Vite build and by
 * `npm run content:check`, so both fail with the same messages.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { canonicalJson } from '../domain/canonicalJson.ts'
import type { Bank, Blueprint, Course, Lesson, Passage, VersionedItem } from '../domain/types.ts'
import { checkCourse, checkItemWriting } from './checks.ts'
import { renderLessonBody } from './markdown.ts'
import { BankSchema, BlueprintsFileSchema, BriefSchema, LessonMetaSchema } from './schema.ts'
import { splitFrontMatter, YamlSource, type Problem } from './source.ts'

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
}

/** An item's version is the hash of its content: any edit makes a new version. */
export function itemVersion(item: object): string {
  return createHash('sha256').update(canonicalJson(item)).digest('hex').slice(0, 16)
}

export function loadContent(roots: ContentRoots): LoadResult {
  const cwd = roots.cwd ?? process.cwd()
  const result: LoadResult = { courses: [], problems: [], warnings: [], files: [] }
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
    if (loaded.course) result.courses.push(loaded.course)
  }
  return result
}

function read(path: string, cwd: string, files: string[]): { name: string; text: string } {
  files.push(path)
  return { name: relative(cwd, path), text: readFileSync(path, 'utf8') }
}

function loadCourse(lessonDir: string, questionDir: string, cwd: string): { course?: Course; problems: Problem[]; warnings?: Problem[]; files: string[] } {
  const problems: Problem[] = []
  const files: string[] = []
  const briefPath = join(lessonDir, 'brief.md')
  if (!existsSync(briefPath)) {
    return { problems: [{ file: relative(cwd, lessonDir), line: 1, field: '', message: 'a course folder needs a brief.md' }], files }
  }
  const brief = read(briefPath, cwd, files)
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
  for (const name of readdirSync(lessonDir).filter((n) => n.endsWith('.md') && n !== 'brief.md').sort()) {
    const file = read(join(lessonDir, name), cwd, files)
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
    passages: meta.passages,
    lessons: lessons.map((l) => l.lesson).sort((a, b) => a.order - b.order),
    banks: banks.map((b) => b.bank),
    blueprints: blueprints?.list ?? [],
  }
  const folderId = relative(join(lessonDir, '..'), lessonDir)
  if (meta.id !== folderId) problems.push(briefYaml.source.problem(['id'], `the course id "${meta.id}" must match its folder name "${folderId}"`))
  problems.push(...checkCourse({ course, brief: briefYaml.source, lessons, banks, blueprints, questionDir: relative(cwd, questionDir) }))
  return { course, problems, warnings: checkItemWriting(banks, blueprints?.list ?? []), files }
}
