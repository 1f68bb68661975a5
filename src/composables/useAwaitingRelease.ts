import { computed } from 'vue'
import { useAttemptsStore } from '../stores/attempts.ts'

/**
 * Blueprint ids (each once) where the active learner has submitted attempts at a sealed assessment
 * whose results are not released to this device yet (stores/sealedAttempts.ts). Course pages only.
 */
export function useAwaitingRelease() {
  const attempts = useAttemptsStore()
  return computed(() => [...new Set(attempts.attempts.filter((a) => a.submittedAt !== null && !attempts.gradables.has(a.id)).map((a) => a.sourceId))])
}
