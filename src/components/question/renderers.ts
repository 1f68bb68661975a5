/**
 * Each family of question types has its own renderer, loaded the first time a question of
 * that family is shown: a page never downloads renderers for types it does not show.
 * `preloadRenderers` fetches them all (the assessment page calls it once the first question
 * is on screen, so moving between questions seldom waits). A fetch that fails is forgotten:
 * `rendererFailed` says so and `retryRenderer` fetches again.
 */
import { markRaw, shallowReactive, type Component } from 'vue'
import type { ItemType } from '../../domain/types.ts'

export type Family = 'choice' | 'matching' | 'ordering' | 'categorize' | 'cloze' | 'text'

const FAMILY: Record<ItemType, Family> = {
  single: 'choice',
  multiple: 'choice',
  truefalse: 'choice',
  matching: 'matching',
  ordering: 'ordering',
  categorize: 'categorize',
  cloze: 'cloze',
  short: 'text',
  numeric: 'text',
  freetext: 'text',
}

type RendererModule = { default: Component }

const LOADERS: Record<Family, () => Promise<RendererModule>> = {
  choice: () => import('./QuestionChoice.vue'),
  matching: () => import('./QuestionMatching.vue'),
  ordering: () => import('./QuestionOrdering.vue'),
  categorize: () => import('./QuestionCategorize.vue'),
  cloze: () => import('./QuestionCloze.vue'),
  text: () => import('./QuestionText.vue'),
}

/** How a family's code is fetched; tests swap it to see the page while a chunk is slow or fails. */
export type RendererLoader = (family: Family, real: () => Promise<RendererModule>) => Promise<RendererModule>
const direct: RendererLoader = (_family, real) => real()
let loader = direct

const loaded = shallowReactive<Partial<Record<Family, Component>>>({})
const failed = shallowReactive<Partial<Record<Family, true>>>({})
const pending = new Map<Family, Promise<void>>()

function load(family: Family): Promise<void> {
  let promise = pending.get(family)
  if (!promise) {
    delete failed[family]
    promise = loader(family, LOADERS[family]).then(
      (module) => {
        loaded[family] = markRaw(module.default)
      },
      (error: unknown) => {
        // Forget the failure, so asking again (the "Try again" button) fetches the chunk again.
        pending.delete(family)
        failed[family] = true
        throw error
      },
    )
    pending.set(family, promise)
  }
  return promise
}

/** The renderer for a type, or undefined while it loads or after it failed (the caller re-renders when it arrives). */
export function rendererFor(type: ItemType): Component | undefined {
  const family = FAMILY[type]
  if (!loaded[family] && !failed[family]) load(family).catch(() => undefined)
  return loaded[family]
}

/** Whether the last try to fetch a type's renderer failed (offline, or a chunk gone after an update). */
export function rendererFailed(type: ItemType): boolean {
  return failed[FAMILY[type]] === true
}

/** Fetches a type's renderer again after a failure. */
export function retryRenderer(type: ItemType): Promise<void> {
  return load(FAMILY[type])
}

export function preloadRenderers(types: readonly ItemType[] = Object.keys(FAMILY) as ItemType[]): Promise<void> {
  return Promise.all([...new Set(types.map((t) => FAMILY[t]))].map(load)).then(() => undefined)
}

/** For tests: fetch renderers through `next` from now on, forgetting every renderer fetched so far. */
export function setRendererLoader(next: RendererLoader = direct): void {
  loader = next
  pending.clear()
  for (const family of Object.keys(loaded) as Family[]) delete loaded[family]
  for (const family of Object.keys(failed) as Family[]) delete failed[family]
}
