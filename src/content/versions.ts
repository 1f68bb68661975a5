/**
 * Reading and writing `questions/<course>/versions.json` (see src/domain/versionManifest.ts),
 * and the item versions of a bank file's text with today's schema and hash.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { appendVersions, manifestText, missingVersions, parseManifest, type NewVersion, type VersionManifest } from '../domain/versionManifest.ts'
import type { Course, VersionedItem } from '../domain/types.ts'
import { itemVersion } from './loader.ts'
import { BankSchema } from './schema.ts'
import { YamlSource } from './source.ts'

export const MANIFEST_FILE = 'versions.json'

export function manifestPath(questionsDir: string, courseId: string): string {
  return join(questionsDir, courseId, MANIFEST_FILE)
}

/** The committed manifest, or an empty one when the file does not exist; throws on a damaged file. */
export function readManifest(path: string, courseId: string): VersionManifest {
  if (!existsSync(path)) return { course: courseId, versions: {} }
  const parsed = parseManifest(JSON.parse(readFileSync(path, 'utf8')))
  if (parsed === undefined) throw new Error(`${path} is not a version manifest: fix it by hand or restore it from git`)
  return parsed
}

export function writeManifest(path: string, manifest: VersionManifest): void {
  writeFileSync(path, manifestText(manifest), 'utf8')
}

/** A bank file's items as today's loader makes them; undefined when it no longer parses. */
export function bankItems(fileName: string, text: string): VersionedItem[] | undefined {
  const parsed = YamlSource.parse(fileName, text)
  const checked = parsed.source?.validate(BankSchema)
  if (checked?.value === undefined) return undefined
  const lesson = checked.value.lesson
  return checked.value.items.map((item) => ({ ...item, lesson, version: itemVersion(item) }))
}

/** The versions of a bank file's items with today's loader and hash; undefined when it no longer parses. */
export function bankVersions(fileName: string, text: string): NewVersion[] | undefined {
  return bankItems(fileName, text)?.map((item) => ({ version: item.version, item: item.id, lesson: item.lesson }))
}

/** Every version a loaded course has now. */
export function courseVersions(course: Course): NewVersion[] {
  return course.banks.flatMap((bank) => bank.items.map((item) => ({ version: item.version, item: item.id, lesson: bank.lesson })))
}

export interface ManifestCheck {
  path: string
  missing: NewVersion[]
  /** The manifest with the missing versions appended. */
  next: VersionManifest
}

/** What a course's manifest lacks, and the manifest with it appended. */
export function checkManifest(questionsDir: string, course: Course): ManifestCheck {
  const path = manifestPath(questionsDir, course.id)
  const manifest = readManifest(path, course.id)
  const missing = missingVersions(manifest, courseVersions(course))
  return { path, missing, next: appendVersions(manifest, missing, 'content:check') }
}
