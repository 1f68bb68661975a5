/**
 * What a cold load of the start page and of the assessment page (the final's first question)
 * fetches, per file (gzipped) and per source module (minified bytes, from the source maps):
 * `npx vite build --sourcemap --outDir /tmp/x && npx tsx scripts/pageWeight.ts /tmp/x`.
 * The figures `npm run bench` budgets, broken down, to find what to make lazy.
 */
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { preview } from 'vite'
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping'
import { browserScripts, openFinal } from './benchBrowser.ts'

const KB = 1024
const dist = process.argv[2] ?? 'dist'
const top = Number(process.argv[3] ?? 25)

/** Minified bytes of a chunk attributed to each source module, by the map's segments. */
function moduleBytes(file: string): Map<string, number> {
  const out = new Map<string, number>()
  const mapFile = `${file}.map`
  if (!existsSync(mapFile)) return out
  const lines = readFileSync(file, 'utf8').split('\n')
  const map = new TraceMap(readFileSync(mapFile, 'utf8'))
  let last: { line: number; column: number; source: string } | undefined
  const add = (source: string, n: number) => out.set(source, (out.get(source) ?? 0) + n)
  eachMapping(map, (m) => {
    const line = m.generatedLine - 1
    if (last && last.line === line) add(last.source, m.generatedColumn - last.column)
    else if (last) add(last.source, lines[last.line]!.length - last.column)
    last = { line, column: m.generatedColumn, source: (m.source ?? '(none)').replace(/^.*node_modules\//, '').replace(/^.*?\/src\//, 'src/') }
  })
  if (last) add(last.source, lines[last.line]!.length - last.column)
  return out
}

async function main() {
  const server = await preview({ build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' })
  try {
    const address = server.httpServer.address()
    const baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : ''
    for (const [label, prepare] of [['start page', async () => '/'], ['assessment page', openFinal]] as const) {
      const files = await browserScripts(baseUrl, prepare)
      let total = 0
      const modules = new Map<string, number>()
      console.log(`\n${label}:`)
      for (const f of files.sort()) {
        const path = join(dist, f)
        const gz = gzipSync(readFileSync(path)).length
        total += gz
        console.log(`  ${(gz / KB).toFixed(1).padStart(6)} KB gz  ${f}`)
        for (const [m, n] of moduleBytes(path)) modules.set(m, (modules.get(m) ?? 0) + n)
      }
      console.log(`  ${(total / KB).toFixed(1).padStart(6)} KB gz  total (${files.length} files; ${total} bytes, ${((90 * KB - total) / KB).toFixed(2)} KB under the 90 KB budget)`)
      console.log(`  largest modules (minified bytes):`)
      for (const [m, n] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(n / KB).toFixed(1).padStart(6)} KB     ${m}`)
    }
  } finally {
    await server.close()
  }
}

await main()
