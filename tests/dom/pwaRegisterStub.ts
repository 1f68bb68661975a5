/** Stands in for vite-plugin-pwa's register module in component tests (no service worker there). */
import { ref } from 'vue'

export const stub = { needRefresh: ref(false), offlineReady: ref(false), updates: 0 }

export function useRegisterSW() {
  return {
    needRefresh: stub.needRefresh,
    offlineReady: stub.offlineReady,
    updateServiceWorker: async () => {
      stub.updates += 1
    },
  }
}
