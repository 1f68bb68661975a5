import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemVersion, loadContent } from '../../../src/content/loader.ts'
import { manifestPath, readManifest } from '../../../src/content/versions.ts'
import { copyFixture } from './fixtureCourse.ts'

const BANK = 'questions/river-brief/01-flood.yaml'

function check(fixture: ReturnType<typeof copyFixture>, env: Record<string, string>, ...extra: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/contentCheck.ts', '--lessons', fixture.lessonsDir, '--questions', fixture.questionsDir, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'false', ...env },
  })
}

describe('the committed version manifest', () => {
  const loaded = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })

  it('lists every item version of the real course, with its item and lesson', () => {
    for (const course of loaded.courses) {
      const manifest = readManifest(manifestPath('questions', course.id), course.id)
      for (const bank of course.banks) {
        for (const item of bank.items) expect(manifest.versions[item.version], item.id).toMatchObject({ item: item.id, lesson: bank.lesson })
      }
    }
  })

  it('verifies a snapshot by hashing it without the fields the loader adds (lesson, version)', () => {
    for (const item of loaded.courses.flatMap((c) => c.banks.flatMap((b) => b.items))) {
      const { lesson: _lesson, version, ...authored } = item
      expect(itemVersion(authored)).toBe(version)
    }
  })

  it('keeps versions of items since retired (seeded from the git history)', () => {
    const manifest = readManifest(manifestPath('questions', 'nk-troops-ukraine'), 'nk-troops-ukraine')
    const current = new Set(loaded.courses.flatMap((c) => c.banks.flatMap((b) => b.items.map((i) => i.version))))
    expect(Object.keys(manifest.versions).filter((v) => !current.has(v)).length).toBeGreaterThan(0)
  })
})

describe('npm run content:check and versions.json', () => {
  it('appends a new version, keeps every entry, and is stable on a second run', () => {
    const fixture = copyFixture()
    const path = join(fixture.questionsDir, 'river-brief', 'versions.json')
    const before = readManifest(path, 'river-brief')
    fixture.edit(BANK, 'It is reported.', 'It is reported by the brief.')
    const first = check(fixture, {})
    expect(first.status).toBe(0)
    expect(first.stdout).toContain('1 new item version(s) appended')
    const after = readManifest(path, 'river-brief')
    expect(Object.keys(after.versions)).toHaveLength(Object.keys(before.versions).length + 1)
    for (const [version, entry] of Object.entries(before.versions)) expect(after.versions[version]).toEqual(entry)
    const text = readFileSync(path, 'utf8')
    expect(Object.keys(JSON.parse(text).versions)).toEqual(Object.keys(after.versions).sort())
    expect(check(fixture, {}).status).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it.each([
    ['CI=true', { CI: 'true' }, []],
    ['--frozen-versions', {}, ['--frozen-versions']],
  ])('refuses a version the manifest lacks with %s, and writes nothing', (_name, env, extra) => {
    const fixture = copyFixture()
    const path = join(fixture.questionsDir, 'river-brief', 'versions.json')
    const text = readFileSync(path, 'utf8')
    fixture.edit(BANK, 'It is reported.', 'It is reported by the brief.')
    const result = check(fixture, env, ...extra)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('questions/river-brief/versions.json lacks 1 item version(s): run npm run content:check and commit it')
    expect(readFileSync(path, 'utf8')).toBe(text)
  })
})
