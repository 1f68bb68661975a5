/**
 * `npm run bench`: builds the app, then prints a table of measured figures
 * against the budgets in DESIGN.md. Figures, not pass/fail tests: the
 * machines are shared and noisy. Exits 1 when a size budget is exceeded.
 *
 * Start-page JavaScript: the gzipped bytes of every script a cold load of
 * the learner's start page fetches, recorded in Debian's Chromium (falls back
 * to the entry's static import graph when Chromium is missing).
 */
import { execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { preview } from 'vite'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const KB = 1024

interface Row {
  measure: string
  value: string
  budget: string
  ok: boolean
}

const gz = (file: string) => gzipSync(readFileSync(file)).length

/** Scripts the built index.html loads before anything runs (entry + modulepreloads). */
function staticStartScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!)
}

/** JS files a cold load of `path` fetches in a real browser, as dist-relative paths. */
async function browserScripts(baseUrl: string, path: string, setup?: string): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    if (setup) {
      await page.goto(baseUrl)
      await page.evaluate(setup)
    }
    const scripts = new Set<string>()
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname.replace(/^\//, ''))
    })
    await page.goto(baseUrl + path, { waitUntil: 'networkidle' })
    await context.close()
    return [...scripts]
  } finally {
    await browser.close()
  }
}

function sizeRow(measure: string, dist: string, files: string[], budgetKb: number): Row {
  const bytes = files.reduce((sum, f) => sum + gz(join(dist, f)), 0)
  return { measure: `${measure} (${files.length} files)`, value: `${(bytes / KB).toFixed(1)} KB`, budget: `≤ ${budgetKb} KB`, ok: bytes <= budgetKb * KB }
}

async function main() {
  if (!process.argv.includes('--no-build')) execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] })
  const dist = 'dist'
  const rows: Row[] = []
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' })
  try {
    const address = server.httpServer.address()
    const baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : ''
    if (existsSync(CHROMIUM)) {
      rows.push(sizeRow('Start page JS, gzipped, cold load in Chromium', dist, await browserScripts(baseUrl, '/'), 90))
    } else {
      console.log(`No Chromium at ${CHROMIUM}: measuring the start page's static imports instead.`)
      rows.push(sizeRow('Start page JS, gzipped, static imports', dist, staticStartScripts(dist), 90))
    }
  } finally {
    await server.close()
  }
  const width = Math.max(...rows.map((r) => r.measure.length), 7)
  console.log(`\n${'measure'.padEnd(width)} | value      | budget   | within`)
  console.log(`${'-'.repeat(width)}-|------------|----------|-------`)
  for (const r of rows) console.log(`${r.measure.padEnd(width)} | ${r.value.padEnd(10)} | ${r.budget.padEnd(8)} | ${r.ok ? 'yes' : 'NO'}`)
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1
}

await main()
