/**
 * Page actions for the instructor's browser tests: sit an assessment with real free text, download
 * a file, unlock instructor mode, grade the free-text queue, read the gradebook and its CSV.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { loadContent } from '../../src/content/loader.ts'
import { assembleAttempt } from '../../src/domain/assembly.ts'
import type { Blueprint, Course } from '../../src/domain/types.ts'
import { answerAndWaitSaved, COURSE, shownQuestion } from './learnerActions.ts'
import { answeredCount } from './persistent.ts'

/** The bound for waiting on a condition (a save, a reload of the records, a report). */
export const WAIT = { timeout: 10_000 }

let course: Course | undefined

/** The course as the build compiles it, read from the same lessons/ and questions/ folders. */
export function courseContent(): Course {
  if (course === undefined) {
    const { courses, problems } = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
    if (problems.length > 0) throw new Error(`The course content has problems: ${problems.map((p) => p.message).join('; ')}`)
    course = courses.find((c) => c.id === COURSE)
    if (course === undefined) throw new Error(`No course ${COURSE} in lessons/ and questions/.`)
  }
  return course
}

export function blueprint(id: string): Blueprint {
  const found = courseContent().blueprints.find((b) => b.id === id)
  if (found === undefined) throw new Error(`No blueprint ${id} in ${COURSE}.`)
  return found
}

/**
 * The first seed (from `from` upward) whose draw of `blueprintId` holds exactly `freeText`
 * free-text items. The app draws an attempt from one random 32-bit seed, and the same seed draws
 * the same items on any device (src/domain/assembly.ts), so pinning the seed pins the draw.
 */
export function seedDrawingFreeText(blueprintId: string, freeText: number, from = 1): { seed: number; freeTextItems: string[] } {
  const content = courseContent()
  const isFreeText = new Set(content.banks.flatMap((b) => b.items).filter((i) => i.type === 'freetext').map((i) => i.id))
  for (let seed = from; seed < from + 10_000; seed++) {
    const items = assembleAttempt(blueprint(blueprintId), content.banks, seed).slots.map((s) => s.itemId).filter((id) => isFreeText.has(id))
    if (items.length === freeText) return { seed, freeTextItems: items }
  }
  throw new Error(`No seed draws ${freeText} free-text item(s) for ${blueprintId}.`)
}

/**
 * Makes this browser context's assessment draws use `seed`: the app takes an attempt's seed from
 * crypto.getRandomValues(new Uint32Array(1)) (src/platform/clock.ts, randomSeed); every other use of
 * getRandomValues (the passphrase salt, …) is left alone.
 */
export async function pinAssessmentSeed(context: BrowserContext, seed: number): Promise<void> {
  await context.addInitScript((pinned: number) => {
    const original = crypto.getRandomValues.bind(crypto)
    crypto.getRandomValues = ((array: ArrayBufferView) => {
      if (array instanceof Uint32Array && array.length === 1) {
        array[0] = pinned
        return array
      }
      return original(array as Parameters<typeof original>[0])
    }) as typeof crypto.getRandomValues
  }, seed)
}

/** What the learner saw on the result page right after submitting. */
export interface SeenResult {
  url: string
  /** "NN%" as shown, as a number. */
  percent: number
  score: number
  max: number
  verdict: string
  /** Free-text questions met (and answered with real text) during the attempt. */
  freeTextAnswered: number
}

/** Reads the score summary of the result page that is open. */
export async function readResult(page: Page): Promise<Omit<SeenResult, 'url' | 'freeTextAnswered'>> {
  const summary = page.locator('.result-summary')
  await summary.waitFor()
  const percent = Number(((await summary.locator('.result-summary__percent').textContent()) ?? '').replace('%', ''))
  const points = (await summary.locator('.result-summary__score > span').nth(1).textContent()) ?? ''
  const match = /^([\d.]+) of ([\d.]+) points$/.exec(points.trim())
  if (match === null) throw new Error(`Unexpected points on the result page: "${points}"`)
  const verdict = ((await summary.locator('.result-summary__verdict').textContent()) ?? '').replace(/^\W+/, '').trim()
  return { percent, score: Number(match[1]), max: Number(match[2]), verdict }
}

