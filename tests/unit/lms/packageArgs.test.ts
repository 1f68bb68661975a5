/**
 * `npm run package` refuses bad arguments before building anything: exit code 1, a message naming
 * the valid choices, and nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runPackage } from './runPackage.ts'

const dir = mkdtempSync(join(tmpdir(), 'debrief-package-args-'))
const out = join(dir, 'out.zip')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run package with bad arguments', () => {
  it.each([
    ['an unknown course', ['--course', 'no-such-course', '--format', 'scorm12'], 'There is no course "no-such-course". Use --course with one of: nk-troops-ukraine.'],
    ['an unknown blueprint', ['--course', 'nk-troops-ukraine', '--blueprint', 'quiz-l9', '--format', 'scorm2004'], 'The course "nk-troops-ukraine" has no blueprint "quiz-l9". Use --blueprint with one of: quiz-l0, quiz-l1, quiz-l2, quiz-l3, quiz-l4, quiz-l5, quiz-l6, final, or leave it out to package the whole course.'],
    ['a bad format', ['--course', 'nk-troops-ukraine', '--format', 'scorm3'], 'The format "scorm3" is not one Debrief packages. Use --format with one of: scorm12, scorm2004, cmi5.'],
    ['no format', ['--course', 'nk-troops-ukraine'], 'Name the course and the format.'],
    ['an unknown option', ['--course', 'nk-troops-ukraine', '--format', 'cmi5', '--colour', 'blue'], "Unknown option '--colour'"],
    ['an activity base that is not a web address', ['--course', 'nk-troops-ukraine', '--format', 'cmi5', '--activity-base', 'not an iri'], '--activity-base "not an iri" must be a web address'],
    ['an --out that is not a zip', ['--course', 'nk-troops-ukraine', '--format', 'scorm12', '--out', join(dir, 'out.txt')], 'must name a .zip file'],
  ])('refuses %s: exit 1, the message, nothing written', async (_name, args, message) => {
    const hasOut = args.includes('--out')
    const run = await runPackage(hasOut ? args : [...args, '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(message)
    expect(run.stdout).toBe('')
    expect(readdirSync(dir)).toEqual([])
  })

  it('--help prints the usage and exits 0', async () => {
    const run = await runPackage(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: npm run package -- --course <id> [--blueprint <id>] --format <format> [--out <file.zip>]')
    expect(existsSync(out)).toBe(false)
  })
})
