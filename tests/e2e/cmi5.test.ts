/**
 * The cmi5 package (quiz-l1) launched in Chromium by a loopback LMS (tests/e2e/cmi5Lms.ts) in
 * front of the real LRS (Learning Locker's xapi-statements, tests/lrs): the statements the LRS
 * holds for each registration, session by session. Skipped without tests/lrs/node_modules unless
 * CI=true (then it fails).
 */
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { LRS_INSTALLED, startLrs, type RunningLrs } from '../unit/lrs/lrsHarness.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH, collectErrors } from './browser.ts'
import { ACTIVITY_ID, LMS_EXTENSION, PUBLISHER_ID, SESSION_EXTENSION, buildCmi5Package, serveAu, startCmi5Lms, type Cmi5Lms, type LaunchOptions } from './cmi5Lms.ts'
import { VERB, expectSessionOrder, fixDrawSeed, ofSession, startAndAnswerRight, startAndSubmitBlank, submit } from './cmi5Actions.ts'
import { lrsStatements, lrsSuite, waitUntil, type HeldStatement } from './lrsBrowser.ts'
import { readStores } from './persistent.ts'
import { chromium } from 'playwright-core'

const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon'
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore'
const ACTOR: LaunchOptions['actor'] = { objectType: 'Agent', name: 'Ana Silva', account: { homePage: 'https://lms.test', name: 'ana-01' } }
/** A draw of quiz-l1 without its free-text item (checked by rightAnswer). */
const SEED = 1

let lrs: RunningLrs | undefined
let lms: Cmi5Lms | undefined
let au: { base: string; close: () => Promise<void> } | undefined
let dir: string | undefined
let browser: Browser | undefined

