/**
 * `npx tsx scripts/seedVersions.ts [--questions questions] [--course <id>]`
 * Seeds `questions/<course>/versions.json` from the git history of `questions/<course>/`: every
 * commit that touched the folder (oldest first), every bank file in it at that commit, loaded with
 * today's schema and hash. A version is recorded with the first commit that held it. Bank files
 * that no longer parse with today's schema are skipped and counted. Existing entries are kept
 * (appended to, never rewritten), so running it again changes nothing.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { appendVersions, missingVersions } from '../src/domain/versionManifest.ts'
import { bankVersions, manifestPath, readManifest, writeManifest } from '../src/content/versions.ts'


export interface SeedSummary {
  course: string
  commits: number
  files: number
  skipped: number
  added: number
  total: number
}

/** Seeds one course's manifest from the history of `questionsDir/courseId` in the repository at `cwd`. */
export function seedCourse(questionsDir: string, courseId: string, cwd = process.cwd()): SeedSummary {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
  const folder = join(questionsDir, courseId)
  const manifestFile = join(cwd, manifestPath(questionsDir, courseId))
  const commits = git('log', '--full-history', '--reverse', '--format=%H %cs', '--', folder).trim().split('\n').filter(Boolean)
  const blobs = new Map<string, ReturnType<typeof bankVersions>>()
  let manifest = readManifest(manifestFile, courseId)
  let added = 0
  let files = 0
  let skipped = 0
  for (const line of commits) {
    const [commit = '', date = ''] = line.split(' ')
    const tree = git('ls-tree', commit, '--', `${folder}/`).trim().split('\n').filter(Boolean)
    for (const row of tree) {
      const [meta = '', path = ''] = row.split('\t')
      const blob = meta.split(' ')[2] ?? ''
      const name = path.split('/').pop() ?? ''
      if (!/\.ya?ml$/.test(name) || /^blueprints\.ya?ml$/.test(name)) continue
      if (!blobs.has(blob)) {
        const versions = bankVersions(path, git('cat-file', 'blob', blob))
        blobs.set(blob, versions)
        files++
        if (versions === undefined) skipped++
      }
      const missing = missingVersions(manifest, blobs.get(blob) ?? [])
      manifest = appendVersions(manifest, missing, `${commit.slice(0, 7)} ${date}`)
      added += missing.length
    }
  }
  writeManifest(manifestFile, manifest)
  return { course: courseId, commits: commits.length, files, skipped, added, total: Object.keys(manifest.versions).length }
}

function main(): void {
  const { values } = parseArgs({ options: { questions: { type: 'string', default: 'questions' }, course: { type: 'string' } } })
  const dir = values.questions
  const courses = values.course !== undefined ? [values.course] : readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory())
  for (const course of courses) {
    const s = seedCourse(dir, course)
    console.log(`${s.course}: ${s.commits} commit(s) walked, ${s.files} distinct bank file version(s) read, ${s.skipped} skipped (no longer parse), ${s.added} version(s) added, ${s.total} in the manifest`)
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
