/**
 * The LRS this device sends to: the instructor's override on this device when there is one
 * (src/db/lrsDevice.ts), else the deploy-time `debrief.config.json`, read once (docs/xapi.md);
 * both validated with src/domain/xapi/config.ts. Never throws: a missing file is "no LRS"; a file
 * that is not JSON or does not pass the check is "no LRS" too, with a message saying what to fix
 * (shown in the console, on "Your data" and on the instructor's LRS page). With no LRS, nothing
 * is queued. After the override is saved or removed, `refreshLrsSetup()` reads it again.
 */
import { checkLrsConfig, type LrsConfig } from '../domain/xapi/config.ts'
import { lrsFileText, lrsOverride } from './lrsFile.ts'

export interface LrsFileSetup {
  config: LrsConfig | null
  /** Why the file was not used, in plain words; null when it was fine (or absent). */
  problem: string | null
}

export interface LrsSetup extends LrsFileSetup {
  /** Where `config` came from: this device's override, the deploy file, or nowhere (no LRS). */
  source: 'device' | 'file' | null
  /** The deploy file's own problem, even while an override is used; null when it is fine or absent. */
  fileProblem: string | null
}

export const CONFIG_FILE = 'debrief.config.json'

/** Reads and checks the file at `url`; `fetchFn` is the platform's fetch (a stand-in in tests). */
export async function readLrsSetup(fetchFn: typeof fetch, url: string): Promise<LrsFileSetup> {
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

let fileLoading: Promise<LrsFileSetup> | undefined
let loading: Promise<LrsSetup> | undefined

/** The deploy file alone, read once (one request for the app: the text lrsFile.ts fetched). */
function fileSetup(): Promise<LrsFileSetup> {
  const served = (async () => {
    const text = await lrsFileText()
    return text === null ? new Response(null, { status: 404 }) : new Response(text, { status: 200 })
  }) as unknown as typeof fetch
  fileLoading ??= readLrsSetup(served, CONFIG_FILE).then((setup) => {
    if (setup.problem !== null) console.warn(setup.problem)
    return setup
  })
  return fileLoading
}

/** Combines the override (unchecked, as stored) with the file: the override wins when there is one. */
export function combineLrsSetup(override: unknown, file: LrsFileSetup): LrsSetup {
  if (override === undefined) return { ...file, source: file.config === null ? null : 'file', fileProblem: file.problem }
  const check = checkLrsConfig(override)
  if (check.ok && check.config !== null) return { config: check.config, problem: null, source: 'device', fileProblem: file.problem }
  const why = check.ok ? 'it names no LRS' : check.errors.join(' ')
  return { config: null, problem: `The LRS set on this device cannot be used, so no statements are sent: ${why} Set it again in instructor mode, or remove it.`, source: null, fileProblem: file.problem }
}

/** The app's LRS setup, read once (the first caller starts the read; later ones share it). */
export function lrsSetup(): Promise<LrsSetup> {
  loading ??= Promise.all([lrsOverride(), fileSetup()]).then(([override, file]) => combineLrsSetup(override, file))
  return loading
}

/** Reads the override again (after it was saved or removed); the file is not fetched again. */
export function refreshLrsSetup(): Promise<LrsSetup> {
  loading = undefined
  return lrsSetup()
}

/** Forgets the setup read (tests). */
export function resetLrsSetup(setup?: LrsSetup): void {
  fileLoading = undefined
  loading = setup === undefined ? undefined : Promise.resolve(setup)
}
