/**
 * A 409 from a real LRS in the built app: the LRS already holds other content under one of the
 * attempt's statement ids (posted straight to it while the device was offline). The sender splits
 * the batch until that statement is alone, sets it aside as `review` with the LRS's answer, and
 * every other statement arrives once; the LRS keeps its own copy, never overwritten.
 */
import { expect, it } from 'vitest'
import { collectErrors, useBrowser } from './browser.ts'
import { createLearner, expectSameStatements, idCounts, lrsStatements, lrsSuite, once, outboxOf, postToLrs, sitQuiz, useLrsApp, waitUntil } from './lrsBrowser.ts'
import { waitForServiceWorker } from './persistent.ts'

lrsSuite('a statement the LRS holds with other content (409), in the browser', () => {
  const browser = useBrowser()
  const app = useLrsApp()

  it('is isolated and set aside for review while the rest go through', async () => {
    const { lrs, proxy, baseUrl } = app()
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await createLearner(page, baseUrl, 'Conflict Learner')
    await waitForServiceWorker(page)

    await context.setOffline(true)
    const attemptId = await sitQuiz(page)
    const rows = await outboxOf(page)
    // The fourth statement (an answered one) reaches the LRS first, from elsewhere, with another response.
    const victim = rows[3]!
    const other = JSON.parse(victim.body) as { verb: { id: string }; result: { response?: string } }
    expect(other.verb.id).toMatch(/\/answered$/u)
    other.result.response = 'changed elsewhere'
    expect(await postToLrs(lrs, [other])).toBe(200)

    await context.setOffline(false)
    const left = await waitUntil('the conflicting statement alone in the outbox, set aside', () => outboxOf(page), (r) => r.length === 1 && r[0]!.state === 'review')
    expect(left[0]!.id).toBe(victim.id)
    expect(left[0]!.lastError).toMatch(/409/u)
    const held = await lrsStatements(lrs, attemptId)
    expect(idCounts(held)).toEqual(once(rows.map((r) => r.id)))
    expectSameStatements(held.filter((s) => s.id !== victim.id), rows.filter((r) => r.id !== victim.id))
    expect((held.find((s) => s.id === victim.id) as unknown as typeof other).result.response).toBe('changed elsewhere')
    // Split until isolated: the whole batch first, and at some point the conflicting statement alone.
    expect(proxy.posts[0]).toBe(`[${rows.map((r) => r.body).join(',')}]`)
    expect(proxy.posts).toContain(`[${victim.body}]`)
    expect(errors).toEqual([])
    await context.close()
  })
})
