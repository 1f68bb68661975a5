/**
 * Which files of an LMS build go into the package, and whether the build really is one an LMS can
 * serve from wherever it unpacks it (vite.config.ts's LMS mode): relative URLs only, no service
 * worker, no web-app manifest.
 */

/** Build outputs that are not part of the app: Vite's own manifest (tests read it; the LMS never does). */
export function isPackaged(path: string): boolean {
  return !path.startsWith('.vite/')
}

/** Files a web (PWA) build writes and an LMS build must not: a service worker would outlive the package. */
const WEB_ONLY = [/^sw\.js$/, /^registerSW\.js$/, /^workbox-[^/]*\.js$/, /^manifest\.webmanifest$/]

/** Text files whose URLs the LMS's web server resolves: checked for root-relative references. */
const TEXT = /\.(html|js|css|json|svg|webmanifest)$/

/**
 * Every reason the build (its relative file paths, and a reader for its text files) cannot be
 * packaged; none when it is fine. `/` at the start of a URL would point at the LMS's own root,
 * not at the package.
 */
export function buildProblems(paths: readonly string[], readText: (path: string) => string): string[] {
  const problems: string[] = []
  if (!paths.includes('index.html')) problems.push('the build has no index.html, the page the LMS launches.')
  for (const path of paths) {
    if (WEB_ONLY.some((re) => re.test(path))) problems.push(`the build has ${path}, which only the web build may have (a service worker or web-app manifest must not run inside an LMS).`)
  }
  if (paths.includes('index.html')) {
    const html = readText('index.html')
    const absolute = html.match(/\b(?:src|href)="\/[^"]*"/g) ?? []
    for (const attribute of absolute) problems.push(`index.html has ${attribute}: a URL from the server's root, not relative to the package.`)
  }
  const folders = [...new Set(paths.filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/'))))].filter((f) => f !== '.vite')
  if (folders.length > 0) {
    const rooted = new RegExp(`["'(\`]/(?:${folders.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})/`)
    for (const path of paths) {
      if (path === 'index.html' || !isPackaged(path) || !TEXT.test(path)) continue
      const found = readText(path).match(rooted)
      if (found) problems.push(`${path} refers to ${found[0].slice(1)}…: a URL from the server's root, not relative to the package.`)
    }
  }
  return problems
}
