/**
 * A learner sits a quiz offline, submits, and goes online: the built app's sender delivers every
 * statement to a real LRS (cross-origin, through CORS) exactly once, as the device serialized it,
 * and the outbox ends empty.
 */
import { expect, it } from 'vitest'
import { collectErrors, useBrowser } from './browser.ts'
import { createLearner, expectSameStatements, idCounts, lrsStatements, lrsSuite, once, outboxOf, sitQuiz, useLrsApp, verbCounts, waitUntil } from './lrsBrowser.ts'
import { waitForServiceWorker } from './persistent.ts'

lrsSuite('a quiz sat offline, then sent to a real LRS', () => {
  const browser = useBrowser()
  const app = useLrsApp()

  it('delivers every statement once when the device comes back online, and empties the outbox', async () => {
    const { lrs, proxy, baseUrl } = app()
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await createLearner(page, baseUrl, 'Offline Learner')
    await waitForServiceWorker(page)

    await context.setOffline(true)
    const attemptId = await sitQuiz(page)
    // Written with the submit, waiting: nothing reached the LRS while offline.
    const rows = await outboxOf(page)
    expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'queued'))
    const bodies = rows.map((r) => JSON.parse(r.body) as { verb: { id: string }; context: { registration: string } })
    // passed or failed only once decided: not while an answer waits for the instructor's grade.
    const { passed = 0, failed = 0, ...verbs } = verbCounts(bodies)
    expect(verbs).toEqual({ initialized: 1, answered: 7, completed: 1, terminated: 1 })
    expect(passed + failed).toBeLessThanOrEqual(1)
    expect(new Set(bodies.map((b) => b.context.registration))).toEqual(new Set([attemptId]))
    expect(proxy.posts).toHaveLength(0)
    expect(await lrsStatements(lrs, attemptId)).toEqual([])

    await context.setOffline(false)
    await waitUntil('an empty outbox', async () => (await outboxOf(page)).length, (n) => n === 0)
    const held = await lrsStatements(lrs, attemptId)
    expect(idCounts(held)).toEqual(once(rows.map((r) => r.id)))
    expect(verbCounts(held)).toEqual(verbCounts(bodies))
    expectSameStatements(held, rows)
    // One batch, sent once: the stored bodies joined, byte for byte.
    expect(proxy.posts).toEqual([`[${rows.map((r) => r.body).join(',')}]`])
    // Cross-origin with Basic auth: the browser asked the LRS first (CORS preflight), then posted.
    expect(proxy.requests).toEqual(['OPTIONS /xapi/statements', 'POST /xapi/statements'])
    expect(errors).toEqual([])
    await context.close()
  })
})
