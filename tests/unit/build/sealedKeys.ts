/**
 * What must never reach a learner's device for sealed items (docs/sealed-assessments.md), and a
 * search for it in a build's files. Shared by tests/unit/build/sealedDist.test.ts.
 *
 * Key text of a sealed item: its explanation, every feedback, wrongFeedback, modelAnswer,
 * accepted answers, patterns, partial answers, reject lists and rubric concepts. A key text that
 * also appears in what learners may see (lessons, passages, unsealed items, the stubs) proves
 * nothing and is left out. Each remaining text is searched as its longest run of plain
 * characters (letters, digits, spaces, `,.;:-`), at least 12 long, since a minifier may re-quote
 * or escape the rest of a string.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { publicItem } from '../../../src/domain/sealed.ts'
import type { Course, VersionedItem } from '../../../src/domain/types.ts'

export interface KeyText {
  itemId: string
  field: string
  needle: string
}

function texts(item: VersionedItem): [string, string][] {
  const out: [string, string][] = [['explanation', item.explanation]]
  const add = (field: string, list: readonly (string | undefined)[] | undefined) => {
    for (const t of list ?? []) if (t !== undefined) out.push([field, t])
  }
  switch (item.type) {
    case 'single':
    case 'multiple':
      add('feedback', item.options.map((o) => o.feedback))
      break
    case 'truefalse':
      add('wrongFeedback', [item.wrongFeedback])
      break
    case 'matching':
      add('feedback', item.pairs.map((p) => p.feedback))
      break
    case 'ordering':
      add('wrongFeedback', [item.wrongFeedback])
      break
    case 'categorize':
      add('feedback', item.statements.map((s) => s.feedback))
      break
    case 'cloze':
      for (const b of item.blanks) {
        add('feedback', [b.feedback])
        add('reject', b.reject)
        // A drop-down's accepted answer is one of its options, which learners see.
        if (b.options === undefined) add('accept', b.accept)
      }
      break
    case 'short':
      add('accept', item.accept)
      add('patterns', item.patterns)
      add('partial', item.partial?.map((p) => p.answer))
      add('reject', item.reject)
      add('wrongFeedback', [item.wrongFeedback])
      break
    case 'numeric':
      add('wrongFeedback', [item.wrongFeedback])
      break
    case 'freetext':
      add('modelAnswer', [item.modelAnswer])
      add('rubric', item.rubric.flatMap((c) => c.concepts.flat()))
      break
  }
  return out
}

/** The longest run of characters no minifier rewrites. */
export function plainRun(text: string): string {
  return (text.match(/[A-Za-z0-9 ,.;:-]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '').trim()
}

/** Every key text of the course's sealed items that learners' public content does not also hold. */
export function sealedKeyTexts(course: Course): KeyText[] {
  const sealed = course.banks.flatMap((b) => b.items.filter((i) => i.sealed === true))
  const open = JSON.stringify([
    course.lessons,
    course.passages,
    course.banks.flatMap((b) => b.items.filter((i) => i.sealed !== true)),
    sealed.map(publicItem),
  ])
  const seen = new Set<string>()
  const out: KeyText[] = []
  for (const item of sealed) {
    for (const [field, text] of texts(item)) {
      const needle = plainRun(text)
      if (needle.length < 12 || open.includes(needle) || seen.has(needle)) continue
      seen.add(needle)
      out.push({ itemId: item.id, field, needle })
    }
  }
  return out
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => join(name, f)) : [name]
  })
}

/** The key texts found in the files under `dir` (but those `skip` accepts), with where. */
export function leaks(dir: string, keys: readonly KeyText[], skip: (file: string) => boolean = () => false): { file: string; key: KeyText }[] {
  const found: { file: string; key: KeyText }[] = []
  for (const file of filesUnder(dir)) {
    if (skip(file)) continue
    const text = readFileSync(join(dir, file)).toString('latin1') + '\n' + readFileSync(join(dir, file), 'utf8')
    for (const key of keys) if (text.includes(key.needle)) found.push({ file: relative('.', file), key })
  }
  return found
}
