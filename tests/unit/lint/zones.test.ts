/**
 * The layer rules in eslint.config.js, run through ESLint on snippets placed (by a virtual file
 * name) in each zone: each rule must fire where it forbids and stay quiet where it allows, so
 * the rules are known to be able to fail.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

/** The rules that fired on `code` as if it were the file at `filePath`. */
async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.map((m) => m.ruleId ?? m.message)
}

const vue = (script: string) => `<script setup lang="ts">\n${script}\n</script>\n\n<template><p>x</p></template>\n`

describe('layer rules', () => {
  it.each([
    ['a component importing db', 'src/components/results/ResultThing.vue', vue("import { listAttempts } from '../../db/attempts.ts'\nvoid listAttempts"), 'no-restricted-imports'],
    ['a page importing db', 'src/pages/ThingPage.vue', vue("import { StorageError } from '../db/errors.ts'\nvoid StorageError"), 'no-restricted-imports'],
    ['a page helper importing db', 'src/pages/instructor/useThing.ts', "import type { DebriefDb } from '../../db/database.ts'\nexport type T = DebriefDb\n", 'no-restricted-imports'],
    ['a component importing content', 'src/components/course/CourseThing.vue', vue("import { loadContent } from '../../content/loader.ts'\nvoid loadContent"), 'no-restricted-imports'],
    ['a store importing content', 'src/stores/thing.ts', "import { loadContent } from '../content/loader.ts'\nexport const x = loadContent\n", 'no-restricted-imports'],
    ['a store importing Dexie', 'src/stores/thing.ts', "import Dexie from 'dexie'\nexport const x = Dexie\n", 'no-restricted-imports'],
    ['db importing a store', 'src/db/thing.ts', "import { useStorageStore } from '../stores/storage.ts'\nexport const x = useStorageStore\n", 'no-restricted-imports'],
    ['the domain importing the clock', 'src/domain/thing.ts', "import { now } from '../platform/clock.ts'\nexport const x = now\n", 'no-restricted-imports'],
    ['a store reading Date.now()', 'src/stores/thing.ts', 'export const x = Date.now()\n', 'no-restricted-syntax'],
    ['a component calling new Date()', 'src/components/course/CourseThing.vue', vue('const today = new Date()\nvoid today'), 'no-restricted-syntax'],
    ['a page making an id', 'src/pages/ThingPage.vue', vue('const id = crypto.randomUUID()\nvoid id'), 'no-restricted-syntax'],
    ['db drawing random bytes through globalThis', 'src/db/thing.ts', 'export const salt = globalThis.crypto.getRandomValues(new Uint8Array(16))\n', 'no-restricted-syntax'],
    ['a composable calling Math.random()', 'src/composables/useThing.ts', 'export const x = Math.random()\n', 'no-restricted-syntax'],
    ['the domain reading performance', 'src/domain/thing.ts', 'export const x = performance.now()\n', 'no-restricted-globals'],
    ['the domain reaching crypto through globalThis', 'src/domain/thing.ts', 'export const x = globalThis.crypto\n', 'no-restricted-globals'],
    ['the domain reading crypto', 'src/domain/thing.ts', 'export const x = crypto.subtle\n', 'no-restricted-globals'],
    ['the domain reading Date.now()', 'src/domain/thing.ts', 'export const x = Date.now()\n', 'no-restricted-syntax'],
  ])('forbids %s', async (_case, filePath, code, rule) => {
    expect(await rulesFired(filePath, code)).toContain(rule)
  })

  it.each([
    ['a store importing db', 'src/stores/thing.ts', "import { listAttempts } from '../db/attempts.ts'\nexport const x = listAttempts\n"],
    ['a page reading the clock module', 'src/pages/ThingPage.vue', vue("import { now } from '../platform/clock.ts'\nconst at = new Date(now())\nvoid at")],
    ['the clock module reading the time and the crypto source', 'src/platform/clock.ts', 'export const x = [Date.now(), new Date(), crypto.randomUUID(), Math.random()]\n'],
    ['the build config importing content', 'vite.config.ts', "import { debriefContent } from './src/content/vitePlugin.ts'\nexport default debriefContent\n"],
    ['a script importing content', 'scripts/thing.ts', "import { loadContent } from '../src/content/loader.ts'\nexport const x = [loadContent, Date.now()]\n"],
    ['content importing content', 'src/content/thing.ts', "import { loadContent } from './loader.ts'\nexport const x = loadContent\n"],
    ['a test setting the time', 'tests/dom/thing.test.ts', 'export const x = [Date.now(), crypto.randomUUID()]\n'],
  ])('allows %s', async (_case, filePath, code) => {
    expect(await rulesFired(filePath, code)).toEqual([])
  })
})
