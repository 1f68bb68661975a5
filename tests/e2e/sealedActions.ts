/**
 * The sealed final in browser tests: the unlock code the build used, the release code of the
 * built key file, entering it on a result page, and grading a stored sealed attempt the way the
 * released page does (its stubs swapped for the course's full items).
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { sealSecret } from '../../src/content/sealSecret.ts'
import { gradeAttempt, type AttemptGrade } from '../../src/domain/attemptGrading.ts'
import { unsealAttempt } from '../../src/domain/sealed.ts'
import { openWithSecret, parseSealedKeyFile } from '../../src/domain/sealedKeyFile.ts'
import type { Attempt, SavedResponse } from '../../src/domain/types.ts'
import { COURSE } from './learnerActions.ts'

/** The unlock code the build sealed the key file with (the variable, else the project's file). */
export const SEAL_SECRET = sealSecret(process.cwd()).secret

/** What a sealed result page says before its results are released. */
export const NOT_RELEASED = 'Submitted. Your instructor will release your results.'

/** The course's key file in dist/, opened with the unlock code as the instructor's device opens it. */
async function openBuiltKeyFile() {
  const parsed = parseSealedKeyFile(readFileSync(`dist/sealed/${COURSE}.json`, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  const opened = await openWithSecret(parsed.file, SEAL_SECRET, crypto.subtle)
  if (!opened.ok) throw new Error(opened.message)
  return opened
}

/** The release code of the course's key file in dist/, as the instructor's device shows it. */
export async function builtReleaseCode(): Promise<string> {
  return (await openBuiltKeyFile()).releaseCode
}

/** Types the release code into the open result page and waits for the score. */
export async function enterReleaseCode(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Release code' }).fill(code)
  await page.getByRole('button', { name: 'Show my results' }).click()
  await page.locator('.result-summary').waitFor()
}

/** The grade of a stored sealed attempt, graded on the key file's full items (as after release). */
export async function gradeSealed(attempt: Attempt, responses: SavedResponse[]): Promise<AttemptGrade> {
  const full = new Map((await openBuiltKeyFile()).items.map((i) => [i.version, i] as const))
  const unsealed = unsealAttempt(attempt, responses, (version) => full.get(version))
  if (unsealed.sealedLeft.length > 0) throw new Error(`No full item for ${unsealed.sealedLeft.join(', ')}.`)
  return gradeAttempt(unsealed.attempt, unsealed.responses)
}
