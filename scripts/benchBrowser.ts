/**
 * The measurements `npm run bench` takes in Debian's Chromium: what a cold load fetches, how
 * long saving an answer takes, and Lighthouse's scores.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * JS files a cold load of a page fetches, as dist-relative paths. `prepare` runs first in the
 * same profile (to create a learner and an attempt) and returns the path to load; the load
 * itself runs in a fresh tab with the HTTP cache disabled and no service worker.
 */
export async function browserScripts(baseUrl: string, prepare: (page: Page) => Promise<string>): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', baseURL: baseUrl })
    // Prepared in its own tab, closed before measuring (an open attempt is held by one tab at a time).
    const preparing = await context.newPage()
    const path = await prepare(preparing)
    await preparing.close()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const scripts = new Set<string>()
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname.replace(/^\//, ''))
    })
    await page.goto(path, { waitUntil: 'networkidle' })
    await context.close()
    return [...scripts]
  } finally {
    await browser.close()
  }
}

/** A learner with the final assessment open: returns the attempt page's path. */
export async function openFinal(page: Page, base = ''): Promise<string> {
  await page.goto(`${base}/`)
  await page.getByLabel('Your name').fill('Bench')
  await page.getByRole('button', { name: 'Start learning' }).click()
  await page.getByRole('heading', { name: 'Lessons' }).waitFor()
  const course = new URL(page.url()).pathname
  await page.goto(`${base}${course}/assessment/final`)
  await page.getByRole('button', { name: 'Start' }).click()
  await page.locator('.assessment-question').waitFor()
  return new URL(page.url()).pathname
}

/**
 * Milliseconds from a click on a choice to "Saved" on screen (IndexedDB committed, then the
 * page updated), timed inside the page, for `count` answers on single-choice questions.
 */
export async function saveLatencies(baseUrl: string, count: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', baseURL: baseUrl })
    const page = await context.newPage()
    await openFinal(page)
    // Find a question answered with radio buttons (single choice or true/false).
    for (let i = 0; i < 25 && (await page.locator('.assessment-question input[type="radio"]').count()) < 2; i++) {
      await page.getByRole('button', { name: 'Next', exact: true }).click()
      await page.locator('.question-item__loading').waitFor({ state: 'detached' })
    }
    const samples: number[] = []
    for (let n = 0; n < count; n++) {
      samples.push(
        await page.evaluate(
          (index) =>
            new Promise<number>((resolve) => {
              const radios = document.querySelectorAll<HTMLInputElement>('.assessment-question input[type="radio"]')
              const status = document.querySelector('.assessment-save__text')!
              const start = performance.now()
              const observer = new MutationObserver(() => {
                if (status.textContent === 'Saved') {
                  observer.disconnect()
                  resolve(performance.now() - start)
                }
              })
              observer.observe(status, { childList: true, characterData: true, subtree: true })
              radios[index % radios.length]!.click()
            }),
          n,
        ),
      )
    }
    return samples
  } finally {
    await browser.close()
  }
}

/** The parts of Lighthouse and of its Chrome launcher the bench uses. */
type RunLighthouse = (
  url: string,
  flags: { port: number; output: 'json'; onlyCategories: string[]; logLevel: 'error'; disableStorageReset: boolean },
) => Promise<{ lhr: { categories: Record<string, { score: number | null } | undefined> } } | undefined>
interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): void }>
}

/**
 * Lighthouse (pinned in scripts/lighthouse/package.json) from its own folder, installed there on
 * first use: only the bench needs it, so its ~140 packages stay out of the app's `npm ci`.
 */
async function loadLighthouse(): Promise<{ lighthouse: RunLighthouse; launcher: ChromeLauncher }> {
  const folder = new URL('./lighthouse/', import.meta.url)
  const require = createRequire(new URL('package.json', folder))
  const resolve = (name: string) => {
    try {
      return require.resolve(name)
    } catch {
      return undefined
    }
  }
  if (!resolve('lighthouse')) {
    console.log('Installing Lighthouse for the bench into scripts/lighthouse/ (once)…')
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: folder, stdio: 'inherit' })
    if (install.status !== 0) throw new Error('Could not install Lighthouse into scripts/lighthouse/ (npm ci failed).')
  }
  const load = (name: string) => import(pathToFileURL(require.resolve(name)).href)
  const [lighthouse, launcher] = await Promise.all([load('lighthouse'), load('chrome-launcher')])
  return { lighthouse: (lighthouse as { default: RunLighthouse }).default, launcher: launcher as ChromeLauncher }
}

/**
 * Lighthouse's performance and accessibility scores for a page, run on a Chromium that already
 * has a learner profile (and, for 'final', an open attempt), so the learner pages are measured
 * as a learner sees them rather than as a redirect.
 */
export async function lighthouseScores(baseUrl: string, path: string): Promise<{ performance: number; accessibility: number }> {
  const { lighthouse, launcher } = await loadLighthouse()
  const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: ARGS })
  try {
    let target = path
    if (path !== '/') {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
      const context = browser.contexts()[0]!
      const page = await context.newPage()
      const attemptPath = await openFinal(page, baseUrl)
      target = path === 'final' ? attemptPath : path
      await page.close()
      await browser.close()
    }
    const result = await lighthouse(baseUrl + target, {
      port: chrome.port,
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
      disableStorageReset: path !== '/',
    })
    const categories = result?.lhr.categories
    return {
      performance: Math.round((categories?.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
    }
  } finally {
    chrome.kill()
  }
}
