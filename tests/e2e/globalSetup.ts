/**
 * Builds the app (unless the caller just did) and serves the built PWA with
 * `vite preview` on a free port for the browser tests.
 */
import { build, preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

let server: PreviewServer | undefined

export async function setup(project: TestProject) {
  if (process.env.DEBRIEF_E2E_SKIP_BUILD !== '1') await build({ logLevel: 'warn' })
  server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server did not start on a TCP port.')
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`)
}

export async function teardown() {
  await server?.close()
}