/**
 * Starts the assessment, answers every question (real text in free-text boxes, some answer
 * elsewhere), waits for each answer to be saved, submits, and reads the result page.
 */
export async function sitAssessment(page: Page, blueprintId: string, freeText: string): Promise<SeenResult> {
  const submitted = await submitAssessment(page, blueprintId, freeText)
  return { url: submitted.url, ...(await readResult(page)), freeTextAnswered: submitted.freeTextAnswered }
}

/**
 * As `sitAssessment`, up to the result page, without reading a score (a sealed assessment shows
 * none): resolves to the result's path and the free-text questions answered.
 */
export async function submitAssessment(page: Page, blueprintId: string, freeText: string): Promise<Pick<SeenResult, 'url' | 'freeTextAnswered'>> {
  const total = blueprint(blueprintId).draws.reduce((n, d) => n + d.count, 0)
  // A robot answers faster than a person can read; the instructor's import flags an attempt under
  // 2 s an item (src/domain/importTimeChecks.ts). The page's clock runs as usual and is moved on
  // before submitting, as if the learner had taken 3 s an item.
  if (!clocked.has(page.context())) {
    await page.context().clock.install()
    clocked.add(page.context())
  }
  await page.goto(`/course/${COURSE}/assessment/${blueprintId}`)
  await page.getByRole('button', { name: 'Start' }).click()
  let freeTextAnswered = 0
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor()
    const question = page.locator('.assessment-question')
    await shownQuestion(question)
    const box = question.locator('textarea')
    if ((await box.count()) > 0) {
      await box.fill(freeText)
      await page.locator('#assessment-question-heading').click()
      await expect.poll(() => question.locator('.assessment-save__text').textContent(), WAIT).toBe('Saved')
      freeTextAnswered++
    } else {
      await answerAndWaitSaved(page)
    }
    if (n < total) await page.getByRole('button', { name: 'Next', exact: true }).click()
  }
  await expect.poll(() => answeredCount(page), WAIT).toContain(`${total} of ${total} answered`)
  await page.clock.fastForward(total * 3_000)
  await page.getByRole('button', { name: 'Finish and submit…' }).click()
  await page.getByRole('button', { name: 'Submit now' }).click()
  await page.waitForURL(/\/result$/)
  return { url: new URL(page.url()).pathname, freeTextAnswered }
}

const clocked = new WeakSet<BrowserContext>()
const tempDirs: string[] = []

/** A fresh folder for downloads; `removeTempDirs` deletes them all. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'debrief-e2e-'))
  tempDirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Clicks `trigger` and saves the download it starts into `dir`; resolves to its path and name. */
export async function download(page: Page, trigger: Locator, dir: string): Promise<{ path: string; name: string }> {
  const [started] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), trigger.click()])
  const path = join(dir, started.suggestedFilename())
  await started.saveAs(path)
  return { path, name: started.suggestedFilename() }
}

/** Opens instructor mode from the header: sets the passphrase on first use, or types it. */
export async function openInstructorMode(page: Page, passphrase: string, onUnlockPage?: () => Promise<void>): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click()
  await page.getByRole('heading', { level: 1, name: 'Instructor mode' }).waitFor()
  const form = page.locator('form.instructor-unlock')
  await form.waitFor()
  await onUnlockPage?.()
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  const again = page.getByLabel('Type the passphrase again')
  if (await again.count()) await again.fill(passphrase)
  await form.getByRole('button').click()
  await page.getByRole('heading', { level: 1, name: /^Gradebook/ }).waitFor()
}

/** Follows a link of the instructor's navigation (no reload: instructor mode stays unlocked). */
export async function instructorNav(page: Page, label: 'Gradebook' | 'Grade free text' | 'Item statistics' | 'Import results' | 'Regrade'): Promise<void> {
  await page.getByRole('navigation', { name: 'Instructor' }).getByRole('link', { name: label }).click()
}

