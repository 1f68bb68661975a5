/**
 * Device keys in Chromium (issue 12 §3): each learner's browser makes a P-256 key with the profile
 * (kept in IndexedDB as a non-extractable CryptoKey) and signs what it exports; the instructor's
 * device pins each learner's first key. An attacker who copies a later file of Ana's and edits it
 * can re-sign it with a key pair she made herself (flagged key-changed), drop the signature
 * (flagged unsigned-after-signed) or keep Ana's (refused). The instructor then trusts a new key.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/canonicalJson.ts'
import { fingerprintOf, keyLabel, publicJwkOf, signFile, verifyFile } from '../../src/domain/deviceSignature.ts'
import { expectAccessible, newLearner, useBrowser } from './browser.ts'
import { COURSE } from './learnerActions.ts'
import { download, instructorNav, openInstructorMode, removeTempDirs, sitAssessment, tempDir, WAIT } from './instructorActions.ts'

const browser = useBrowser()
afterAll(removeTempDirs)

type FileData = Record<string, unknown> & { attempts: { attempt: { id: string }; responses: { attemptId: string; savedAt: number }[] }[]; signature?: unknown }

/** The file with a new checksum, over everything but the checksum and the signature (as the format says). */
function checksummed(file: Record<string, unknown>) {
  const { signature: _s, ...covered } = file
  return { ...file, checksum: `sha256:${createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex')}` }
}

/** The attacker's edit of Ana's later file: its newest attempt under a new id, its first answer re-timed, checksum recomputed. */
function edited(text: string, newId: string): FileData {
  const { checksum: _c, ...data } = JSON.parse(text) as FileData
  const entry = data.attempts.at(-1)!
  const oldId = entry.attempt.id
  entry.attempt.id = newId
  entry.responses = entry.responses.map((r, i) => ({ ...r, attemptId: newId, savedAt: i === 0 ? r.savedAt + 1000 : r.savedAt }))
  data.attempts = [entry]
  expect(oldId).not.toBe(newId)
  return data
}

/** A key pair the attacker makes herself, with Node's WebCrypto, and her re-signed copy. */
async function resignedByAttacker(data: FileData): Promise<{ buffer: Buffer; fingerprint: string }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
  const fingerprint = await fingerprintOf(publicJwk, crypto.subtle)
  const { signature: _s, ...body } = data
  const signature = await signFile(body, { privateKey: pair.privateKey, publicJwk, fingerprint }, crypto.subtle)
  return { buffer: Buffer.from(JSON.stringify(checksummed({ ...body, signature }))), fingerprint }
}

async function importFile(page: Page, name: string, buffer: Buffer): Promise<string> {
  await page.locator('#import-files').setInputFiles({ name, mimeType: 'application/json', buffer })
  const line = page.locator(`.import-report__list li[data-file="${name}"] .import-report__line`)
  return ((await line.textContent(WAIT)) ?? '').replace(/\s+/g, ' ').trim()
}

async function fingerprintIn(path: string): Promise<string> {
  const status = await verifyFile(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>, crypto.subtle)
  if (status.status !== 'signed') throw new Error(`${path} is ${status.status}`)
  return status.fingerprint
}

/** What the page's IndexedDB holds as Ana's private key, read the way any script on the page could. */
function storedPrivateKey(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('debrief')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const get = open.result.transaction('deviceKeys').objectStore('deviceKeys').getAll()
      get.onerror = () => reject(get.error)
      get.onsuccess = () => {
        open.result.close()
        const key = (get.result as { privateKey: CryptoKey }[])[0]?.privateKey
        if (!(key instanceof CryptoKey)) return resolve(`not a CryptoKey: ${String(key)}`)
        crypto.subtle.exportKey('pkcs8', key).then(
          () => resolve('exported'),
          () => resolve(`CryptoKey ${key.type}, extractable ${String(key.extractable)}, export refused`),
        )
      }
    }
  }))
}

