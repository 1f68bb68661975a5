/**
 * A stand-in LMS for the SCORM browser tests, with scorm-again (MIT) as the real SCORM runtime:
 * the package `npm run package` makes (once per test file, unzipped into a temp folder) is served
 * from a sub-path of a loopback server, inside an iframe of a harness page that creates
 * `window.API = new Scorm12API(…)` / `window.API_1484_11 = new Scorm2004API(…)` with
 * `lmsCommitUrl` pointing back at the server. The server keeps every committed CMI (scorm-again's
 * flattened form), and starts the next launch from what it holds, as an LMS does (entry "resume").
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

export type ScormKind = 'scorm12' | 'scorm2004'
export type Cmi = Record<string, string>

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' }
/** Where the package is unpacked on the stand-in LMS: a sub-path, as Moodle's pluginfile.php/… is. */
export const PACKAGE_PATH = '/pluginfile.php/42/mod_scorm/content/1/'

/**
 * Makes the package as a user does (`npm run package`, into a temp zip) and unpacks it with
 * Python's zipfile, as an LMS unpacks an upload: the tests run the zip's own files, launched at the
 * href its imsmanifest.xml names.
 */
function buildPackage(kind: ScormKind, courseId: string, blueprintId: string): { dir: string; launch: string } {
  const work = mkdtempSync(join(tmpdir(), `debrief-${kind}-`))
  const zip = join(work, 'package.zip')
  const dir = join(work, 'unpacked')
  const made = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/package.ts', '--course', courseId, '--blueprint', blueprintId, '--format', kind, '--out', zip], { encoding: 'utf8' })
  if (made.status !== 0) throw new Error(`npm run package failed (${made.status}): ${made.stderr}`)
  const unpacked = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir], { encoding: 'utf8' })
  if (unpacked.status !== 0) throw new Error(`Python could not unpack the package: ${unpacked.stderr}`)
  const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8')
  const href = /<resource\b[^>]*\bhref="([^"]+)"/u.exec(manifest)?.[1]
  if (href === undefined) throw new Error('imsmanifest.xml names no launch href')
  return { dir, launch: href }
}

/** One learner's record on the stand-in LMS. */
export interface LmsRecord {
  /** What the next launch starts from (the last committed CMI). */
  cmi: Cmi
  /** Every commit, in order. */
  commits: Cmi[]
  /** How many times the package called LMSFinish / Terminate. */
  finishes: number
}

export interface LaunchOptions {
  /** An element whose LMSSetValue the LMS refuses (returns "false"). */
  refuse?: string
}

export interface StandInLms {
  baseUrl: string
  kind: ScormKind
  record: LmsRecord
  /** The harness page's address for the next launch. */
  launchUrl(options?: LaunchOptions): string
  /** Forgets the learner's record (a new learner, or a new LMS attempt). */
  reset(learner?: { id: string; name: string }): void
}

