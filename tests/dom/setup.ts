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
