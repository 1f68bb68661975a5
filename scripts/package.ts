/**
 * `npm run package -- --course <id> [--blueprint <id>] --format scorm12|scorm2004|cmi5 [--out <file.zip>]`
 * Builds the app for an LMS (vite.config.ts's LMS mode: relative paths, hash router, no service
 * worker) and writes it as one zip with its manifest at the root: imsmanifest.xml (SCORM 1.2 or
 * 2004 4th Edition) or cmi5.xml. docs/lms-packages.md says what each package holds.
 *
 * The arguments are checked against the courses the content check reads (src/content/loader.ts)
 * before anything is built or written; a bad one exits 1 with the valid choices.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { deflateRawSync } from 'node:zlib'
import { loadContent } from '../src/content/loader.ts'
import { formatProblem } from '../src/content/source.ts'
import { cmi5Ids, cmi5Structure } from '../src/domain/lms/cmi5Structure.ts'
import { scorm12Manifest } from '../src/domain/lms/manifestScorm12.ts'
import { scorm2004Manifest } from '../src/domain/lms/manifestScorm2004.ts'
import { masteryPercent } from '../src/domain/lms/manifestXml.ts'
import { buildProblems, isPackaged } from '../src/domain/lms/packageFiles.ts'
import { packageFileName, packageInfo, sealedWarning, type PackageInfo } from '../src/domain/lms/packageInfo.ts'
import { zip } from '../src/domain/lms/zip.ts'
import { checkLrsConfig } from '../src/domain/xapi/config.ts'
import { blueprintIri, courseIri } from '../src/domain/xapi/iris.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const USAGE = `Usage: npm run package -- --course <id> [--blueprint <id>] --format <format> [--out <file.zip>] [--activity-base <IRI>]

Writes the course (or one assessment, with --blueprint) as a package for an LMS.
  --course          the course id (a folder under lessons/)
  --blueprint       one assessment of the course; leave it out to package the whole course
  --format          scorm12, scorm2004 (4th Edition) or cmi5
  --out             where to write the zip (default: dist/packages/<course>[-<blueprint>]-<format>.zip)
  --activity-base   cmi5 only: the web address under which the package's IRIs are named
                    (default: lrs.activityBase in public/debrief.config.json)

Example: npm run package -- --course nk-troops-ukraine --blueprint quiz-l1 --format scorm2004
See docs/lms-packages.md.`

/** Used for cmi5 IRIs when neither --activity-base nor the deployment's config names one. */
const FALLBACK_ACTIVITY_BASE = 'https://debrief.invalid'

class UsageError extends Error {}

