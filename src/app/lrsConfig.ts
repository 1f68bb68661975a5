/**
 * Reads the deploy-time `debrief.config.json` once (docs/xapi.md), validated with
 * src/domain/xapi/config.ts. Never throws: a missing file is "no LRS"; a file that is not JSON or
 * does not pass the check is "no LRS" too, with a message saying what to fix (shown in the console
 * and on the settings page). With no LRS, nothing is queued.
 */
import { checkLrsConfig, type LrsConfig } from '../domain/xapi/config.ts'
import { lrsFileText } from './lrsFile.ts'

export interface LrsSetup {
  config: LrsConfig | null
  /** Why the file was not used, in plain words; null when it was fine (or absent). */
  problem: string | null
}

export const CONFIG_FILE = 'debrief.config.json'

/** Reads and checks the file at `url`; `fetchFn` is the platform's fetch (a stand-in in tests). */
export async function readLrsSetup(fetchFn: typeof fetch, url: string): Promise<LrsSetup> {
  let response: Response
  try {
    response = await fetchFn(url, { cache: 'no-cache' })
  } catch {
    return { config: null, problem: null }
  }
  if (response.status === 404) return { config: null, problem: null }
  if (!response.ok) return { config: null, problem: `${CONFIG_FILE} could not be read (the server answered ${response.status}): no statements are sent to an LRS.` }
  let parsed: unknown
  try {
    parsed = JSON.parse(await response.text())
  } catch {
    return { config: null, problem: `${CONFIG_FILE} is not valid JSON: check its commas and quotes. No statements are sent to an LRS until it is fixed.` }
  }
  const check = checkLrsConfig(parsed)
  if (!check.ok) return { config: null, problem: `${CONFIG_FILE} has problems, so no statements are sent to an LRS: ${check.errors.join(' ')}` }
  return { config: check.config, problem: null }
}

let loading: Promise<LrsSetup> | undefined

/** The app's LRS setup, read once (the first caller starts the read; later ones share it). */
export function lrsSetup(): Promise<LrsSetup> {
  // The file's text as lrsFile.ts fetched it (one request for the app).
  const served = (async () => {
    const text = await lrsFileText()
    return text === null ? new Response(null, { status: 404 }) : new Response(text, { status: 200 })
  }) as unknown as typeof fetch
  loading ??= readLrsSetup(served, CONFIG_FILE).then((setup) => {
    if (setup.problem !== null) console.warn(setup.problem)
    return setup
  })
  return loading
}

/** Forgets the setup read (tests). */
export function resetLrsSetup(setup?: LrsSetup): void {
  loading = setup === undefined ? undefined : Promise.resolve(setup)
}