/** One learner's row in the gradebook table, read at one assessment. */
export interface GradebookRowView {
  name: string
  imported: boolean
  grade: string
  attempts: string
  result: string
}

/** The gradebook rows shown, reading the grade, attempts and result columns of assessment number `index`. */
export async function gradebookRows(page: Page, index: number): Promise<GradebookRowView[]> {
  await page.locator('.gradebook-table').waitFor()
  const rows = await page.locator('tr.gradebook-table__row').all()
  const views: GradebookRowView[] = []
  for (const row of rows) {
    const text = async (selector: string) => ((await row.locator(selector).nth(index).textContent()) ?? '').replace(/\s+/g, ' ').trim()
    views.push({
      name: ((await row.locator('th a').textContent()) ?? '').trim(),
      imported: (await row.locator('.gradebook-table__origin').count()) > 0,
      grade: await text('td[data-column="grade"]'),
      attempts: await text('td[data-column="attempts"]'),
      result: await text('td[data-column="result"]'),
    })
  }
  return views
}

/** A CSV document parsed by RFC 4180 (quoted cells, doubled quotes, CRLF rows). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) throw new Error('The CSV does not end with CRLF.')
  return rows
}

/** gradebook.csv read from disk: checks the BOM, then returns its rows as header-keyed records. */
export function readGradebookCsv(path: string): Record<string, string>[] {
  const bytes = readFileSync(path)
  expect([...bytes.subarray(0, 3)], 'gradebook.csv starts with the UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1))
  if (header === undefined) throw new Error('gradebook.csv is empty')
  for (const row of rows) expect(row).toHaveLength(header.length)
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])))
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Rounded to two decimals, as the gradebook's CSV writes a percent. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/** A grade the instructor gave one free-text answer in the grading queue. */
export interface GivenGrade {
  learner: string
  answer: string
  awarded: number
  outOf: number
  comment: string
  status: string
}

/**
 * Grades every card of the grading queue, oldest first: each criterion gets its full points but
 * the last, which gets half a point less; a comment naming the learner; then "Save grade".
 */
export async function gradeQueue(page: Page, comment: (learner: string) => string): Promise<GivenGrade[]> {
  const given: GivenGrade[] = []
  const cards = page.locator('article.grading-card')
  for (let left = await cards.count(); left > 0; left = await cards.count()) {
    const card = cards.first()
    const learner = ((await card.locator('.grading-card__title').textContent()) ?? '').split(' — ')[0]!.trim()
    const answer = ((await card.locator('.grading-card__answer').textContent()) ?? '').trim()
    const inputs = await card.locator('.grading-card__criterion input[type="number"]').all()
    expect(inputs.length).toBeGreaterThan(0)
    let awarded = 0
    for (const [i, input] of inputs.entries()) {
      const max = Number(await input.getAttribute('max'))
      const points = i === inputs.length - 1 ? max - 0.5 : max
      await input.fill(String(points))
      awarded += points
    }
    const text = comment(learner)
    await card.getByLabel('Comment for the learner').fill(text)
    const total = ((await card.locator('.grading-card__total').textContent()) ?? '').trim()
    const match = /^Points awarded: ([\d.]+) of ([\d.]+)$/.exec(total)
    expect(match, `card total "${total}"`).not.toBeNull()
    expect(Number(match![1])).toBe(awarded)
    await card.getByRole('button', { name: 'Save grade' }).click()
    await expect.poll(() => cards.count(), WAIT).toBe(left - 1)
    const saved = new RegExp(`^Saved\\. ${learner}’s attempt at `)
    await expect.poll(async () => ((await page.locator('.grading-page__status').textContent()) ?? '').trim(), WAIT).toMatch(saved)
    const status = ((await page.locator('.grading-page__status').textContent()) ?? '').trim()
    given.push({ learner, answer, awarded, outOf: Number(match![2]), comment: text, status })
  }
  return given
}
