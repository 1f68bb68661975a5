/** A throw-away copy of the fixture course that a test can break on purpose. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FIXTURE = join(import.meta.dirname, '../../fixtures/course')

export function copyFixture(): { root: string; lessonsDir: string; questionsDir: string; edit: (file: string, from: string | RegExp, to: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'debrief-content-'))
  cpSync(FIXTURE, root, { recursive: true })
  return {
    root,
    lessonsDir: join(root, 'lessons'),
    questionsDir: join(root, 'questions'),
    edit(file, from, to) {
      const path = join(root, file)
      const before = readFileSync(path, 'utf8')
      const after = before.replace(from, to)
      if (after === before) throw new Error(`fixture edit did nothing in ${file}`)
      writeFileSync(path, after)
    },
  }
}
