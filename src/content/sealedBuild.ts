/**
 * What the build does for sealed assessments (docs/sealed-assessments.md): the items chunk
 * carries stubs of a course's sealed items, and the full items go into `sealed/<course>.json`,
 * encrypted by `src/domain/sealedKeyFile.ts` under the deploy secret.
 */
import { randomBytes, webcrypto } from 'node:crypto'
import { canonicalJson } from '../domain/canonicalJson.ts'
import type { CourseItems } from '../domain/catalog.ts'
import { publicItem } from '../domain/sealed.ts'
import { sealKeyFile, type SealedPayload } from '../domain/sealedKeyFile.ts'
import type { Course } from '../domain/types.ts'

/** Where a course's key file lives in `dist/` (and on the dev server), relative to the base. */
export function keyFilePath(courseId: string): string {
  return `sealed/${courseId}.json`
}

/** True when the course has a sealed blueprint, so it has a key file. */
export function hasSealed(course: Course): boolean {
  return course.blueprints.some((b) => b.sealed === true)
}

/** The learner's items chunk: sealed items as stubs. */
export function publicCourseItems(course: Course): CourseItems {
  return {
    passages: course.passages,
    banks: course.banks.map((bank) => ({ lesson: bank.lesson, items: bank.items.map((item) => (item.sealed === true ? publicItem(item) : item)) })),
  }
}

/** The plaintext of a course's key file; undefined when nothing is sealed. */
export function sealedPayload(course: Course): SealedPayload | undefined {
  if (!hasSealed(course)) return undefined
  return {
    courseId: course.id,
    blueprints: course.blueprints.filter((b) => b.sealed === true).map((b) => b.id),
    items: course.banks.flatMap((bank) => bank.items.filter((item) => item.sealed === true)),
  }
}

/**
 * Key files by course, encrypted again only when a course's sealed items or the secret change
 * (a dev server reloads content on every edit; a fresh encryption each time is slow and pointless).
 */
export class KeyFileCache {
  private readonly made = new Map<string, { input: string; text: Promise<string> }>()

  constructor(private readonly secret: () => string) {}

  /** The key file's JSON text for `course`; undefined when it has nothing sealed. */
  text(course: Course): Promise<string> | undefined {
    const payload = sealedPayload(course)
    if (payload === undefined) return undefined
    const secret = this.secret()
    const input = canonicalJson({ payload, secret })
    const cached = this.made.get(course.id)
    if (cached?.input === input) return cached.text
    const text = sealKeyFile(payload, secret, webcrypto.subtle as SubtleCrypto, (n) => new Uint8Array(randomBytes(n))).then((file) => `${JSON.stringify(file)}\n`)
    this.made.set(course.id, { input, text })
    return text
  }
}
