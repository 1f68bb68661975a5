/** Issue 12 §8: every refusal of hostile or broken lesson output and YAML, at its file and line. */
import { spawnSync } from 'node:child_process'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { formatProblem } from '../../../src/content/source.ts'
import { copyFixture } from './fixtureCourse.ts'

const LESSON = 'lessons/river-brief/01-flood.md'
const BANK = 'questions/river-brief/01-flood.yaml'
const BLUEPRINTS = 'questions/river-brief/blueprints.yaml'
const IMAGE = '![The levee at the east bank, after the flood](images/levee.png)'
const BOMB = readFileSync(join(import.meta.dirname, '../../fixtures/hostile-yaml/alias-bomb.yaml'), 'utf8')
const ALIASES =
  'too many aliases: the aliases (*name) in this file would copy in more than 10000 values, or use one anchor (&name) more than 100 times; write the values out, or use fewer aliases'

function messages(fixture: ReturnType<typeof copyFixture>): string[] {
  return loadContent({ lessonsDir: fixture.lessonsDir, questionsDir: fixture.questionsDir, cwd: fixture.root }).problems.map(formatProblem)
}

describe('lesson images and links content:check refuses', () => {
  it.each([
    ['a missing file', '![The levee](images/missing.png)', `${LESSON}:34: body: image "images/missing.png" is missing: there is no file lessons/river-brief/images/missing.png`],
    ['an absolute URL', '![The levee](https://cdn.example/levee.png)', `${LESSON}:34: body: image "https://cdn.example/levee.png" is a URL; images come only from the course's own files`],
    ['a data: URL', '![The levee](data:image/png;base64,iVBORw0KGgo=)', `${LESSON}:34: body: image "data:image/png;base64,iVBORw0KGgo=" is a URL;`],
    ['a javascript: URL', '![The levee](javascript:alert(1))', `${LESSON}:34: body: image "javascript:alert(1)" is a URL;`],
    ['a path out of the folder', '![The brief](../river-brief/brief.md)', `${LESSON}:34: body: image "../river-brief/brief.md" leaves the lesson's folder ("..");`],
    ['an image without alt text', '![](images/levee.png)', `${LESSON}:34: body: image "images/levee.png" has no alt text`],
    ['a protocol-relative link', '[the gauge](//evil.example/gauge)', `${LESSON}:34: body: links to "//evil.example/gauge", a protocol-relative address (another site)`],
  ])('%s', (_name, markdown, message) => {
    const fixture = copyFixture()
    fixture.edit(LESSON, IMAGE, markdown)
    const found = messages(fixture)
    expect(found.some((m) => m.startsWith(message)), found.join('\n')).toBe(true)
  })

  it('an image that is a link to a file outside the folder', () => {
    const fixture = copyFixture()
    const outside = join(tmpdir(), `debrief-outside-${process.pid}.png`)
    writeFileSync(outside, 'not really a png')
    symlinkSync(outside, join(fixture.lessonsDir, 'river-brief/images/outside.png'))
    fixture.edit(LESSON, 'images/levee.png', 'images/outside.png')
    expect(messages(fixture)).toEqual([`${LESSON}:34: body: image "images/outside.png" leads out of the lesson's folder (a link); copy the file in`])
  })

  it('an image over 1 MB (it would not be precached)', () => {
    const fixture = copyFixture()
    writeFileSync(join(fixture.lessonsDir, 'river-brief/images/huge.png'), Buffer.alloc(1024 * 1024 + 1))
    fixture.edit(LESSON, 'images/levee.png', 'images/huge.png')
    expect(messages(fixture)).toEqual([`${LESSON}:34: body: image "images/huge.png" is 1.0 MB; an image may be at most 1.0 MB`])
  })

  it('accepts the fixture’s own image, with no problem', () => {
    expect(messages(copyFixture())).toEqual([])
  })
})

describe('hostile YAML is refused at its line, without a stack trace or a hang', () => {
  it('a billion-laughs bank', () => {
    const fixture = copyFixture()
    writeFileSync(join(fixture.root, BANK), BOMB)
    const started = performance.now()
    const found = messages(fixture)
    expect(performance.now() - started).toBeLessThan(2000)
    // Line 8 holds the first alias that takes the copies past the limit (the fifth level).
    expect(found).toContain(`${BANK}:8: (file): ${ALIASES}`)
  })

  it('a billion-laughs blueprints file', () => {
    const fixture = copyFixture()
    const anchors = BOMB.split('\n').slice(3, 12).join('\n')
    const original = readFileSync(join(fixture.root, BLUEPRINTS), 'utf8')
    writeFileSync(join(fixture.root, BLUEPRINTS), `${anchors}\n${original.replace('title: Final check', 'title: *i')}`)
    expect(messages(fixture)).toContain(`${BLUEPRINTS}:5: (file): ${ALIASES}`)
  })

  it('one anchor used more than 100 times, each a small copy, is caught by the yaml package’s own limit', () => {
    const fixture = copyFixture()
    const uses = Array.from({ length: 101 }, () => '*l').join(', ')
    fixture.edit(BANK, /^lesson: l1-flood$/m, `lesson: l1-flood\nx: &l lol\ny: [${uses}]`)
    expect(messages(fixture)).toContain(`${BANK}:3: (file): ${ALIASES}`)
  })

  it('a document nested deeper than 200 levels', () => {
    const fixture = copyFixture()
    fixture.edit(BANK, /^lesson: l1-flood$/m, `lesson: l1-flood\nx: ${'['.repeat(201)}${']'.repeat(201)}`)
    expect(messages(fixture)).toContain(`${BANK}:2: (file): is nested more than 200 levels deep; a course file never needs that`)
  })

  it('a bank over 2 MB', () => {
    const fixture = copyFixture()
    fixture.edit(BANK, /^lesson: l1-flood$/m, `lesson: l1-flood\n# ${'x'.repeat(2 * 1024 * 1024)}`)
    expect(messages(fixture)).toContain(`${BANK}:1: (file): is 2.0 MB; a content file may be at most 2.0 MB`)
  })

  it('a few honest aliases still load', () => {
    const fixture = copyFixture()
    const original = readFileSync(join(fixture.root, BLUEPRINTS), 'utf8')
    const review = 'review:\n      afterSubmit: [score]'
    writeFileSync(join(fixture.root, BLUEPRINTS), original.replace('afterSubmit: [score, responses, feedback]', 'afterSubmit: &shown [score, responses, feedback]').replace(review, 'review:\n      afterSubmit: *shown'))
    expect(messages(fixture)).toEqual([])
  })

  it('npm run content:check prints the refusal and exits 1', () => {
    const fixture = copyFixture()
    writeFileSync(join(fixture.root, BANK), BOMB)
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/contentCheck.ts', '--lessons', fixture.lessonsDir, '--questions', fixture.questionsDir], { encoding: 'utf8', timeout: 30_000 })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/01-flood\.yaml:8: \(file\): too many aliases/)
    expect(result.stderr).not.toMatch(/ReferenceError|RangeError|\n\s+at /)
  })
})
