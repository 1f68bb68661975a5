/** Mastery levels in words, shared by the per-objective and per-lesson lists so they agree. */
import type { MasteryLevel } from '../../domain/mastery.ts'

export const MASTERY_LEVEL: Record<MasteryLevel, string> = {
  'not-started': 'Not started',
  learning: 'Learning',
  practised: 'Practised',
  mastered: 'Mastered',
}