lrsSuite('a cmi5 launch against the real LRS', () => {
  beforeAll(async () => {
    if (!LRS_INSTALLED) throw new Error('tests/lrs/node_modules is missing (CI=true: the real-LRS tests must run). Install it with: npm ci --ignore-scripts --prefix tests/lrs')
    ;[lrs, dir] = await Promise.all([startLrs(), buildCmi5Package()])
    au = await serveAu(dir)
    lms = await startCmi5Lms(lrs.endpoint, au.base)
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  })
  afterAll(async () => {
    await browser?.close()
    await lms?.close()
    await au?.close()
    await lrs?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  async function device(): Promise<BrowserContext> {
    const context = await browser!.newContext({ viewport: { width: 1024, height: 900 } })
    await fixDrawSeed(context, SEED)
    return context
  }

  async function open(context: BrowserContext, options: Omit<LaunchOptions, 'actor'>): Promise<{ page: Page; sessionId: string; token: string; errors: string[] }> {
    const launch = lms!.launch({ actor: ACTOR, ...options })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await page.goto(launch.url)
    await page.getByRole('button', { name: 'Start' }).waitFor()
    return { page, sessionId: launch.sessionId, token: launch.token, errors }
  }

  const held = (registration: string) => lrsStatements(lrs!, registration)
  const hasVerbs = (...verbs: string[]) => (list: HeldStatement[]) => verbs.every((v) => list.some((s) => VERB(s) === v))
  const fetchPosts = () => lms!.requests.filter((r) => r.startsWith('POST /fetch/')).length

  it('a learner passes: initialized first, passed (score, masteryscore, moveon) and completed, terminated last at Exit, then the LMS page', async () => {
    const registration = randomUUID()
    const context = await device()
    const posts = fetchPosts()
    const { page, sessionId, errors } = await open(context, { registration, masteryScore: 0.6, returnURL: `${lms!.origin}/return` })
    await startAndAnswerRight(page)
    // The reload reused the token: the fetch URL was asked once.
    expect(fetchPosts() - posts).toBe(1)
    await submit(page)
    await waitUntil('passed and completed in the LRS', () => held(registration), hasVerbs('passed', 'completed'))
    await page.getByRole('button', { name: 'Finish and return to the course' }).click()
    await page.waitForURL(`${lms!.origin}/return`)
    const session = ofSession(await waitUntil('terminated in the LRS', () => held(registration), hasVerbs('terminated')), sessionId)
    expectSessionOrder(session)
    expect(session.map(VERB)).toEqual(['initialized', ...Array<string>(7).fill('answered'), 'completed', 'passed', 'terminated'])
    for (const s of session) {
      expect(s.actor).toMatchObject({ account: ACTOR.account })
      expect(s.context).toMatchObject({ registration, extensions: { [SESSION_EXTENSION]: sessionId, [LMS_EXTENSION]: 'spring-2027' }, contextActivities: { grouping: expect.arrayContaining([expect.objectContaining({ id: PUBLISHER_ID })]) as unknown } })
    }
    const passed = session.find((s) => VERB(s) === 'passed')!
    expect(passed.object).toMatchObject({ id: ACTIVITY_ID })
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 7, min: 0, max: 7 }, duration: expect.stringMatching(/^PT/u) as string })
    expect((passed.context as { extensions: Record<string, unknown> }).extensions[MASTERY]).toBe(0.6)
    const categories = (s: HeldStatement) => ((s.context as { contextActivities: { category?: { id: string }[] } }).contextActivities.category ?? []).map((c) => c.id)
    expect(categories(passed)).toEqual([CMI5, MOVEON])
    expect(categories(session.find((s) => VERB(s) === 'completed')!)).toEqual([CMI5, MOVEON])
    expect(session.find((s) => VERB(s) === 'completed')!.result).toEqual({ completion: true, duration: expect.stringMatching(/^PT/u) as string })
    expect(categories(session[0]!)).toEqual([CMI5])
    expect(categories(session.find((s) => VERB(s) === 'answered')!)).toEqual([])
    expect(errors).toEqual([])

    // A second launch in the same registration: the learner fails; passed came first, so no failed (and no second completed).
    const second = await open(context, { registration, masteryScore: 0.6 })
    await startAndSubmitBlank(second.page)
    await second.page.getByRole('button', { name: 'Finish and return to the course' }).click()
    await second.page.getByRole('status').filter({ hasText: 'Your course system has your progress' }).waitFor()
    const all = await waitUntil('the second session\'s terminated', () => held(registration), (list) => ofSession(list, second.sessionId).some((s) => VERB(s) === 'terminated'))
    const again = ofSession(all, second.sessionId)
    expectSessionOrder(again)
    expect(again.map(VERB)).toEqual(['initialized', ...Array<string>(7).fill('answered'), 'terminated'])
    expect(all.filter((s) => VERB(s) === 'failed')).toEqual([])
    expect(second.errors).toEqual([])
    await context.close()
  })

  it('a Browse launch sends initialized and terminated only; leaving without Exit keeps terminated for the next launch, which sends it first', async () => {
    const registration = randomUUID()
    const context = await device()
    const browse = await open(context, { registration, launchMode: 'Browse', masteryScore: 0.6 })
    await startAndAnswerRight(browse.page)
    await submit(browse.page)
    // The page goes away (pagehide) without Exit: nothing more reaches the LRS from it now.
    await browse.page.goto('about:blank')
    expect(ofSession(await held(registration), browse.sessionId).map(VERB)).toEqual(['initialized'])
    const next = await open(context, { registration, masteryScore: 0.6 })
    const all = await waitUntil('the Browse session\'s terminated', () => held(registration), (list) => ofSession(list, browse.sessionId).length === 2 && ofSession(list, next.sessionId).length === 1)
    const browsed = ofSession(all, browse.sessionId)
    expect(browsed.map(VERB)).toEqual(['initialized', 'terminated'])
    expect(String(browsed[1]!.timestamp) < String(ofSession(all, next.sessionId)[0]!.timestamp)).toBe(true)
    expect(all.filter((s) => ['passed', 'failed', 'completed'].includes(VERB(s)))).toEqual([])
    expect([...browse.errors, ...next.errors]).toEqual([])
    await context.close()
  })

  it('a fetch URL that answers an error: the learner reads why, and the quiz still works on the device', async () => {
    const registration = randomUUID()
    const context = await device()
    const launch = lms!.launch({ actor: ACTOR, registration, fetchError: { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' } })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await page.goto(launch.url)
    const alert = page.getByRole('alert')
    await alert.filter({ hasText: 'already used or has expired' }).waitFor()
    expect(await alert.textContent()).toContain('Close this window and open the course again from your LMS.')
    expect(await alert.textContent()).toContain('cmi5 fetch error 1: The authorization token has already been returned.')
    await startAndSubmitBlank(page)
    expect(await page.locator('.result-summary__percent').textContent()).toContain('0')
    expect(await held(registration)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('a token that expires mid-session: the learner is told plainly; the statements wait on the device for the next launch in their registration, not another', async () => {
    const registration = randomUUID()
    const context = await device()
    const first = await open(context, { registration, masteryScore: 0.6 })
    await startAndAnswerRight(first.page)
    lms!.expire(first.token)
    await submit(first.page)
    await first.page.getByRole('alert').filter({ hasText: 'no longer accepts results from this visit' }).waitFor()
    const waiting = ((await readStores(first.page, ['outbox'])).outbox as { registration?: string; body: string; queuedAt: number }[]).filter((r) => r.registration === registration).sort((a, b) => a.queuedAt - b.queuedAt)
    expect(waiting.map((r) => VERB(JSON.parse(r.body) as HeldStatement))).toEqual([...Array<string>(7).fill('answered'), 'completed', 'passed'])
    expect(ofSession(await held(registration), first.sessionId).map(VERB)).toEqual(['initialized'])
    await first.page.goto('about:blank')
    // Another AU's launch on this device (another registration, its own token) does not carry them.
    const other = randomUUID()
    const elsewhere = await open(context, { registration: other, masteryScore: 0.6 })
    expect((await held(other)).map(VERB)).toEqual(['initialized'])
    expect(ofSession(await held(registration), first.sessionId).map(VERB)).toEqual(['initialized'])
    await elsewhere.page.close()
    const next = await open(context, { registration, masteryScore: 0.6 })
    const all = await waitUntil('the first session\'s statements', () => held(registration), (list) => ofSession(list, first.sessionId).length === 11 && ofSession(list, next.sessionId).length === 1)
    expectSessionOrder(ofSession(all, first.sessionId))
    expect(((await readStores(next.page, ['outbox'])).outbox as { registration?: string }[]).filter((r) => r.registration === registration)).toEqual([])
    await context.close()
  })

  it('inside the LMS\'s frame (another origin): a failed attempt\'s failed goes at Exit, before terminated, and Exit takes the whole window to returnURL', async () => {
    const registration = randomUUID()
    const context = await device()
    const launch = lms!.launch({ actor: ACTOR, registration, masteryScore: 0.6, returnURL: `${lms!.origin}/return` })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await page.goto(`${lms!.origin}/player?au=${encodeURIComponent(launch.url)}`)
    const frame = page.frameLocator('#au')
    await startAndSubmitBlank(frame)
    // failed is held back until the session ends (a pass later in it would replace it).
    const before = await waitUntil('completed in the LRS', () => held(registration), hasVerbs('completed'))
    expect(before.filter((s) => VERB(s) === 'failed')).toEqual([])
    await frame.getByRole('button', { name: 'Finish and return to the course' }).click()
    await page.waitForURL(`${lms!.origin}/return`)
    const session = ofSession(await waitUntil('terminated in the LRS', () => held(registration), hasVerbs('terminated')), launch.sessionId)
    expectSessionOrder(session)
    expect(session.map(VERB)).toEqual(['initialized', ...Array<string>(7).fill('answered'), 'completed', 'failed', 'terminated'])
    const failed = session.find((s) => VERB(s) === 'failed')!
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0, raw: 0, min: 0, max: 7 } })
    expect((failed.context as { extensions: Record<string, unknown> }).extensions[MASTERY]).toBe(0.6)
    expect(errors).toEqual([])
    await context.close()
  })

  it('a fail then a pass in one session: failed is held back, and the LMS gets the pass alone', async () => {
    const registration = randomUUID()
    const context = await device()
    const { page, sessionId, errors } = await open(context, { registration, masteryScore: 0.6 })
    await startAndSubmitBlank(page)
    // Back to the quiz by the launch address (a reload of the same session), and a second attempt.
    await page.goto(page.url().split('#')[0]!)
    await startAndAnswerRight(page)
    await submit(page)
    await waitUntil('passed in the LRS', () => held(registration), hasVerbs('passed'))
    await page.getByRole('button', { name: 'Finish and return to the course' }).click()
    const session = ofSession(await waitUntil('terminated in the LRS', () => held(registration), hasVerbs('terminated')), sessionId)
    expectSessionOrder(session)
    expect(session.map(VERB)).toEqual(['initialized', ...Array<string>(7).fill('answered'), 'completed', ...Array<string>(7).fill('answered'), 'passed', 'terminated'])
    expect(errors).toEqual([])
    await context.close()
  })
})
