import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedCourse } from '../../../scripts/seedVersions.ts'
import { bankVersions } from '../../../src/content/versions.ts'

const BANK = 'questions/river-brief/01-flood.yaml'

/** A throw-away repository whose bank went through an edit, a broken commit and a repair. */
function repository() {
  const root = mkdtempSync(join(tmpdir(), 'debrief-seed-'))
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  git('init', '-q')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'Test')
  mkdirSync(join(root, 'questions/river-brief'), { recursive: true })
  cpSync(join('tests/fixtures/course', BANK), join(root, BANK))
  const commit = (message: string) => {
    git('add', '-A')
    git('commit', '-q', '-m', message)
    return git('rev-parse', '--short=7', 'HEAD')
  }
  commit('bank')
  const original = readFileSync(join(root, BANK), 'utf8')
  writeFileSync(join(root, BANK), original.replace('It is reported.', 'It is reported by the brief.'))
  const edited = commit('edit')
  writeFileSync(join(root, BANK), 'lesson: l1-flood\nitems: not a list\n')
  commit('broken')
  writeFileSync(join(root, BANK), original)
  commit('repaired')
  return { root, edited, editedText: original.replace('It is reported.', 'It is reported by the brief.') }
}

describe('scripts/seedVersions.ts', () => {
  it('records every version the history held, with the commit that first held it, and counts files that no longer parse', () => {
    const repo = repository()
    const summary = seedCourse('questions', 'river-brief', repo.root)
    expect(summary).toMatchObject({ commits: 4, files: 3, skipped: 1 })
    const manifest = JSON.parse(readFileSync(join(repo.root, 'questions/river-brief/versions.json'), 'utf8'))
    const editedVersions = bankVersions('01-flood.yaml', repo.editedText)!
    const onlyEdited = editedVersions.filter((v) => manifest.versions[v.version].firstSeen.startsWith(repo.edited))
    expect(onlyEdited.map((v) => v.item)).toEqual(['f-q01'])
    expect(summary.total).toBe(Object.keys(manifest.versions).length)
  })

  it('adds nothing when run again', () => {
    const repo = repository()
    seedCourse('questions', 'river-brief', repo.root)
    const text = readFileSync(join(repo.root, 'questions/river-brief/versions.json'), 'utf8')
    expect(seedCourse('questions', 'river-brief', repo.root).added).toBe(0)
    expect(readFileSync(join(repo.root, 'questions/river-brief/versions.json'), 'utf8')).toBe(text)
  })
})
