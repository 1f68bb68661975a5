/**
 * A new version of Debrief is deployed while a learner is in an assessment: it is offered with a
 * prompt, never while the assessment is open, never applied by itself, and the old version keeps
 * serving the chunks its pages load lazily even though the server no longer has them.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newDevice, useBrowser } from './browser.ts'
import { answerAndWaitSaved, COURSE, createProfile } from './learnerActions.ts'
import { answeredCount, startFinal, waitForServiceWorker } from './persistent.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
}

/** A static server for the built app whose folder can be swapped: a deployment in one line. */
function serve(): Promise<{ server: Server; url: string; deploy: (folder: string) => void }> {
  let root = ''
  const server = createServer((request, response) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
      // Addresses without a file extension are the app's routes: index.html, as on any SPA host.
      const file = join(root, extname(path) ? path : 'index.html')
      try {
        const body = await readFile(file)
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
        response.end(body)
      } catch {
        response.writeHead(404).end()
      }
    })()
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (!address || typeof address === 'string') throw new Error('No port.')
      resolve({ server, url: `http://127.0.0.1:${address.port}`, deploy: (folder) => (root = folder) })
    }),
  )
}

/**
 * The next version's service worker, as the next build would emit it: the precache entry of
 * `dropped` gone and index.html under a new revision. The manifest is read whether the build
 * minified it (`{url:"index.html",revision:"…"}`) or not (`"url": "index.html",\n"revision": "…"`),
 * and each change must apply exactly once, so a new manifest layout fails here, not later.
 */
function nextServiceWorker(sw: string, dropped: string): string {
  const url = (path: string) => `"?url"?\\s*:\\s*"${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*,\\s*"?revision"?\\s*:\\s*`
  const droppedEntry = new RegExp(`\\{\\s*${url(dropped)}null\\s*\\}\\s*,?`, 'g')
  const shellRevision = new RegExp(`(${url('index.html')})"[^"]*"`, 'g')
  for (const [what, pattern] of [[dropped, droppedEntry], ['index.html', shellRevision]] as const) {
    const found = sw.match(pattern)?.length ?? 0
    if (found !== 1) throw new Error(`sw.js lists ${what} ${found} times in its precache manifest, not once.`)
  }
  return sw.replace(droppedEntry, '').replace(shellRevision, '$1"new-version"')
}

const browser = useBrowser()
let work: string
let site: Awaited<ReturnType<typeof serve>>
let oldVersion: string
let newVersion: string
let droppedChunk: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'debrief-e2e-update-'))
  oldVersion = join(work, 'v1')
  newVersion = join(work, 'v2')
  // The build globalSetup made (or the caller, with DEBRIEF_E2E_SKIP_BUILD=1).
  const dist = fileURLToPath(new URL('../../dist', import.meta.url))
  await cp(dist, oldVersion, { recursive: true })
  await cp(dist, newVersion, { recursive: true })
  // The new version: a changed page shell, and the progress page's chunk gone (renamed in a new
  // build, so the old name no longer exists on the server).
  droppedChunk = (await readdir(join(newVersion, 'assets'))).find((f) => /^ProgressPage-.*\.js$/.test(f))!
  expect(droppedChunk).toBeTruthy()
  await rm(join(newVersion, 'assets', droppedChunk))
  const sw = await readFile(join(newVersion, 'sw.js'), 'utf8')
  const updated = nextServiceWorker(sw, `assets/${droppedChunk}`)
  expect(updated).not.toContain(droppedChunk)
  expect(updated).toContain('"new-version"')
  await writeFile(join(newVersion, 'sw.js'), updated)
  site = await serve()
  site.deploy(oldVersion)
})

afterAll(async () => {
  await new Promise((resolve) => site?.server.close(resolve))
  await rm(work, { recursive: true, force: true })
})

const OFFER = 'A new version of Debrief is ready.'

async function offered(page: Page): Promise<boolean> {
  return (await page.getByRole('status').filter({ hasText: OFFER }).count()) > 0
}

/** Waits until the app in this page knows of the waiting version and holds its offer back. */
async function updateHeld(page: Page): Promise<void> {
  await page.locator('[data-update="held"]').waitFor({ state: 'attached', timeout: 15_000 })
}

describe('a new version deployed during an assessment', () => {
  it('is offered only once the assessment is left, never applied by itself, and old lazy chunks keep loading', async () => {
    const { context, page, errors } = await newDevice(browser(), { baseURL: site.url })
    await createProfile(page, 'Uma')
    await waitForServiceWorker(page)
    const attemptPath = await startFinal(page)
    await answerAndWaitSaved(page)

    // Deploy the new version; the browser finds it (as it does on its own on the next check).
    site.deploy(newVersion)
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    const waitingState = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none')
    await expect.poll(waitingState, { timeout: 30_000 }).toBe('installed')
    await updateHeld(page)
    expect(await offered(page)).toBe(false)

    // Reloading the assessment (the app now knows of the waiting version from the start): still no offer.
    await page.reload()
    await page.getByRole('heading', { name: /^Question \d+ of 25$/ }).waitFor()
    await updateHeld(page)
    expect(await offered(page)).toBe(false)
    expect(await waitingState()).toBe('installed')
    await expect.poll(() => answeredCount(page)).toBe('1 of 25 answered')

    // The old version still serves a page whose chunk the server no longer has.
    expect((await page.request.get(`/assets/${droppedChunk}`)).status()).toBe(404)
    await page.getByRole('link', { name: 'leave and come back later' }).click()
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    await page.getByRole('link', { name: /See all your progress/ }).click()
    await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor()

    // Out of the assessment, the new version is offered; it is applied only when the learner says so.
    await expect.poll(() => offered(page), { timeout: 10_000 }).toBe(true)
    expect(await waitingState()).toBe('installed')
    await page.getByRole('button', { name: 'Later' }).click()
    expect(await offered(page)).toBe(false)
    await page.goto(`/course/${COURSE}`)
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    await expect.poll(() => offered(page), { timeout: 10_000 }).toBe(true)
    await page.getByRole('button', { name: 'Update now' }).click()
    await expect.poll(waitingState, { timeout: 15_000 }).toBe('none')
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    // The attempt is still there, with its saved answer, under the new version.
    await page.goto(attemptPath)
    await page.getByRole('heading', { name: /^Question \d+ of 25$/ }).waitFor()
    await expect.poll(() => answeredCount(page)).toBe('1 of 25 answered')
    expect(errors).toEqual([])
    await context.close()
  })
})
