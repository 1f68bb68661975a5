/**
 * What a learner does in the cmi5 package (quiz-l1), and how the tests read the result: the
 * statements the LRS holds for a registration, grouped by cmi5 session.
 */
import type { BrowserContext, FrameLocator, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { HeldStatement } from './lrsBrowser.ts'
import { attemptIdOf, readStoredAttempt } from './persistent.ts'
import { SESSION_EXTENSION } from './cmi5Lms.ts'

export const VERB = (s: { verb: { id: string } }) => s.verb.id.split('/').pop()!

/**
 * Every attempt on this device gets the same draw seed (crypto.getRandomValues of one 32-bit
 * word is only used for seeds and backoff jitter), so quiz-l1 draws the same 7 items each time:
 * none of them free text, whose instructor grade would leave the pass undecided on the device.
 */
export async function fixDrawSeed(context: BrowserContext, seed: number): Promise<void> {
  await context.addInitScript((value) => {
    const real = crypto.getRandomValues.bind(crypto)
    crypto.getRandomValues = <T extends ArrayBufferView>(array: T): T => {
      if (array instanceof Uint32Array && array.length === 1) array[0] = value
      else real(array)
      return array
    }
  }, seed)
}

type Snapshot = Record<string, unknown> & { id: string; type: string }

/** The right answer to an item, as the app stores it (src/domain/types.ts Answer). */
export function rightAnswer(item: Snapshot): unknown {
  const list = <T>(key: string) => item[key] as T[]
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: item.answer }
    case 'multiple':
      return { type: 'multiple', optionIds: item.answers }
    case 'truefalse':
      return { type: 'truefalse', value: item.answer }
    case 'matching':
      return { type: 'matching', matches: Object.fromEntries(list<{ id: string }>('pairs').map((p) => [p.id, p.id])) }
    case 'ordering':
      return { type: 'ordering', order: list<{ id: string }>('steps').map((s) => s.id) }
    case 'categorize':
      return { type: 'categorize', assignments: Object.fromEntries(list<{ id: string; category: string }>('statements').map((s) => [s.id, s.category])) }
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(list<{ id: string; accept: string[] }>('blanks').map((b) => [b.id, b.accept[0]])) }
    case 'short':
      return { type: 'short', text: list<string>('accept')[0] }
    case 'numeric':
      return { type: 'numeric', text: String(item.answer) }
    default:
      throw new Error(`quiz-l1 drew a ${item.type} item (${item.id}): pick another seed in fixDrawSeed.`)
  }
}

/**
 * Starts quiz-l1 from its start page, puts the right answer to every question in IndexedDB as
 * the app saves answers, and reloads: the attempt reopens with them (and the launch carries on
 * after a reload). Returns the attempt id.
 */
export async function startAndAnswerRight(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('heading', { name: 'Question 1 of 7' }).waitFor()
  const attemptId = attemptIdOf(new URL(page.url()).hash)
  const stored = (await readStoredAttempt(page, attemptId)).attempt as unknown as { slots: { itemId: string; version: string }[]; snapshots: Record<string, Snapshot> }
  const responses = stored.slots.map((slot) => ({ attemptId, itemId: slot.itemId, answer: rightAnswer(stored.snapshots[slot.version]!), flagged: false, savedAt: Date.now(), seq: 1 }))
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('debrief')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('responses', 'readwrite')
          for (const row of rows) tx.objectStore('responses').put(row)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    responses,
  )
  await page.reload()
  await page.getByRole('heading', { name: /^Question \d of 7$/u }).waitFor()
  return attemptId
}

/** Where the app is: its page, or the LMS frame it runs in. */
export type AppScope = Pick<FrameLocator, 'getByRole' | 'locator'>

/** Starts quiz-l1 and submits at once, nothing answered: a score of 0. */
export async function startAndSubmitBlank(page: AppScope): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('heading', { name: 'Question 1 of 7' }).waitFor()
  await submit(page)
}

export async function submit(page: AppScope): Promise<void> {
  await page.getByRole('button', { name: 'Finish and submit…' }).click()
  await page.getByRole('button', { name: 'Submit now' }).click()
  await page.locator('.result-summary__percent').waitFor()
}

/** The statements of one cmi5 session (by its session id), in timestamp order. */
export function ofSession(statements: readonly HeldStatement[], sessionId: string): HeldStatement[] {
  const session = statements.filter((s) => (s.context as { extensions?: Record<string, unknown> } | undefined)?.extensions?.[SESSION_EXTENSION] === sessionId)
  return session.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)))
}

/** initialized first, terminated last, no cmi5 defined verb twice. */
export function expectSessionOrder(session: readonly HeldStatement[]): void {
  expect(VERB(session[0]!)).toBe('initialized')
  expect(VERB(session.at(-1)!)).toBe('terminated')
  const defined = session.map(VERB).filter((v) => v !== 'answered')
  expect(new Set(defined).size).toBe(defined.length)
}