function readArgs(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        course: { type: 'string' },
        blueprint: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'activity-base': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    return values
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}\n\n${USAGE}`)
  }
}

/** The activity base for cmi5 IRIs, and where it came from. */
function activityBase(given: string | undefined): { base: string; from: string } {
  if (given !== undefined) {
    let url: URL | undefined
    try {
      url = new URL(given)
    } catch {
      url = undefined
    }
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
      throw new UsageError(`--activity-base "${given}" must be a web address such as "https://example.org/debrief".`)
    }
    return { base: url.href.replace(/\/+$/u, ''), from: '--activity-base' }
  }
  const path = join(ROOT, 'public', 'debrief.config.json')
  if (existsSync(path)) {
    const check = checkLrsConfig(JSON.parse(readFileSync(path, 'utf8')) as unknown)
    if (check.ok && check.config !== null) return { base: check.config.activityBase, from: 'public/debrief.config.json' }
  }
  return { base: FALLBACK_ACTIVITY_BASE, from: 'the fallback (set --activity-base to your organisation\'s address)' }
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    return entry.isDirectory() ? listFiles(join(dir, entry.name), path) : [path]
  })
}

/** A fresh folder under .debrief/package/ for one build (gitignored; removed after zipping). */
function buildFolder(info: PackageInfo): string {
  const parent = join(ROOT, '.debrief', 'package')
  mkdirSync(parent, { recursive: true })
  return mkdtempSync(join(parent, `${info.courseId}-${info.kind}-`))
}

/** Builds the app for `info` into `outDir` with Vite's JS API, in vite.config.ts's LMS mode. */
async function buildApp(info: PackageInfo, outDir: string): Promise<void> {
  const saved = { ...process.env }
  Object.assign(process.env, {
    DEBRIEF_LMS: info.kind,
    DEBRIEF_LMS_COURSE: info.courseId,
    DEBRIEF_LMS_BLUEPRINT: info.blueprintId ?? '',
    DEBRIEF_OUT_DIR: outDir,
    // vitest (and some shells) set NODE_ENV=test; the package is a production build, as npm run build is.
    NODE_ENV: 'production',
  })
  try {
    const { build } = await import('vite')
    await build({ root: ROOT, mode: 'production', logLevel: 'warn' })
  } finally {
    for (const key of ['DEBRIEF_LMS', 'DEBRIEF_LMS_COURSE', 'DEBRIEF_LMS_BLUEPRINT', 'DEBRIEF_OUT_DIR', 'NODE_ENV']) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
}

/** The IRIs cmi5.xml names, as Debrief's xAPI statements name the course and the assessment. */
function cmi5Iris(info: PackageInfo, activityBase: string): { courseIri: string; blueprintIri?: string } {
  const settings = { activityBase, homePage: '', sendDisplayName: false, sendFreeText: false }
  const course = courseIri(settings, info.courseId)
  return info.blueprintId === undefined ? { courseIri: course } : { courseIri: course, blueprintIri: blueprintIri(settings, info.courseId, info.blueprintId) }
}

function manifestFor(info: PackageInfo, files: string[], base: string): { name: string; xml: string } {
  if (info.kind === 'scorm12') return { name: 'imsmanifest.xml', xml: scorm12Manifest({ ...info, files }) }
  if (info.kind === 'scorm2004') return { name: 'imsmanifest.xml', xml: scorm2004Manifest({ ...info, files }) }
  return { name: 'cmi5.xml', xml: cmi5Structure({ ...info, ...cmi5Iris(info, base) }) }
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`
}

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv)
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  if (args.course === undefined || args.format === undefined) throw new UsageError(`Name the course and the format.\n\n${USAGE}`)
  const contentRoot = resolve(ROOT, process.env.DEBRIEF_CONTENT ?? '.')
  const content = loadContent({ lessonsDir: join(contentRoot, 'lessons'), questionsDir: join(contentRoot, 'questions'), cwd: ROOT })
  if (content.problems.length > 0) {
    for (const problem of content.problems) console.error(formatProblem(problem))
    console.error(`The content has ${content.problems.length} problem(s): fix them (npm run content:check lists them) and package again. Nothing was written.`)
    return 1
  }
  const checked = packageInfo(content.courses, args.course, args.blueprint, args.format)
  if (!checked.ok) throw new UsageError(checked.error)
  const info = checked.info
  const base = info.kind === 'cmi5' ? activityBase(args['activity-base']) : undefined
  // npm runs scripts from the project's root; --out is relative to where the user typed the command.
  const out = args.out === undefined ? join(ROOT, 'dist', 'packages', packageFileName(info)) : resolve(process.env.INIT_CWD ?? process.cwd(), args.out)
  if (!out.endsWith('.zip')) throw new UsageError(`--out "${args.out}" must name a .zip file.`)

  const started = performance.now()
  const outDir = buildFolder(info)
  try {
    await buildApp(info, outDir)
    const files = listFiles(outDir).sort()
    const read = (path: string) => readFileSync(join(outDir, path), 'utf8')
    const problems = buildProblems(files, read)
    if (problems.length > 0) {
      console.error(`The LMS build in ${relative(ROOT, outDir)} cannot be packaged:`)
      for (const problem of problems) console.error(`  - ${problem}`)
      console.error('Nothing was written. This is a bug in the build configuration (vite.config.ts, LMS mode).')
      return 1
    }
    const packaged = files.filter(isPackaged)
    const manifest = manifestFor(info, packaged, base?.base ?? '')
    if (packaged.includes(manifest.name)) throw new Error(`The build already has a ${manifest.name}.`)
    const entries = [
      { name: manifest.name, data: new TextEncoder().encode(manifest.xml) },
      ...packaged.map((name) => ({ name, data: new Uint8Array(readFileSync(join(outDir, ...name.split('/')))) })),
    ]
    const bytes = zip(entries, { deflate: (data) => new Uint8Array(deflateRawSync(data, { level: 9 })) })
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, bytes)
    const shown = out.startsWith(ROOT + sep) ? relative(ROOT, out) : out
    console.log(`Wrote ${shown}: ${info.kind} package of "${info.title}", ${size(statSync(out).size)}, ${entries.length} files (${manifest.name} at the root), in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
    if (info.passMark === undefined) console.log('It names no pass mark: the course has no single final assessment, so the LMS records completion and the score the app reports.')
    else if (info.kind === 'scorm12' && Math.abs(masteryPercent(info.passMark) - info.passMark * 100) > 1e-9) console.log(`SCORM 1.2 holds a whole percent: the pass mark ${info.passMark * 100}% is written as ${masteryPercent(info.passMark)}.`)
    if (base !== undefined) console.log(`cmi5 course id: ${cmi5Ids({ ...info, ...cmi5Iris(info, base.base) }).course} (base from ${base.from}).`)
    const warning = sealedWarning(info)
    if (warning !== undefined) console.warn(warning)
    return 0
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(error.message)
    else console.error(`Packaging failed: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`)
    process.exitCode = 1
  },
)
