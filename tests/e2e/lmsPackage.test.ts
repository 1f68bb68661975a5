/**
 * A package from `npm run package`, as an LMS uses it: unzipped by Python's zipfile (not by our own
 * code) onto a loopback server under a deep sub-path, its launch file (from imsmanifest.xml) opened
 * in an iframe of another page. Every file the app asks for is in the package: no request fails,
 * no page error, and the app starts. What the app then reports to an LMS API is the runtime's
 * test (tests/e2e/scorm*.test.ts); this one is about the zip and its relative paths.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCORM12_NAMESPACES } from '../../src/domain/lms/manifestScorm12.ts'
import { onlyChild, parseXml } from '../unit/lms/python.ts'
import { runPackage } from '../unit/lms/runPackage.ts'
import { newDevice, useBrowser } from './browser.ts'

const browser = useBrowser()
const SUB_PATH = '/pluginfile.php/7/mod_scorm/content/3/'
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain' }

const dir = mkdtempSync(join(tmpdir(), 'debrief-package-e2e-'))
const unpacked = join(dir, 'unpacked')
let server: Server | undefined
let origin = ''
let launch = ''

/** Serves `unpacked` under SUB_PATH, and a page at / that frames the launch file, as an LMS player does. */
function serve(): Promise<Server> {
  const s = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (path === '/player') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><title>Player</title><iframe id="sco" src="${SUB_PATH}${launch}" style="width:100%;height:90vh"></iframe>`)
      return
    }
    const file = path.startsWith(SUB_PATH) ? normalize(join(unpacked, path.slice(SUB_PATH.length))) : ''
    if (file === '' || !file.startsWith(unpacked) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)))
}

beforeAll(async () => {
  const zip = join(dir, 'package.zip')
  const run = await runPackage(['--course', 'nk-troops-ukraine', '--blueprint', 'quiz-l1', '--format', 'scorm12', '--out', zip])
  if (run.code !== 0) throw new Error(`npm run package failed:\n${run.stderr}`)
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, unpacked])
  const manifest = parseXml(readFileSync(join(unpacked, 'imsmanifest.xml')))
  const cp = SCORM12_NAMESPACES.imscp
  launch = onlyChild(onlyChild(manifest, cp, 'resources'), cp, 'resource').attrib.href!
  server = await serve()
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 600_000)

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  rmSync(dir, { recursive: true, force: true })
})

describe('an unzipped SCORM 1.2 package inside an LMS frame', () => {
  it('loads every file it asks for from its own sub-path and starts the app', async () => {
    const { context, page, errors } = await newDevice(browser(), { baseURL: origin })
    const failed: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
    })
    page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`))
    await page.goto('/player')
    const frame = page.frameLocator('#sco')
    await frame.locator('#app > *').first().waitFor()
    await page.waitForLoadState('networkidle')
    const requested = await page.evaluate(() => {
      const sco = document.querySelector('iframe')!.contentWindow!
      return sco.performance.getEntriesByType('resource').map((e) => e.name)
    })
    expect(launch).toBe('index.html')
    expect(failed).toEqual([])
    expect(errors).toEqual([])
    expect(requested.length).toBeGreaterThan(0)
    expect(requested.filter((url) => !url.startsWith(`${origin}${SUB_PATH}`))).toEqual([])
    await context.close()
  })
})
