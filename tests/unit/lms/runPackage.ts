/** Runs `npm run package` (scripts/package.ts) as a user does: a child process, its exit code and output. */
import { execFile } from 'node:child_process'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** The environment a user's shell would give: no vitest variables, no NODE_ENV=test. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'DEBRIEF_CONTENT'))
  // A fixed deploy secret: the builds never make or read .debrief/seal-secret (docs/sealed-assessments.md).
  return { ...env, DEBRIEF_SEAL_SECRET: 'package-tests-secret', ...extra }
}

export function runPackage(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/package.ts', ...args], { env: userEnv(extraEnv), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
      resolve({ code, stdout, stderr })
    })
  })
}
