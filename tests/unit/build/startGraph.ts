/** Walking a production build's manifest: which chunks a page loads before it can show anything. */

/** One entry of Vite's `.vite/manifest.json`. */
export interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

export type Manifest = Record<string, ManifestChunk>

/** Code the start page must never load: grading, the FSRS scheduler and the build-time content tools. */
export const FORBIDDEN_AT_START: readonly { what: string; test: RegExp }[] = [
  { what: 'grading', test: /[\\/]src[\\/]domain[\\/](grading[\\/]|attemptGrading\.ts|evidence\.ts)/ },
  { what: 'FSRS', test: /[\\/]node_modules[\\/]ts-fsrs[\\/]|[\\/]src[\\/]domain[\\/]schedule\.ts/ },
  { what: 'valibot', test: /[\\/]node_modules[\\/]valibot[\\/]/ },
  { what: 'yaml', test: /[\\/]node_modules[\\/]yaml[\\/]/ },
  { what: 'markdown-it', test: /[\\/]node_modules[\\/]markdown-it[\\/]/ },
  { what: 'sanitize-html', test: /[\\/]node_modules[\\/]sanitize-html[\\/]/ },
]

/** The chunk files `roots` load statically (the roots and, recursively, their static imports). */
export function staticChunks(manifest: Manifest, roots: readonly string[]): string[] {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    const chunk = manifest[key]
    if (chunk === undefined) throw new Error(`The manifest has no entry "${key}".`)
    seen.add(key)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const root of roots) visit(root)
  return [...seen].map((key) => manifest[key]!.file)
}

/** Every forbidden module found in `files`, as "what: module id (in chunk)". */
export function forbiddenModules(files: readonly string[], modulesOf: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = []
  for (const file of files) {
    const modules = modulesOf.get(file)
    if (modules === undefined) throw new Error(`No module list was recorded for the chunk "${file}".`)
    for (const id of modules) for (const rule of FORBIDDEN_AT_START) if (rule.test.test(id)) found.push(`${rule.what}: ${id} (in ${file})`)
  }
  return found
}
