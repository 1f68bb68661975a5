/**
 * "Test connection": a real `GET {endpoint}/about` with the xAPI version header and the key,
 * then (the LRS speaking xAPI 1.0.x) a read of one statement by an unused id, which tells whether
 * the LRS accepts the key (many answer /about to anyone). The verdicts are src/domain/xapi/lrsView.ts.
 */
import type { LrsConfig } from '../domain/xapi/config.ts'
import { aboutVerdict, keyVerdict, type ConnectionVerdict, type ProbeAnswer } from '../domain/xapi/lrsView.ts'
import { newId } from '../platform/clock.ts'

function basic(auth: LrsConfig['auth']): string {
  const bytes = new TextEncoder().encode(`${auth.key}:${auth.secret}`)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return `Basic ${btoa(binary)}`
}

async function probe(fetchFn: typeof fetch, url: string, auth: LrsConfig['auth']): Promise<ProbeAnswer> {
  try {
    const response = await fetchFn(url, { headers: { 'X-Experience-API-Version': '1.0.3', Authorization: basic(auth) }, cache: 'no-store', credentials: 'omit' })
    return { kind: 'response', status: response.status, body: await response.text() }
  } catch {
    return { kind: 'network-error', offline: globalThis.navigator?.onLine === false }
  }
}

/** Tests `config` against its LRS; `site` is this app's origin (named in the CORS advice). */
export async function testLrsConnection(config: Pick<LrsConfig, 'endpoint' | 'auth'>, fetchFn: typeof fetch, site: string): Promise<ConnectionVerdict> {
  const about = aboutVerdict(await probe(fetchFn, `${config.endpoint}/about`, config.auth), config.endpoint, site)
  if (!about.ok) return about
  const read = await probe(fetchFn, `${config.endpoint}/statements?statementId=${newId()}`, config.auth)
  return keyVerdict(about, read, config.endpoint, site)
}
