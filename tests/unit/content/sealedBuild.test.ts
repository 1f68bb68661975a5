import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { webcrypto } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../../src/content/loader.ts'
import { hasSealed, KeyFileCache, keyFilePath, publicCourseItems, sealedPayload } from '../../../src/content/sealedBuild.ts'
import { SECRET_FILE, sealSecret, secretNotice } from '../../../src/content/sealSecret.ts'
import { debriefContent, summarize } from '../../../src/content/vitePlugin.ts'
import { isStub } from '../../../src/domain/sealed.ts'
import { openWithSecret, parseSealedKeyFile } from '../../../src/domain/sealedKeyFile.ts'

const course = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' }).courses[0]!
const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'debrief-seal-secret-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('sealSecret', () => {
  it('takes DEBRIEF_SEAL_SECRET when set, and writes nothing', () => {
    const dir = tempDir()
    expect(sealSecret(dir, { DEBRIEF_SEAL_SECRET: '  from-env \n' })).toEqual({ secret: 'from-env', source: 'env' })
    expect(() => statSync(join(dir, SECRET_FILE))).toThrow()
  })

  it('otherwise makes .debrief/seal-secret once (mode 600) and reuses it', () => {
    const dir = tempDir()
    const made = sealSecret(dir, {})
    expect(made).toMatchObject({ source: 'new-file', path: join(dir, SECRET_FILE) })
    expect(made.secret).toMatch(/^[0-9A-F]{5}(-[0-9A-F]{5}){7}$/)
    expect(statSync(join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(dir, SECRET_FILE), 'utf8')).toBe(`${made.secret}\n`)
    expect(sealSecret(dir, {})).toEqual({ secret: made.secret, source: 'file', path: join(dir, SECRET_FILE) })
    expect(sealSecret(dir, { DEBRIEF_SEAL_SECRET: '' }).secret).toBe(made.secret)
  })

  it('makes a new one when the file is empty; two checkouts get different secrets', () => {
    const dir = tempDir()
    const first = sealSecret(dir, {})
    writeFileSync(join(dir, SECRET_FILE), '\n')
    const second = sealSecret(dir, {})
    expect(second.source).toBe('new-file')
    expect(second.secret).not.toBe(first.secret)
  })

  it.each([
    [{ secret: 's', source: 'env' } as const, "Sealed assessments: the instructor's unlock code is the value of DEBRIEF_SEAL_SECRET."],
    [{ secret: 's', source: 'file' } as const, "Sealed assessments: the instructor's unlock code is in .debrief/seal-secret."],
    [{ secret: 's', source: 'new-file' } as const, "Sealed assessments: the instructor's unlock code is in .debrief/seal-secret (just made; keep it, and keep it private)."],
  ])('says in one line where the unlock code is (%o)', (s, line) => {
    expect(secretNotice(s)).toBe(line)
  })
})

describe('the build’s sealed parts', () => {
  const sealed = course.banks.flatMap((b) => b.items.filter((i) => i.sealed === true))

  it('the learner’s items: sealed items as stubs, every other item as it is', () => {
    const items = publicCourseItems(course)
    expect(items.passages).toBe(course.passages)
    course.banks.forEach((bank, b) => bank.items.forEach((item, i) => {
      const shipped = items.banks[b]!.items[i]!
      if (item.sealed === true) expect(isStub(shipped)).toBe(true)
      else expect(shipped).toBe(item)
    }))
  })

  it('the key file’s plaintext: the sealed blueprints and the full sealed items; none for a course without', () => {
    expect(hasSealed(course)).toBe(true)
    expect(sealedPayload(course)).toEqual({ courseId: course.id, blueprints: ['final'], items: sealed })
    const open = { ...course, blueprints: course.blueprints.map(({ sealed: _s, ...b }) => b) }
    expect(hasSealed(open)).toBe(false)
    expect(sealedPayload(open)).toBeUndefined()
    expect(keyFilePath(course.id)).toBe('sealed/nk-troops-ukraine.json')
  })

  it('encrypts once per content and secret (a dev server reloads content often)', async () => {
    let secret = 'one'
    const cache = new KeyFileCache(() => secret)
    const first = cache.text(course)!
    expect(cache.text({ ...course })).toBe(first)
    secret = 'two'
    const second = cache.text(course)!
    expect(second).not.toBe(first)
    const edited = { ...course, banks: course.banks.map((b, i) => (i === 0 ? { ...b, items: b.items.map((it) => (it.sealed ? { ...it, stem: `${it.stem}!` } : it)) } : b)) }
    expect(cache.text(edited)).not.toBe(second)
    const parsed = parseSealedKeyFile(await second)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(await openWithSecret(parsed.file, 'two', webcrypto.subtle as SubtleCrypto)).toMatchObject({ ok: true, items: sealed })
  })
})

describe('the content plugin’s modules', () => {
  type Hook = (this: unknown, ...args: unknown[]) => unknown
  const plugin = debriefContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
  const ctx = { addWatchFile() {}, error(message: string) { throw new Error(message) } }
  ;(plugin.configResolved as Hook)({ command: 'build', base: '/app/' })
  ;(plugin.buildStart as Hook).call(ctx)
  const load = (id: string) => (plugin.load as Hook).call(ctx, `\0virtual:debrief/${id}`) as string

  it('the catalog gives the key file’s URL under the base, and undefined for a course with nothing sealed', async () => {
    const catalog = (await import(`data:text/javascript,${encodeURIComponent(load('catalog'))}`)) as { sealedKeyFileUrl(id: string): string | undefined }
    expect(catalog.sealedKeyFileUrl('nk-troops-ukraine')).toBe('/app/sealed/nk-troops-ukraine.json')
    expect(catalog.sealedKeyFileUrl('no-such-course')).toBeUndefined()
    expect(catalog.sealedKeyFileUrl('constructor')).toBeUndefined()
  })

  it('the items module carries stubs, not the sealed items’ explanations', () => {
    const text = load('items/nk-troops-ukraine')
    const sealed = course.banks.flatMap((b) => b.items.filter((i) => i.sealed === true))
    for (const item of sealed) {
      expect(text).toContain(JSON.stringify(item.stem))
      expect(text).not.toContain(JSON.stringify(item.explanation))
    }
    const open = course.banks[0]!.items.find((i) => i.sealed !== true)!
    expect(text).toContain(JSON.stringify(open.explanation))
  })
})

describe('the catalog’s lesson summaries', () => {
  it('count the items practice can use, not the reserved ones', () => {
    const lessons = summarize(course).lessons
    for (const bank of course.banks) {
      expect(lessons.find((l) => l.id === bank.lesson)!.itemCount).toBe(bank.items.filter((i) => i.sealed !== true).length)
    }
    expect(lessons.find((l) => l.id === 'l0-reading-briefs')!.itemCount).toBe(12)
  })
})
