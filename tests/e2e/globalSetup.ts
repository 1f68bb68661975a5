/**
 * Builds the app as `npm run build` does (unless the caller just did) and serves the built PWA
 * with `vite preview` on a free port for the browser tests.
 */
import { existsSync } from 'node:fs'
import { build, preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

let server: PreviewServer | undefined

/**
 * A production build from inside vitest. vitest sets NODE_ENV=test, and vite-plugin-pwa reads
 * NODE_ENV for workbox's mode: left alone, the service worker would be built unminified, in
 * development mode, unlike the one learners get.
 */
async function productionBuild(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ mode: 'production', logLevel: 'warn' })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
}

export async function setup(project: TestProject) {
  if (process.env.DEBRIEF_E2E_SKIP_BUILD !== '1') {
    console.log('Building the app for the browser tests (as npm run build does)…')
    await productionBuild()
  } else if (!existsSync('dist/index.html')) {
    throw new Error('DEBRIEF_E2E_SKIP_BUILD=1 reuses dist/, and there is none: run npm run build first, or leave the variable out.')
  }
  server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server did not start on a TCP port.')
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`)
}

export async function teardown() {
  await server?.close()
}
