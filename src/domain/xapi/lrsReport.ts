/** What loading from the LRS did, in the sentences the import page shows (pure). */

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

const n = (value: number) => value.toLocaleString('en')
const count = (value: number, one: string) => `${n(value)} ${value === 1 ? one : `${one}s`}`

/** The progress line while pages come in. */
export function lrsProgressLabel(statements: number, pages: number): string {
  return pages === 0 ? 'Asking the LRS for this course\'s statements…' : `Fetched ${count(statements, 'statement')} (${count(pages, 'page')}) from the LRS…`
}

/** The outcome line: learners, attempts, what was added, flags. */
export function lrsOutcomeSentence(f: LrsLoadFigures): string {
  const parts = [`Loaded ${count(f.statements, 'statement')} (${count(f.pages, 'page')}) from the LRS: ${count(f.learners, 'learner')} (${n(f.newLearners)} new), ${count(f.attempts, 'attempt')}.`]
  parts.push(`${n(f.added)} added, ${n(f.alreadyHere)} already on this device, ${n(f.flagged)} flagged.`)
  if (f.differs.length > 0) {
    const some = `${f.differs.slice(0, 5).join(', ')}${f.differs.length > 5 ? ', …' : ''}`
    parts.push(`${count(f.differs.length, 'attempt')} already here ${f.differs.length === 1 ? 'is' : 'are'} graded differently by the LRS; this device's copy is kept: ${some}.`)
  }
  return parts.join(' ')
}
