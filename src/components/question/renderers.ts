/**
 * Each family of question types has its own renderer, loaded the first time a question of
 * that family is shown: a page never downloads renderers for types it does not show.
 * `preloadRenderers` fetches them all (the assessment page calls it once the first question
 * is on screen, so moving between questions never waits).
 */
import { markRaw, shallowReactive, type Component } from 'vue'
import type { ItemType } from '../../domain/types.ts'

type Family = 'choice' | 'matching' | 'ordering' | 'categorize' | 'cloze' | 'text'

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

const LOADERS: Record<Family, () => Promise<{ default: Component }>> = {
  choice: () => import('./QuestionChoice.vue'),
  matching: () => import('./QuestionMatching.vue'),
  ordering: () => import('./QuestionOrdering.vue'),
  categorize: () => import('./QuestionCategorize.vue'),
  cloze: () => import('./QuestionCloze.vue'),
  text: () => import('./QuestionText.vue'),
}

const loaded = shallowReactive<Partial<Record<Family, Component>>>({})
const pending = new Map<Family, Promise<void>>()

function load(family: Family): Promise<void> {
  let promise = pending.get(family)
  if (!promise) {
    promise = LOADERS[family]().then((module) => {
      loaded[family] = markRaw(module.default)
    })
    pending.set(family, promise)
  }
  return promise
}

/** The renderer for a type, or undefined while it loads (the caller re-renders when it arrives). */
export function rendererFor(type: ItemType): Component | undefined {
  const family = FAMILY[type]
  if (!loaded[family]) void load(family)
  return loaded[family]
}

export function preloadRenderers(types: readonly ItemType[] = Object.keys(FAMILY) as ItemType[]): Promise<void> {
  return Promise.all([...new Set(types.map((t) => FAMILY[t]))].map(load)).then(() => undefined)
}