function harnessPage(kind: ScormKind, cmi: Cmi, refuse: string | undefined, launch: string): string {
  const api = kind === 'scorm12' ? 'Scorm12API' : 'Scorm2004API'
  const name = kind === 'scorm12' ? 'API' : 'API_1484_11'
  const [setValue, finish] = kind === 'scorm12' ? ['LMSSetValue', 'LMSFinish'] : ['SetValue', 'Terminate']
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stand-in LMS</title>
<script src="/lms/${kind}.js"></script>
<script>
  const api = new ${api}({ autocommit: false, lmsCommitUrl: '/lms/commit', dataCommitFormat: 'flattened', logLevel: 5 });
  api.loadFromFlattenedJSON(${JSON.stringify(cmi)});
  const refuse = ${JSON.stringify(refuse ?? null)};
  const set = api.${setValue}.bind(api);
  api.${setValue} = (element, value) => (element === refuse ? 'false' : set(element, value));
  const finish = api.${finish}.bind(api);
  api.${finish} = (arg) => { navigator.sendBeacon('/lms/finish', ''); return finish(arg); };
  window.${name} = api;
</script></head>
<body style="margin:0"><iframe title="Course" src="${PACKAGE_PATH}${launch}" style="border:0;width:100vw;height:100vh"></iframe></body></html>`
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })
}

/** The first launch's CMI: a learner and nothing else, as an LMS starts a SCO. */
function firstCmi(kind: ScormKind, learner: { id: string; name: string }): Cmi {
  return kind === 'scorm12'
    ? { 'cmi.core.student_id': learner.id, 'cmi.core.student_name': learner.name, 'cmi.core.entry': 'ab-initio' }
    : { 'cmi.learner_id': learner.id, 'cmi.learner_name': learner.name, 'cmi.entry': 'ab-initio' }
}

/** The next launch's CMI from the last commit: what persists between launches, entry "resume" after a suspend. */
function nextCmi(kind: ScormKind, last: Cmi): Cmi {
  const next: Cmi = {}
  for (const [key, value] of Object.entries(last)) {
    if (/\.(session_time|exit|entry|_count|_children)$/.test(key) || typeof value !== 'string') continue
    next[key] = value
  }
  const exit = kind === 'scorm12' ? last['cmi.core.exit'] : last['cmi.exit']
  next[kind === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry'] = exit === 'suspend' ? 'resume' : ''
  return next
}

/** Starts the stand-in LMS with a fresh build of the package before the file's tests; stops it after. */
export function useStandInLms(kind: ScormKind, courseId: string, blueprintId: string): () => StandInLms {
  let server: Server | undefined
  let dir: string | undefined
  let work: string | undefined
  let launch = 'index.html'
  let lms: StandInLms | undefined
  let learner = { id: 'learner-1', name: kind === 'scorm12' ? 'Okafor, Ada' : 'Ada Okafor' }
  const record: LmsRecord = { cmi: {}, commits: [], finishes: 0 }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (req.method === 'POST' && path === '/lms/commit') {
      const cmi = JSON.parse(await body(req)) as Cmi
      record.commits.push(cmi)
      record.cmi = cmi
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify({ result: true, errorCode: 0 }))
      return
    }
    if (req.method === 'POST' && path === '/lms/finish') {
      await body(req)
      record.finishes++
      res.end()
      return
    }
    if (path === '/lms/harness.html') {
      const url = new URL(req.url ?? '/', 'http://x')
      const cmi = record.commits.length === 0 ? firstCmi(kind, learner) : nextCmi(kind, record.cmi)
      res.setHeader('Content-Type', TYPES['.html']!)
      res.end(harnessPage(kind, cmi, url.searchParams.get('refuse') ?? undefined, launch))
      return
    }
    if (path === `/lms/${kind}.js`) {
      res.setHeader('Content-Type', TYPES['.js']!)
      res.end(readFileSync(`node_modules/scorm-again/dist/${kind}.js`))
      return
    }
    if (path.startsWith(PACKAGE_PATH) && dir !== undefined) {
      const file = normalize(join(dir, path.slice(PACKAGE_PATH.length)))
      if (file.startsWith(dir)) {
        try {
          const bytes = readFileSync(file)
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
          res.end(bytes)
          return
        } catch {
          // falls through to 404
        }
      }
    }
    res.statusCode = 404
    res.end('not found')
  }

  beforeAll(async () => {
    const built = buildPackage(kind, courseId, blueprintId)
    dir = built.dir
    work = dirname(built.dir)
    launch = built.launch
    server = createServer((req, res) => {
      handle(req, res).catch((e: unknown) => {
        res.statusCode = 500
        res.end(String(e))
      })
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('The stand-in LMS did not start on a TCP port.')
    const baseUrl = `http://127.0.0.1:${address.port}`
    lms = {
      baseUrl,
      kind,
      record,
      launchUrl: (options = {}) => `${baseUrl}/lms/harness.html${options.refuse ? `?refuse=${encodeURIComponent(options.refuse)}` : ''}`,
      reset(next) {
        if (next) learner = next
        record.cmi = {}
        record.commits = []
        record.finishes = 0
      },
    }
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    if (work) rmSync(work, { recursive: true, force: true })
  })
  return () => {
    if (!lms) throw new Error('The stand-in LMS is not running: call useStandInLms() at the top of the test file.')
    return lms
  }
}
