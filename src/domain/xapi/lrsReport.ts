/** What loading from the LRS did, in the sentences the import page shows (pure). */
import { plural } from '../format.ts'

export interface LrsLoadFigures {
  statements: number
  pages: number
  learners: number
  newLearners: number
  attempts: number
  added: number
  alreadyHere: number
  differs: readonly string[]
  flagged: number
}

/** The progress line while pages come in. */
export function lrsProgressLabel(statements: number, pages: number): string {
  return pages === 0 ? 'Asking the LRS for this course\'s statements…' : `Fetched ${statements.toLocaleString('en')} statements (${plural(pages, 'page')}) from the LRS…`
}

/** The outcome line: learners, attempts, what was added, flags. */
export function lrsOutcomeSentence(f: LrsLoadFigures): string {
  const parts = [`Loaded ${plural(f.statements, 'statement')} (${plural(f.pages, 'page')}) from the LRS: ${plural(f.learners, 'learner')} (${f.newLearners} new), ${plural(f.attempts, 'attempt')}.`]
  parts.push(`${f.added} added, ${f.alreadyHere} already on this device, ${f.flagged} flagged.`)
  if (f.differs.length > 0) parts.push(`${plural(f.differs.length, 'attempt')} already here ${f.differs.length === 1 ? 'is' : 'are'} graded differently by the LRS; this device's copy is kept: ${f.differs.slice(0, 5).join(', ')}${f.differs.length > 5 ? ', …' : ''}.`)
  return parts.join(' ')
}
