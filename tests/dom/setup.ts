import 'fake-indexeddb/auto'
import { config } from '@vue/test-utils'
import { beforeAll } from 'vitest'
import { preloadRenderers } from '../../src/components/question/renderers.ts'

// A component test fails on any Vue warning, as in Vue core's own setup.
config.global.config.warnHandler = (message) => {
  throw new Error(`Unexpected Vue warning: ${message}`)
}

// Question renderers load on demand in the app; tests load them first so mounting stays synchronous.
// A test of the loading path itself opts out with setRendererLoader(), which forgets these.
beforeAll(() => preloadRenderers())

// No network in component tests. happy-dom's own fetch would try its default origin
// (localhost:3000) and print ECONNREFUSED whenever a page asks whether an LRS is configured.
// Here, as in a deployment without the file, debrief.config.json is absent; any other request
// fails at once with the URL, so a test that needs an answer stubs fetch itself (vi.stubGlobal,
// and vi.unstubAllGlobals() brings this one back).
const noNetwork = (async (input: RequestInfo | URL) => {
  const url = input instanceof Request ? input.url : String(input)
  if (url.endsWith('debrief.config.json')) return new Response('', { status: 404 })
  throw new TypeError(`No network in component tests (${url}): stub fetch in the test.`)
}) as typeof fetch
globalThis.fetch = noNetwork
