/**
 * The import bench row (issue 12 §9): 1,000 result files (scripts/benchImportFiles.ts) imported
 * in the built app in Debian's Chromium, every check on, through the import page itself: the
 * files are given to the page's file input (`setInputFiles`, as when the instructor chooses them),
 * and the time runs from then until the page shows the last file's outcome and the file input is
 * usable again. So it covers reading the files, parsing, checksums, the course checks, the
 * database writes, the reload of the gradebook's records and rendering the report.
 *
 * `npx tsx scripts/benchImport.ts [--profile]` runs it alone on an existing `dist/` (`--profile`
 * prints where the page's CPU time went, by function, from a Chromium CPU profile).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type CDPSession, type Page } from 'playwright-core'
import { preview } from 'vite'
import { ARGS, CHROMIUM } from './benchBrowser.ts'
import { benchImportFiles, type BenchFile } from './benchImportFiles.ts'
import { sealSecret } from '../src/content/sealSecret.ts'

const PASSPHRASE = 'a long bench passphrase'

export interface ImportRun {
  files: number
  attempts: number
  megabytes: number
  seconds: number
  /** Self time by function, when profiled: [name, ms], largest first. */
  profile?: [string, number][]
}

/**
 * Unlocks the course's sealed assessments on the import page with the build's seal secret, as an
 * instructor does before importing finals (docs/sealed-assessments.md): the files hold sealed finals.
 */
export async function unlockSealedAssessments(page: Page): Promise<void> {
  const card = page.getByRole('region', { name: 'Sealed assessments' })
  await card.getByLabel('Unlock code').fill(sealSecret(process.cwd()).secret)
  await card.getByRole('button', { name: 'Unlock sealed assessments' }).click()
  await card.locator('[data-release-code]').waitFor()
}

async function openImportPage(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByLabel('Your name').fill('Bench')
  await page.getByRole('button', { name: 'Start learning' }).click()
  await page.getByRole('heading', { name: 'Lessons' }).waitFor()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click()
  const form = page.locator('form.instructor-unlock')
  await form.waitFor()
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
  await form.getByRole('button').click()
  await page.getByRole('heading', { level: 1, name: /^Gradebook/ }).waitFor()
  await page.getByRole('navigation', { name: 'Instructor' }).getByRole('link', { name: 'Import results' }).click()
  await page.locator('#import-files').waitFor()
  await unlockSealedAssessments(page)
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self and total time per function from a V8 CPU profile, in ms, largest total first. */
function profileTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (id: number) => {
    const frame = byId.get(id)!.callFrame
    return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    self.set(name(id), (self.get(name(id)) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(name(at))
    for (const n of seen) total.set(n, (total.get(n) ?? 0) + ms)
  })
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([n, ms]) => [`${n} (self ${(self.get(n) ?? 0).toFixed(0)} ms)`, ms])
}

/** Imports `files` on the import page of a fresh profile; resolves to the seconds it took. */
export async function importRun(baseUrl: string, files: readonly BenchFile[], profile = false): Promise<ImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'debrief-import-bench-'))
  const paths = files.map((f) => {
    const path = join(dir, f.name)
    writeFileSync(path, f.text)
    return path
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', baseURL: baseUrl })
    context.setDefaultTimeout(300_000)
    const page = await context.newPage()
    await openImportPage(page)
    let cdp: CDPSession | undefined
    if (profile) {
      cdp = await context.newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
    }
    const start = performance.now()
    await page.locator('#import-files').setInputFiles(paths)
    await page.waitForFunction((n) => document.querySelectorAll('.import-report__list li[data-file]').length === n && !(document.querySelector<HTMLInputElement>('#import-files')?.disabled ?? true), files.length, { polling: 50, timeout: 300_000 })
    const seconds = (performance.now() - start) / 1000
    const taken = cdp === undefined ? undefined : profileTimes((await cdp.send('Profiler.stop')).profile as never)
    // Every file the generator writes holds 5 attempts (those it breaks too).
    const attempts = files.length * 5
    return { files: files.length, attempts, megabytes: files.reduce((s, f) => s + Buffer.byteLength(f.text), 0) / 1e6, seconds, ...(taken !== undefined ? { profile: taken } : {}) }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The bench row's run: the 1,000 files of scripts/benchImportFiles.ts. */
export async function importBench(baseUrl: string, profile = false): Promise<ImportRun> {
  return importRun(baseUrl, await benchImportFiles(1000), profile)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' })
  try {
    const address = server.httpServer.address()
    const baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : ''
    const count = Number(process.env.BENCH_FILES ?? 1000)
    const run = await importRun(baseUrl, await benchImportFiles(count), process.argv.includes('--profile'))
    console.log(`${run.files} files, ${run.attempts} attempts, ${run.megabytes.toFixed(1)} MB: ${run.seconds.toFixed(2)} s`)
    for (const [name, ms] of run.profile ?? []) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`)
  } finally {
    await server.close()
  }
}
