/** Driving the practice and review pages, which are one check session on screen. */
import type { VueWrapper } from '@vue/test-utils'
import { expect, vi } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import type { Answer } from '../../../src/domain/types.ts'
import { useCheckSessionStore } from '../../../src/stores/checkSession.ts'
import { mountApp } from '../mountApp.ts'
import { seedLearner } from './seed.ts'

/** Mounts the app at `path` with a learner (and `seed`) and waits until `ready` is on screen. */
export async function openCheckPage(path: string, seed?: (db: DebriefDb) => Promise<unknown>, ready = '.practice-question') {
  const app = await mountApp(path, async (db) => {
    await seedLearner(db)
    await seed?.(db)
  })
  await vi.waitFor(() => expect(app.wrapper.find(ready).exists()).toBe(true))
  return { ...app, session: useCheckSessionStore() }
}

export type CheckPage = Awaited<ReturnType<typeof openCheckPage>>

export function button(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === label)
  if (!found) throw new Error(`No button "${label}"`)
  return found
}

/** Answers the item on screen (through the store's draft, as the renderer's v-model does) and checks it. */
export async function answerAndCheck(page: CheckPage, answers: Record<string, Answer>) {
  page.session.draft = answers[page.session.item!.id]!
  // The button stays disabled while an earlier check is still being saved.
  await vi.waitFor(() => expect(button(page.wrapper, 'Check answer').attributes('disabled')).toBeUndefined())
  await button(page.wrapper, 'Check answer').trigger('click')
  await vi.waitFor(() => expect(page.wrapper.find('.question-feedback').exists()).toBe(true))
}
