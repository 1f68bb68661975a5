/**
 * The deploy secret that wraps the key of the sealed assessments (docs/sealed-assessments.md):
 * `DEBRIEF_SEAL_SECRET` when set; otherwise a random one made once and kept in
 * `.debrief/seal-secret` (gitignored, mode 600), so a fresh clone builds and runs with no setup
 * and every later build reuses the same secret. The instructor types it on the instructor page.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const SECRET_ENV = 'DEBRIEF_SEAL_SECRET'
export const SECRET_FILE = join('.debrief', 'seal-secret')

export interface SealSecret {
  secret: string
  /** Where it came from, for the one line the build prints. */
  source: 'env' | 'file' | 'new-file'
  path?: string
}

/** The secret for a build run in `cwd`; makes `.debrief/seal-secret` when there is none. */
export function sealSecret(cwd: string, env: NodeJS.ProcessEnv = process.env): SealSecret {
  const fromEnv = env[SECRET_ENV]?.trim()
  if (fromEnv) return { secret: fromEnv, source: 'env' }
  const path = join(cwd, SECRET_FILE)
  if (existsSync(path)) {
    const secret = readFileSync(path, 'utf8').trim()
    if (secret !== '') return { secret, source: 'file', path }
  }
  mkdirSync(join(cwd, '.debrief'), { recursive: true })
  // 20 random bytes: 40 hex digits in groups of five, easy to read out and type.
  const secret = randomBytes(20).toString('hex').toUpperCase().match(/.{1,5}/g)!.join('-')
  writeFileSync(path, `${secret}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
  return { secret, source: 'new-file', path }
}

/** The one line the build prints about the instructor's unlock code. */
export function secretNotice(s: SealSecret): string {
  if (s.source === 'env') return `Sealed assessments: the instructor's unlock code is the value of ${SECRET_ENV}.`
  return `Sealed assessments: the instructor's unlock code is in ${SECRET_FILE}${s.source === 'new-file' ? ' (just made; keep it, and keep it private)' : ''}.`
}
