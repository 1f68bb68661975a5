import 'fake-indexeddb/auto'
import { config } from '@vue/test-utils'

// A component test fails on any Vue warning, as in Vue core's own setup.
config.global.config.warnHandler = (message) => {
  throw new Error(`Unexpected Vue warning: ${message}`)
}
