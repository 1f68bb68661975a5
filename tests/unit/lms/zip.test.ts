/**
 * The zip writer, read back by Python's zipfile (and Info-ZIP's `unzip -t` where installed): CRCs,
 * names, contents, UTF-8 names, deflate vs store, fixed timestamps, and the same bytes every time.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { createRng } from '../../../src/domain/random.ts'
import { crc32, zip, type ZipEntry } from '../../../src/domain/lms/zip.ts'
import { inspectZip } from './python.ts'

const deflate = (data: Uint8Array) => new Uint8Array(deflateRawSync(data, { level: 9 }))
const text = (s: string) => new TextEncoder().encode(s)
const rng = createRng(7)
const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(rng() * 256))

const ENTRIES: ZipEntry[] = [
  { name: 'index.html', data: text('<!doctype html>'.repeat(50)) },
  { name: 'assets/noise.bin', data: noise },
  { name: 'assets/empty.txt', data: new Uint8Array() },
  { name: 'données/été.txt', data: text('Ünïcödé names and text') },
]

const dir = mkdtempSync(join(tmpdir(), 'debrief-zip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(entries: readonly ZipEntry[], name = 'test.zip'): string {
  const path = join(dir, name)
  writeFileSync(path, zip(entries, { deflate }))
  return path
}

describe('zip', () => {
  it('crc32 gives the standard check value', () => {
    expect(crc32(text('123456789')).toString(16)).toBe('cbf43926')
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('Python reads every entry back, sorted, with good CRCs and the same bytes', () => {
    const report = inspectZip(write(ENTRIES), ['index.html', 'données/été.txt', 'assets/empty.txt'])
    expect(report.bad).toBeNull()
    expect(report.names).toEqual(['assets/empty.txt', 'assets/noise.bin', 'données/été.txt', 'index.html'])
    expect(report.texts).toEqual({ 'index.html': '<!doctype html>'.repeat(50), 'données/été.txt': 'Ünïcödé names and text', 'assets/empty.txt': '' })
  })

  it('deflates what shrinks, stores what does not, flags UTF-8 names and dates every entry 1980-01-01 00:00', () => {
    const infos = Object.fromEntries(inspectZip(write(ENTRIES)).infos.map((i) => [i.name, i]))
    expect(infos['index.html']).toMatchObject({ method: 8, size: 750 })
    expect(infos['assets/noise.bin']).toMatchObject({ method: 0, size: 4096 })
    for (const info of Object.values(infos)) {
      expect(info.flags & 0x800).toBe(0x800)
      expect(info.date).toEqual([1980, 1, 1, 0, 0, 0])
    }
  })

  it('gives the same bytes for the same files, whatever order they come in', () => {
    const a = zip(ENTRIES, { deflate })
    const b = zip([...ENTRIES].reverse(), { deflate })
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it.skipIf(!existsSync('/usr/bin/unzip'))('Info-ZIP unzip -t finds no errors', () => {
    const out = execFileSync('unzip', ['-t', write(ENTRIES, 'infozip.zip')]).toString('utf8')
    expect(out).toContain('No errors detected')
  })

  it('an empty archive is still a valid zip', () => {
    expect(inspectZip(write([], 'empty.zip'))).toMatchObject({ bad: null, names: [] })
  })

  it.each([
    [[{ name: 'a.txt', data: text('1') }, { name: 'a.txt', data: text('2') }], '"a.txt" is in the package twice.'],
    [[{ name: '../evil.txt', data: text('1') }], 'cannot be a file in a package'],
    [[{ name: '/abs.txt', data: text('1') }], 'cannot be a file in a package'],
    [[{ name: 'win\\path.txt', data: text('1') }], 'cannot be a file in a package'],
  ])('refuses %j', (entries, message) => {
    expect(() => zip(entries, { deflate })).toThrow(message)
  })
})
