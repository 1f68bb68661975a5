/**
 * The browser killed mid-send: a learner submits a quiz, the sender POSTs its statements, the LRS
 * stores them but its answer is held back (the proxy's `hold`); the learner submits a second quiz
 * (its statements wait behind the first batch); then SIGKILL to Chromium's whole process group.
 * Relaunched on the same profile, the app sends what waits: the LRS ends with every statement of
 * both attempts exactly once: no duplicates, no gaps.
 *
 * The rows the dead tab left `sending` are sent at once, not after the minute the age rule waits
 * (src/db/outbox.ts: under the Web Lock no live sender owns them). To show that, the relaunched
 * page's clock is fixed at the instant the rows were marked `sending`: to the age rule they are
 * 0 ms old, so only the lock rule can put them back in the queue.
 */
import type { Page } from 'playwright-core'
import { afterEach, expect, it } from 'vitest'
import { collectErrors } from './browser.ts'
import { createLearner, expectSameStatements, idCounts, lrsStatements, lrsSuite, once, outboxOf, sitQuiz, useLrsApp, waitUntil, type OutboxRow } from './lrsBrowser.ts'
import { killChromium, profileDir, removeDir, startKillableChromium, type KillableChromium } from './persistent.ts'

let dir: string | undefined
const running: KillableChromium[] = []

afterEach(async () => {
  for (const chromium of running.splice(0)) await killChromium(chromium).catch(() => undefined)
  await removeDir(dir)
})

async function firstPage(chromium: KillableChromium): Promise<Page> {
  const context = chromium.browser.contexts()[0]
  if (!context) throw new Error('Chromium started without its default context.')
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setViewportSize({ width: 390, height: 844 })
  return page
}

lrsSuite('a browser killed while the LRS\'s answer to a POST is on its way', () => {
  const app = useLrsApp()

  it('sends everything once after a relaunch on the same profile, without waiting for rows to age', async () => {
    const { lrs, proxy, baseUrl } = app()
    dir = await profileDir('lrs-crash')
    const first = await startKillableChromium(dir)
    running.push(first)
    const page = await firstPage(first)
    const errors = collectErrors(page)
    await createLearner(page, baseUrl, 'Crash Learner')

    // The first POST reaches the LRS, which stores it; the answer never comes back.
    let heldStatus: number | undefined
    const held = new Promise<void>((resolve) => {
      proxy.rules = [{ kind: 'hold', stored: (status) => { heldStatus = status; resolve() } }]
    })
    const firstAttempt = await sitQuiz(page)
    await held
    expect(heldStatus).toBe(200)
    const firstRows = await outboxOf(page)
    expect(firstRows.map((r) => r.state)).toEqual(firstRows.map(() => 'sending'))
    expect(proxy.posts).toEqual([`[${firstRows.map((r) => r.body).join(',')}]`])
    expect(idCounts(await lrsStatements(lrs, firstAttempt))).toEqual(once(firstRows.map((r) => r.id)))

    // A second quiz while the first POST hangs (moving within the page: a reload would end the
    // send): its statements queue behind it, none sent.
    await page.getByRole('link', { name: 'Back to the course' }).click()
    const secondAttempt = await sitQuiz(page)
    const waiting = await outboxOf(page)
    const secondRows = waiting.filter((r) => !firstRows.some((f) => f.id === r.id))
    expect(secondRows.length).toBeGreaterThan(0)
    expect(secondRows.map((r) => r.state)).toEqual(secondRows.map(() => 'queued'))
    expect(proxy.posts).toHaveLength(1)
    expect(await lrsStatements(lrs, secondAttempt)).toEqual([])
    const sendingSince = firstRows[0]!.sendingSince!
    expect(firstRows.every((r) => r.sendingSince === sendingSince)).toBe(true)

    await killChromium(first)
    running.splice(running.indexOf(first), 1)

    const second = await startKillableChromium(dir)
    running.push(second)
    const again = await firstPage(second)
    again.on('pageerror', (e) => errors.push(e.message))
    // The rows are 0 ms old by this page's clock: the 60 s age rule would leave them be.
    await again.clock.setFixedTime(sendingSince)
    await again.goto(`${baseUrl}/`)
    await again.getByRole('heading', { name: 'Lessons' }).waitFor()
    expect(await again.evaluate(() => Date.now())).toBe(sendingSince)
    await waitUntil('an empty outbox after the relaunch', () => outboxOf(again), (rows: OutboxRow[]) => rows.length === 0)

    const heldFirst = await lrsStatements(lrs, firstAttempt)
    const heldSecond = await lrsStatements(lrs, secondAttempt)
    expect(idCounts(heldFirst)).toEqual(once(firstRows.map((r) => r.id)))
    expect(idCounts(heldSecond)).toEqual(once(secondRows.map((r) => r.id)))
    expectSameStatements([...heldFirst, ...heldSecond], waiting)
    // One more POST: the first batch's bytes again, then the second attempt's statements.
    expect(proxy.posts).toEqual([proxy.posts[0], `[${waiting.map((r) => r.body).join(',')}]`])
    expect(proxy.posts[1]!.startsWith(`${proxy.posts[0]!.slice(0, -1)},`)).toBe(true)
    expect(errors).toEqual([])
  })
})
