import { describe, expect, it } from 'vitest'
import { buildProblems, isPackaged } from '../../../src/domain/lms/packageFiles.ts'

const RELATIVE_HTML = '<script type="module" src="./assets/index-a.js"></script><link rel="icon" href="./icons/icon.svg">'

function check(files: Record<string, string>): string[] {
  return buildProblems(Object.keys(files), (path) => files[path]!)
}

describe('buildProblems: is this build one an LMS can serve from any folder?', () => {
  it('accepts a build with only relative URLs', () => {
    expect(check({ 'index.html': RELATIVE_HTML, 'assets/index-a.js': 'import("./page-b.js"); new URL("./x.png", import.meta.url)', 'icons/icon.svg': '<svg/>' })).toEqual([])
  })

  it.each([
    ['a root-relative script in index.html', { 'index.html': '<script src="/assets/index-a.js"></script>' }, 'index.html has src="/assets/index-a.js": a URL from the server\'s root'],
    ['a root-relative link in index.html', { 'index.html': '<link href="/icons/icon.svg">' }, 'index.html has href="/icons/icon.svg"'],
    ['a service worker', { 'index.html': RELATIVE_HTML, 'sw.js': '' }, 'the build has sw.js, which only the web build may have'],
    ['a web-app manifest', { 'index.html': RELATIVE_HTML, 'manifest.webmanifest': '{}' }, 'the build has manifest.webmanifest'],
    ['workbox', { 'index.html': RELATIVE_HTML, 'workbox-1a2b.js': '' }, 'the build has workbox-1a2b.js'],
    ['no index.html', { 'assets/a.js': '' }, 'the build has no index.html'],
    ['a chunk that loads another from the root', { 'index.html': RELATIVE_HTML, 'assets/index-a.js': 'const u="/assets/page-b.js"' }, 'assets/index-a.js refers to /assets/…'],
    ['a stylesheet with a root URL', { 'index.html': RELATIVE_HTML, 'assets/a.css': 'body{background:url(/icons/bg.png)}', 'icons/bg.png': '' }, 'assets/a.css refers to /icons/…'],
  ])('refuses %s', (_name, files, message) => {
    expect(check(files).join('\n')).toContain(message)
  })

  it('leaves Vite\'s own manifest out of the package and out of the checks', () => {
    expect([isPackaged('.vite/manifest.json'), isPackaged('index.html'), isPackaged('assets/.vite.js')]).toEqual([false, true, true])
    expect(check({ 'index.html': RELATIVE_HTML, '.vite/manifest.json': '{"file":"/assets/x.js"}', 'assets/x.js': '' })).toEqual([])
  })
})
