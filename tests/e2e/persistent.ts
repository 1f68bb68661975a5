/**
 * Helpers for the "never lose an answer" browser tests: Chromium on a profile directory of its
 * own (persistent, or started by hand so it can be killed), and reading what IndexedDB holds.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { afterEach, expect } from 'vitest'
import { baseUrl, CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts'
import { answerAndWaitSaved, COURSE, shownQuestion } from './learnerActions.ts'

/** A fresh directory under the system's temp folder, for one Chromium profile. */
export function profileDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `debrief-e2e-${label}-`))
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 })
}

export interface PersistentOptions {
  serviceWorkers?: 'allow' | 'block'
  acceptDownloads?: boolean
}

/** Chromium on a profile directory that outlives the browser (what a learner's device does). */
export function launchPersistent(dir: string, options: PersistentOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl(),
    viewport: { width: 390, height: 844 },
    serviceWorkers: options.serviceWorkers ?? 'allow',
    acceptDownloads: options.acceptDownloads ?? true,
  })
}

/**
 * A learner's device that can be closed and opened again: one Chromium profile directory per
 * test, its browser closed and the directory removed after each test.
 */
export function usePersistentDevice(label: string) {
  let dir: string | undefined
  let context: BrowserContext | undefined
  afterEach(async () => {
    await context?.close()
    context = undefined
    await removeDir(dir)
    dir = undefined
  })
  return {
    /** Starts Chromium on this test's profile (made on first use). */
    async open(options: PersistentOptions = {}): Promise<BrowserContext> {
      dir ??= await profileDir(label)
      context = await launchPersistent(dir, options)
      return context
    },
    /** Closes Chromium as a learner closes the app; the profile stays for the next open(). */
    async close(): Promise<void> {
      await context?.close()
      context = undefined
    },
  }
}

/** Starts the final assessment from its start page; returns the attempt's address (path). */
export async function startFinal(page: Page): Promise<string> {
  await page.goto(`/course/${COURSE}/assessment/final`)
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('heading', { name: 'Question 1 of 25' }).waitFor()
  await shownQuestion(questionRegion(page))
  return new URL(page.url()).pathname
}

/** The question on screen: the region named by its heading ("Question 3 of 25"). */
export function questionRegion(page: Page): Locator {
  return page.getByRole('region', { name: /^Question \d+ of \d+$/ })
}

/** What the assessment's bar says of the answers: "3 of 25 answered · 1 flagged". */
export async function answeredCount(page: Page): Promise<string> {
  return ((await page.getByText(/^\d+ of \d+ answered/).first().textContent()) ?? '').trim()
}

/** Moves to question n (1-based) through the palette and waits until it is on screen. */
export async function goToQuestion(page: Page, n: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Questions' }).getByRole('button', { name: new RegExp(`^Question ${n},`) }).click()
  await page.getByRole('heading', { name: `Question ${n} of ` }).waitFor()
  await shownQuestion(questionRegion(page))
}

/** Answers questions 1 to `count` of the open attempt, each one saved before the next. */
export async function answerFirst(page: Page, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    await goToQuestion(page, n)
    await answerAndWaitSaved(page)
  }
}

export interface QuestionState {
  /** The item as shown: stem, options (in their shuffled order) and the order of an ordering list. */
  text: string
  /** Every control's state: checked or not, chosen option, typed text. */
  controls: string[]
  flagged: boolean
}

/** What the question on screen shows and what its controls hold. */
export async function questionState(page: Page): Promise<QuestionState> {
  const section = page.locator('.assessment-question')
  const item = section.locator('.question-item')
  // What is shown, less announcements for screen readers (they say what just happened, not what is).
  const live = await item.locator('[aria-live]').allInnerTexts()
  const text = live.reduce((shown, said) => (said ? shown.replace(said, '') : shown), await item.innerText()).trim()
  const controls = await section.locator('input, select, textarea').evaluateAll((nodes) =>
    nodes.map((node) => {
      const input = node as HTMLInputElement
      return input.type === 'radio' || input.type === 'checkbox' ? `${input.type}:${input.value}:${input.checked}` : `${node.tagName}:${input.value}`
    }),
  )
  const flagged = (await page.getByRole('button', { name: 'Flag for review' }).getAttribute('aria-pressed')) === 'true'
  return { text, controls, flagged }
}

export interface StoredAttempt {
  attempt: { id: string; deadline: number | null; submittedAt: number | null; submitReason?: string; slots: { itemId: string }[] }
  responses: { itemId: string; answer: unknown; flagged: boolean; seq: number; savedAt: number }[]
}

/** Every row of the app's IndexedDB stores (all of them unless named), read straight from IndexedDB. */
export function readStores(page: Page, names?: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (only) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open('debrief')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const stores = only ?? [...db.objectStoreNames]
          const tx = db.transaction(stores, 'readonly')
          const reads = stores.map((name) => [name, tx.objectStore(name).getAll()] as const)
          tx.onerror = () => reject(tx.error)
          tx.oncomplete = () => {
            db.close()
            resolve(Object.fromEntries(reads.map(([name, read]) => [name, read.result as unknown[]])))
          }
        }
      }),
    names,
  )
}

/** Reads one attempt and its responses straight from IndexedDB (not through the app). */
export function readStoredAttempt(page: Page, attemptId: string): Promise<StoredAttempt> {
  return page.evaluate(
    (id) =>
      new Promise<StoredAttempt>((resolve, reject) => {
        const request = indexedDB.open('debrief')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const tx = db.transaction(['attempts', 'responses'], 'readonly')
          const attempt = tx.objectStore('attempts').get(id)
          const responses = tx.objectStore('responses').index('attemptId').getAll(id)
          tx.oncomplete = () => {
            db.close()
            resolve({ attempt: attempt.result, responses: responses.result })
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    attemptId,
  )
}

export function attemptIdOf(path: string): string {
  const id = path.split('/attempt/')[1]?.split('/')[0]
  if (!id) throw new Error(`No attempt id in ${path}`)
  return id
}

/** Loads the app and waits until its service worker controls the page (reloading once if needed). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null)
  // The app registers its service worker about 1.5 s after load; wait for it to be active.
  const active = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none')
  await expect.poll(active, { timeout: 30_000 }).toBe('activated')
  if (!(await controlled())) await page.reload()
  await expect.poll(controlled, { timeout: 15_000 }).toBe(true)
}

/** Chromium started by hand, leading its own process group, so a test can kill all of it at once. */
export interface KillableChromium {
  process: ChildProcess
  browser: Browser
  exited: Promise<void>
}

export async function startKillableChromium(dir: string): Promise<KillableChromium> {
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${dir}`, 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not report its DevTools address:\n${seen}`)), 30_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code}) before it was ready:\n${seen}`))
    })
  })
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr!.resume()
  const browser = await chromium.connectOverCDP(endpoint)
  return { process: child, browser, exited }
}

/** SIGKILL to Chromium's whole process group: no unload, no flush, as in a crash or power cut of the app. */
export async function killChromium(running: KillableChromium): Promise<void> {
  const pid = running.process.pid
  if (pid === undefined) throw new Error('Chromium has no process id.')
  try {
    process.kill(-pid, 'SIGKILL')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
  await running.exited
  // The group's other processes (zygote, renderers, storage) die with it; wait until none is left.
  await expect
    .poll(
      () => {
        try {
          process.kill(-pid, 0)
          return true
        } catch {
          return false
        }
      },
      { timeout: 10_000 },
    )
    .toBe(false)
}
