/**
 * `npm test`: unit and component tests, plus the browser suite when Chromium
 * is installed (/usr/bin/chromium or $CHROMIUM_PATH). With CI=true a missing
 * browser is a failure, not a skip. Ends with one line: `N passed, N failed`.
 * `--e2e-only` runs just the browser suite.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const e2eOnly = process.argv.includes('--e2e-only')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const inCi = process.env.CI === 'true'
const hasBrowser = existsSync(chromium)

const projects = e2eOnly ? [] : ['unit', 'dom']
if (hasBrowser) projects.push('e2e')
else if (inCi || e2eOnly) {
  console.error(`The browser tests need Chromium at ${chromium}, and it is not there. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  console.log('0 passed, 1 failed')
  process.exit(1)
} else {
  console.log(`Skipping the browser tests: no Chromium at ${chromium}. Install it with "apt-get install -y chromium" to run them.`)
}

const report = 'test-results/vitest.json'
mkdirSync('test-results', { recursive: true })
rmSync(report, { force: true })
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env })

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
  passed = json.numPassedTests
  failed = json.numFailedTests
  skipped = json.numPendingTests + json.numTodoTests
}
// A run that crashed before reporting, or that ran nothing, is a failure.
if (run.status !== 0 && failed === 0) failed = 1
if (passed + failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${hasBrowser ? '' : ' (browser tests skipped)'}`)
process.exit(failed > 0 ? 1 : 0)
