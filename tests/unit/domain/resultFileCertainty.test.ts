/** Issue 14 §5: result file version 5, certainty with each answer (src/domain/resultFile.ts, resultFileStructure.ts). */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { fingerprintOf, publicJwkOf, signFile } from '../../../src/domain/deviceSignature.ts'
import { createResultFile, parseResultFile, RESULT_FILE_MIGRATIONS, RESULT_FILE_VERSION, serializeResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'
import { cbmAttempt, T0, WORKED_EXAMPLE } from '../../fixtures/cbmAttempt.ts'

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const ASSESSMENT = { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' as const, certainty: true as const, passOn: 'cbm' as const }

async function keyPair() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
  return { privateKey: pair.privateKey, publicJwk, fingerprint: await fingerprintOf(publicJwk, crypto.subtle) }
}

async function makeFile(signed = false): Promise<ResultFile> {
  const { attempt, responses } = cbmAttempt(WORKED_EXAMPLE)
  const key = signed ? await keyPair() : undefined
  return createResultFile(
    { courseId: 'c1', exportedAt: T0 + 3_600_000, learner: { id: 'ann', name: 'Ann Example' }, attempts: [{ attempt, responses, assessment: ASSESSMENT }] },
    sha256,
    key === undefined ? undefined : (body) => signFile(body, key, crypto.subtle),
  )
}

type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- hand edits of parsed JSON

/** The file with one edit and its checksum recomputed (the signature dropped unless `keep`). */
async function edited(file: ResultFile, edit: (d: Data) => void, keep = false): Promise<string> {
  const data = JSON.parse(serializeResultFile(file)) as Data
  edit(data)
  const { checksum: _c, signature, ...rest } = data
  const body = keep && signature !== undefined ? { ...rest, signature } : rest
  return JSON.stringify({ ...body, checksum: `sha256:${await sha256(canonicalJson(rest))}` })
}

const read = (text: string) => parseResultFile(text, { sha256, courseId: 'c1', subtle: crypto.subtle })

describe('result file version 5: certainty', () => {
  it('is the current version', () => {
    expect(RESULT_FILE_VERSION).toBe(5)
  })

  it('round-trips each response’s certainty and the assessment’s rules', async () => {
    const file = await makeFile()
    const result = await read(serializeResultFile(file))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.file.attempts[0]!.responses.map((r) => r.certainty)).toEqual([3, 3, 3, 2, 1, 2])
    expect(result.file.attempts[0]!.assessment).toEqual(ASSESSMENT)
  })

  it('accepts a response without certainty', async () => {
    const result = await read(await edited(await makeFile(), (d) => void delete d.attempts[0].responses[0].certainty))
    expect(result.ok && result.file.attempts[0]!.responses[0]!.certainty).toBeUndefined()
  })

  it.each<[string, unknown, string]>([
    ['a certainty of 4', 4, 'is 4: a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)'],
    ['a certainty written as text', '3', 'is the text "3": a certainty is the number 1 (not sure), 2 (fairly sure) or 3 (very sure)'],
    ['a certainty of 0', 0, 'is 0:'],
    ['a fractional certainty', 2.5, 'is 2.5:'],
    ['a null certainty', null, 'is null:'],
  ])('refuses %s, even with the checksum recomputed', async (_name, value, message) => {
    const result = await read(await edited(await makeFile(), (d) => void (d.attempts[0].responses[1].certainty = value)))
    expect(result.ok ? 'accepted' : [result.error.code, result.error.path]).toEqual(['invalid', 'attempts[0].responses[1].certainty'])
    expect(result.ok ? '' : result.error.message).toContain(message)
  })

  it.each<[string, (d: Data) => void, string]>([
    ['an assessment certainty that is not true', (d) => void (d.attempts[0].assessment.certainty = 'yes'), 'attempts[0].assessment.certainty'],
    ['an unknown pass rule', (d) => void (d.attempts[0].assessment.passOn = 'bonus'), 'attempts[0].assessment.passOn'],
  ])('refuses %s', async (_name, edit, path) => {
    const result = await read(await edited(await makeFile(), edit))
    expect(result.ok ? 'accepted' : [result.error.code, result.error.path]).toEqual(['invalid', path])
  })

  describe('certainty is covered like any other field', () => {
    const lowered = (d: Data) => void (d.attempts[0].responses[2].certainty = 1)

    it('a certainty edited without recomputing the checksum: bad-checksum', async () => {
      const data = JSON.parse(serializeResultFile(await makeFile())) as Data
      lowered(data)
      const result = await read(JSON.stringify(data))
      expect(result.ok ? 'accepted' : result.error.code).toBe('bad-checksum')
    })

    it('a certainty edited in a signed file, checksum recomputed, signature kept: bad-signature', async () => {
      const result = await read(await edited(await makeFile(true), lowered, true))
      expect(result.ok ? 'accepted' : result.error.code).toBe('bad-signature')
    })

    it('the same edit with the signature dropped reads as unsigned (the instructor’s key check then flags it)', async () => {
      const result = await read(await edited(await makeFile(true), lowered))
      expect(result.ok && result.signature).toEqual({ status: 'unsigned' })
    })

    it('a signed file with certainty verifies as written', async () => {
      const result = await read(serializeResultFile(await makeFile(true)))
      expect(result.ok && result.signature?.status).toBe('signed')
    })
  })
})

describe('version 4 files (before certainty)', () => {
  const V4 = readFileSync(new URL('../../fixtures/result-files/v4.json', import.meta.url), 'utf8')

  it('the fixture is a signed file version 4 wrote, with no certainty anywhere', () => {
    const raw = JSON.parse(V4) as Data
    expect(raw.version).toBe(4)
    expect(raw.signature?.alg).toBe('ES256')
    expect(V4).not.toContain('certainty')
  })

  it('reads, checksum and signature intact, as version 5, everything else as written', async () => {
    const result = await read(V4)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.file.version).toBe(5)
    expect(result.signature?.status).toBe('signed')
    const { version: _v, ...rest } = result.file
    const { version: _w, ...before } = JSON.parse(V4) as ResultFile
    expect(rest).toEqual(before)
  })

  it('the 4 → 5 step invents no certainty', () => {
    const up = RESULT_FILE_MIGRATIONS.find((m) => m.from === 4)!
    const data = JSON.parse(V4) as Data
    expect(up.up(data)).toEqual(data)
  })
})
