/**
 * Debian's Chromium driven by playwright-core; never a downloaded browser. The setup every browser
 * test shares: one Chromium per file, a new device (context) per learner, a learner's profile.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { createProfile } from './learnerActions.ts'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function baseUrl(): string {
  return inject('baseUrl')
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export interface DeviceOptions {
  /** Viewport width in CSS pixels: a phone (390) unless given. */
  width?: number
  /** The site this device opens; the preview server of the built app unless given. */
  baseURL?: string
}

export async function newContext(browser: Browser, options: DeviceOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: options.baseURL ?? baseUrl(), viewport: { width: options.width ?? 390, height: 844 } })
}

/** One Chromium for the tests of a file: launched before them, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useBrowser() at the top of the test file.')
    return browser
  }
}

/** The page's uncaught errors, collected for an `expect(errors).toEqual([])` at the end. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** A device: its own storage and service worker (a browser context), one page, that page's errors. */
export interface Device {
  context: BrowserContext
  page: Page
  errors: string[]
}

/** A new device with one open page whose uncaught errors are collected. */
export async function newDevice(browser: Browser, options: DeviceOptions = {}): Promise<Device> {
  const context = await newContext(browser, options)
  const page = await context.newPage()
  return { context, page, errors: collectErrors(page) }
}

/** A new device on which `name` has just created a profile and sees the course's lessons. */
export async function newLearner(browser: Browser, name: string, options: DeviceOptions = {}): Promise<Device> {
  const device = await newDevice(browser, options)
  await createProfile(device.page, name)
  return device
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  })
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (serious.length > 0) {
    const lines = serious.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    throw new Error(`Accessibility problems on the ${label} page:\n${lines.join('\n')}`)
  }
}