describe('device keys in Chromium', () => {
  it('pins each learner\'s first key, flags a re-signed or unsigned copy, refuses an edit under the old signature, and trusts a new key', async () => {
    const dir = tempDir()
    // Two learners on their own devices export their results, signed by each device's key.
    const ana = await newLearner(browser(), 'Ana')
    ana.context.setDefaultTimeout(15_000)
    await sitAssessment(ana.page, 'quiz-l0', 'The brief reports it; it does not confirm it.')
    await ana.page.goto(`/course/${COURSE}/progress`)
    const exportButton = ana.page.getByRole('button', { name: 'Download my results for my instructor' })
    const anaFirst = await download(ana.page, exportButton, dir)
    expect(await ana.page.locator('.result-export__status').textContent()).not.toContain('not signed')
    // Chromium keeps the private key in IndexedDB as a CryptoKey (structured clone), and will not export it.
    expect(await storedPrivateKey(ana.page)).toBe('CryptoKey private, extractable false, export refused')
    const ben = await newLearner(browser(), 'Ben')
    ben.context.setDefaultTimeout(15_000)
    await sitAssessment(ben.page, 'quiz-l0', 'It is reported, not confirmed.')
    await ben.page.goto(`/course/${COURSE}/progress`)
    const benFile = await download(ben.page, ben.page.getByRole('button', { name: 'Download my results for my instructor' }), dir)
    await ben.context.close()
    const [anaKey, benKey] = [await fingerprintIn(anaFirst.path), await fingerprintIn(benFile.path)]
    expect(anaKey).not.toBe(benKey)

    // Ana sits the quiz again later; the same key (kept in IndexedDB) signs her new file.
    await sitAssessment(ana.page, 'quiz-l0', 'Reported by the brief, not confirmed.')
    await ana.page.goto(`/course/${COURSE}/progress`)
    // Same name (same day): another folder, so the first file is kept.
    const anaLater = await download(ana.page, exportButton, tempDir())
    expect(await fingerprintIn(anaLater.path)).toBe(anaKey)
    expect(ana.errors).toEqual([])
    await ana.context.close()

    const instructor = await newLearner(browser(), 'Teacher', { width: 1280 })
    instructor.context.setDefaultTimeout(15_000)
    const { page } = instructor
    await openInstructorMode(page, 'a long instructor passphrase')
    await instructorNav(page, 'Import results')
    expect(await importFile(page, anaFirst.name, readFileSync(anaFirst.path))).toBe(`${anaFirst.name}: added 1 attempt for Ana (new learner).`)
    expect(await importFile(page, benFile.name, readFileSync(benFile.path))).toBe(`${benFile.name}: added 1 attempt for Ben (new learner).`)

    const later = readFileSync(anaLater.path, 'utf8')
    const attacker = await resignedByAttacker(edited(later, 'forged-resigned'))
    expect(await importFile(page, 'ana-resigned.json', attacker.buffer)).toBe('ana-resigned.json: added 1 attempt for Ana; 1 attempt flagged and not counted (see the gradebook for why).')
    const { signature: _s, ...unsignedBody } = edited(later, 'forged-unsigned')
    expect(await importFile(page, 'ana-unsigned.json', Buffer.from(JSON.stringify(checksummed(unsignedBody))))).toBe(
      'ana-unsigned.json: added 1 attempt for Ana; 1 attempt flagged and not counted (see the gradebook for why).',
    )
    expect(await importFile(page, 'ana-kept-signature.json', Buffer.from(JSON.stringify(checksummed(edited(later, 'forged-kept')))))).toBe(
      'ana-kept-signature.json: not imported. The file\'s signature does not match its content: it was changed after it was signed. Nothing was imported. (at signature)',
    )

    await instructorNav(page, 'Gradebook')
    await page.locator('.flagged').waitFor()
    expect(await page.locator('[data-flag="key-changed"]').textContent()).toBe(
      `This file is signed by a different device key (${keyLabel(attacker.fingerprint)}) than the first file from this learner (${keyLabel(anaKey)}).`,
    )
    expect(await page.locator('[data-flag="unsigned-after-signed"]').textContent()).toBe(
      `This file is not signed, but the first file from this learner was signed by a device key (${keyLabel(anaKey)}).`,
    )
    expect(await page.locator('.flagged').textContent()).not.toContain('forged-kept')

    await page.getByRole('link', { name: 'Ana', exact: true }).first().click()
    const keyBox = page.locator('.device-key')
    await keyBox.waitFor()
    expect(await keyBox.getByTestId('pinned-key').textContent()).toContain(`signed by ${keyLabel(anaKey)}`)
    expect(await keyBox.getByTestId('offered-key').textContent()).toContain(keyLabel(attacker.fingerprint))
    await expectAccessible(page, 'learner page with a new device key')
    await keyBox.getByRole('button', { name: 'Trust the new key' }).click()
    await expect.poll(() => keyBox.getByRole('status').textContent(), WAIT).toContain(`Trusted. Files signed by ${keyLabel(attacker.fingerprint)}`)
    expect(await keyBox.textContent()).toContain(`Trusted before: ${keyLabel(anaKey)} until`)
    expect(instructor.errors).toEqual([])
    await instructor.context.close()
  })
})
