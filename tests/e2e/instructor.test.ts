/**
 * Issue 7's end-to-end test: two learners sit a quiz on two devices (two browser contexts,
 * so two IndexedDBs), one exports a result file, the instructor imports it on the other device,
 * grades the free text and exports a gradebook CSV whose rows match what the learners saw.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { expectAccessible, newDevice, newLearner, useBrowser, type Device } from './browser.ts'
import { COURSE, createProfile } from './learnerActions.ts'
import {
  blueprint, courseContent, download, gradebookRows, gradeQueue, instructorNav, ISO_DATE, openInstructorMode, pinAssessmentSeed,
  readGradebookCsv, readResult, removeTempDirs, round2, seedDrawingFreeText, sitAssessment, tempDir, WAIT, type SeenResult,
} from './instructorActions.ts'

const PASSPHRASE = 'a long instructor passphrase'
const ANA_TEXT = 'The brief reports the deployment as likely, not confirmed: “reportedly” marks a fact still unverified, while “likely” is the authors’ judgment.'
const BEN_TEXT = 'North Korea keeps the force small to limit defections and outside ideas, and gains combat experience and Russian technology in return.'
const EXPORT_BUTTON = 'Download my results for my instructor'
/** The assessment both learners sit: a quiz with a free-text item in its bank. */
const QUIZ = 'quiz-l4'

const browser = useBrowser()
afterAll(removeTempDirs)

/**
 * The result page shows points to two decimals and the percent rounded, so a percent recomputed
 * from what the learner saw can differ from the app's exact one by display rounding only.
 */
/** A new device whose assessments draw with `seed`, on which `name` has just made a profile. */
async function learnerDrawing(name: string, seed: number, width?: number): Promise<Device> {
  const device = await newDevice(browser(), { width })
  device.context.setDefaultTimeout(15_000)
  await pinAssessmentSeed(device.context, seed)
  await createProfile(device.page, name)
  return device
}

function expectNear(actual: number, expected: number, tolerance: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual} is not within ${tolerance} of ${expected}`).toBeLessThanOrEqual(tolerance)
}

/** "29.3% (1 to grade)" → [29.3, "(1 to grade)"]. */
function gradeCell(text: string): [number, string] {
  const match = /^([\d.]+)%\s*(.*)$/.exec(text)
  if (match === null) throw new Error(`Unexpected grade cell "${text}"`)
  return [Number(match[1]), match[2]!]
}

/** Normalised text of the import report's line for `fileName`. */
async function reportLine(page: Page, fileName: string): Promise<string> {
  const line = page.locator(`.import-report__list li[data-file="${fileName}"]`)
  return ((await line.textContent(WAIT)) ?? '').replace(/\s+/g, ' ').trim()
}

/** The learner's result file from their progress page, saved into `dir`. */
async function exportResults(page: Page, dir: string, attempts: number) {
  await page.goto(`/course/${COURSE}/progress`)
  const file = await download(page, page.getByRole('button', { name: EXPORT_BUTTON }), dir)
  await expect
    .poll(() => page.locator('.result-export__status').textContent(), WAIT)
    .toBe(`Your result file is downloading, with ${attempts} submitted attempt${attempts === 1 ? '' : 's'}. Give it to your instructor.`)
  return file
}

describe('instructor review across two devices in Chromium', () => {
  it('imports a result file, grades the free text, and exports a CSV matching what the learners saw', async () => {
    const dir = tempDir()
    // A quiz, not the final: the final is sealed (tests/e2e/sealed.test.ts), so its learners see no
    // score to compare with. The quiz's draws can miss its free-text item, so each device's draw is
    // pinned to a seed the engine says draws it.
    const quiz = blueprint(QUIZ)
    const quizColumn = courseContent().blueprints.findIndex((b) => b.id === QUIZ)
    const anaDraw = seedDrawingFreeText(QUIZ, 1)
    const benDraw = seedDrawingFreeText(QUIZ, 1, anaDraw.seed + 1)

    // Device A: Ana sits the quiz and downloads her result file.
    const { context: deviceA, page: pageA, errors: errorsA } = await learnerDrawing('Ana', anaDraw.seed)
    const ana = await sitAssessment(pageA, QUIZ, ANA_TEXT)
    expect(ana.freeTextAnswered).toBe(1)
    expect(ana.verdict).toBe('Not decided yet — you needed 70%')
    await expect.poll(() => pageA.locator('.result-summary__pending').textContent(), WAIT).toBe('1 answer is waiting for your instructor; your score may go up.')
    const anaFile = await exportResults(pageA, dir, 1)
    expect(anaFile.name).toMatch(/^debrief-nk-troops-ukraine-ana-\d{4}-\d{2}-\d{2}\.json$/)
    const exported = JSON.parse(readFileSync(anaFile.path, 'utf8')) as {
      learner: { name: string }
      attempts: { attempt: { seed: number; sourceId: string; slots: { itemId: string }[] } }[]
    }
    expect(exported.learner.name).toBe('Ana')
    expect(exported.attempts).toHaveLength(1)
    expect(exported.attempts[0]!.attempt.sourceId).toBe(QUIZ)
    expect(exported.attempts[0]!.attempt.seed).toBe(anaDraw.seed)
    expect(exported.attempts[0]!.attempt.slots.map((s) => s.itemId)).toEqual(expect.arrayContaining(anaDraw.freeTextItems))
    expect(errorsA).toEqual([])
    await deviceA.close()

    // Device B: Ben sits the quiz on this device; Cleo has a profile here too but sits nothing.
    const { context: deviceB, page, errors } = await learnerDrawing('Ben', benDraw.seed, 1280)
    const ben = await sitAssessment(page, QUIZ, BEN_TEXT)
    expect(ben.freeTextAnswered).toBe(1)
    expect(ben.verdict).toBe('Not decided yet — you needed 70%')
    await page.goto('/profiles')
    await page.getByLabel('Your name').fill('Cleo')
    await page.getByRole('button', { name: 'Start learning' }).click()
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()

    // Instructor mode: a passphrase set on first use; only this device's learners so far.
    await openInstructorMode(page, PASSPHRASE, () => expectAccessible(page, 'instructor unlock'))
    expect((await gradebookRows(page, quizColumn)).map((r) => r.name)).toEqual(['Ben', 'Cleo'])

    // Import Ana's file, then the same file again: the second time adds nothing.
    await instructorNav(page, 'Import results')
    await page.getByRole('heading', { level: 1, name: 'Import results from other devices' }).waitFor()
    await expectAccessible(page, 'instructor import')
    await page.locator('#import-files').setInputFiles(anaFile.path)
    expect(await reportLine(page, anaFile.name)).toBe(`${anaFile.name}: added 1 attempt for Ana (new learner).`)
    await expectAccessible(page, 'instructor import with a report')
    await page.locator('#import-files').setInputFiles(anaFile.path)
    await expect.poll(() => reportLine(page, anaFile.name), WAIT).toBe(`${anaFile.name}: nothing new for Ana; 1 attempt already imported.`)

    // The gradebook shows both learners, each with the score they saw and the free text waiting.
    const exact = (seen: SeenResult, extra = 0) => (100 * (seen.score + extra)) / seen.max
    await instructorNav(page, 'Gradebook')
    await expect.poll(async () => (await gradebookRows(page, quizColumn)).map((r) => r.name), WAIT).toEqual(['Ana', 'Ben', 'Cleo'])
    const shownBefore = await gradebookRows(page, quizColumn)
    expect(shownBefore.map(({ grade: _grade, ...rest }) => rest)).toEqual([
      { name: 'Ana', imported: true, attempts: '1', result: 'Waiting for grading' },
      { name: 'Ben', imported: false, attempts: '1', result: 'Waiting for grading' },
      { name: 'Cleo', imported: false, attempts: '0', result: '—' },
    ])
    for (const [row, seen] of [[shownBefore[0]!, ana], [shownBefore[1]!, ben]] as const) {
      const [value, note] = gradeCell(row.grade)
      expectNear(value, exact(seen), 0.1, `${row.name}'s grade in the gradebook`)
      expect(note).toBe(`(${seen.freeTextAnswered} to grade)`)
    }
    expect(shownBefore[2]!.grade).toBe('—')
    await expectAccessible(page, 'instructor gradebook')

    // gradebook.csv before grading: exactly what each learner saw on their result page.
    const csvBefore = readGradebookCsv((await download(page, page.getByRole('button', { name: 'Download CSV (3 learners)' }), tempDir())).path)
    const col = (name: string) => `${quiz.title}: ${name}`
    expect(csvBefore.map((r) => [r.learner, r.origin])).toEqual([['Ana', 'imported'], ['Ben', 'local'], ['Cleo', 'local']])
    for (const [row, seen] of [[csvBefore[0]!, ana], [csvBefore[1]!, ben]] as const) {
      expectNear(Number(row[col('grade %')]), exact(seen), 0.05, `${row.learner}'s grade % in the CSV`)
      expect(Math.round(Number(row[col('grade %')]))).toBe(seen.percent)
      expect(row[col('attempts')]).toBe('1')
      expect(row[col('result')]).toBe('pending')
      expect(row[col('pending grading')]).toBe(String(seen.freeTextAnswered))
      expect(row[col('last activity')]).toMatch(ISO_DATE)
      expect(row['last activity']).toMatch(ISO_DATE)
    }
    expect([csvBefore[2]![col('grade %')], csvBefore[2]![col('attempts')], csvBefore[2]![col('result')], csvBefore[2]!['last activity']]).toEqual(['', '0', '', ''])

    // Grade the free text: every criterion scored, a comment, saved; Ana's first (she submitted first).
    await instructorNav(page, 'Grade free text')
    await page.getByRole('heading', { level: 1, name: 'Grade free-text answers' }).waitFor()
    await expect.poll(() => page.getByText(/answers? to grade, oldest first/).textContent(), WAIT).toContain('2 answers to grade')
    await expectAccessible(page, 'instructor grading')
    const given = await gradeQueue(page, (learner) => `Well argued, ${learner}: next time quote the brief’s own words.`)
    expect(given.map((g) => [g.learner, g.answer])).toEqual([['Ana', ANA_TEXT], ['Ben', BEN_TEXT]])
    await page.getByText('Nothing to grade: every free-text answer of a submitted attempt has a grade.').waitFor()
    await expectAccessible(page, 'instructor grading, queue empty')
    const awarded = (learner: string) => given.filter((g) => g.learner === learner).reduce((sum, g) => sum + g.awarded, 0)
    const outcome = (seen: SeenResult, extra: number) => ((seen.score + extra) / seen.max >= quiz.passMark - 1e-9 ? 'passed' : 'failed')
    for (const [learner, seen] of [['Ana', ana], ['Ben', ben]] as const) {
      const last = given.filter((g) => g.learner === learner).at(-1)!
      const words = outcome(seen, awarded(learner)) === 'passed' ? 'passed' : 'not passed'
      const title = quiz.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const match = new RegExp(`^Saved\\. ${learner}’s attempt at ${title} now scores ([\\d.]+) of ([\\d.]+) \\(([\\d.]+)%\\): ${words}\\.$`).exec(last.status)
      expect(match, last.status).not.toBeNull()
      expect([Number(match![1]), Number(match![2])]).toEqual([round2(seen.score + awarded(learner)), seen.max])
      expectNear(Number(match![3]), exact(seen, awarded(learner)), 0.05, `${learner}'s percent after grading`)
    }

    // The gradebook and its CSV carry the instructor's points and the new pass or fail.
    await instructorNav(page, 'Gradebook')
    const resultWord = (o: string) => (o === 'passed' ? 'Passed' : 'Not passed')
    await expect.poll(async () => (await gradebookRows(page, quizColumn)).map(({ grade: _grade, ...rest }) => rest), WAIT).toEqual([
      { name: 'Ana', imported: true, attempts: '1', result: resultWord(outcome(ana, awarded('Ana'))) },
      { name: 'Ben', imported: false, attempts: '1', result: resultWord(outcome(ben, awarded('Ben'))) },
      { name: 'Cleo', imported: false, attempts: '0', result: '—' },
    ])
    const shownAfter = await gradebookRows(page, quizColumn)
    for (const [row, seen] of [[shownAfter[0]!, ana], [shownAfter[1]!, ben]] as const) {
      const [value, note] = gradeCell(row.grade)
      expectNear(value, exact(seen, awarded(row.name)), 0.1, `${row.name}'s graded grade in the gradebook`)
      expect(note).toBe('')
    }
    const csvPath = (await download(page, page.getByRole('button', { name: 'Download CSV (3 learners)' }), tempDir())).path
    expect(readFileSync(csvPath, 'utf8')).toMatch(/\r\n$/)
    const csvAfter = readGradebookCsv(csvPath)
    for (const [row, seen, learner] of [[csvAfter[0]!, ana, 'Ana'], [csvAfter[1]!, ben, 'Ben']] as const) {
      expect(row.learner).toBe(learner)
      expectNear(Number(row[col('grade %')]), exact(seen, awarded(learner)), 0.05, `${learner}'s graded grade % in the CSV`)
      expect(row[col('result')]).toBe(outcome(seen, awarded(learner)))
      expect(row[col('pending grading')]).toBe('0')
      expect(row[col('last activity')]).toMatch(ISO_DATE)
    }

    // Ana's page: her imported attempt, with the instructor's grade on her free text.
    await page.locator('tr.gradebook-table__row').filter({ hasText: 'Ana' }).getByRole('link', { name: 'Ana' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ana' }).waitFor()
    await page.getByText('Results imported from another device.').waitFor()
    const anaScore = round2(ana.score + awarded('Ana'))
    await expect.poll(() => page.locator('.attempt-review__facts').textContent(), WAIT).toContain(`Score${anaScore} of ${ana.max} (`)
    await page.getByRole('button', { name: 'Show the answers' }).click()
    await expect.poll(() => page.getByText('(graded by an instructor)').count(), WAIT).toBe(1)
    await page.getByText(given[0]!.comment).waitFor()
    await expectAccessible(page, 'instructor learner page')

    await instructorNav(page, 'Item statistics')
    // The page opens on the final; the learners sat the quiz.
    await page.getByLabel('Assessment', { exact: true }).selectOption(QUIZ)
    await page.getByRole('heading', { level: 2, name: 'The assessment' }).waitFor()
    await expectAccessible(page, 'instructor statistics')

    // Back to learning: switch to Ben, whose result now shows the instructor's grade and comments.
    await page.getByRole('button', { name: 'Lock instructor mode' }).click()
    await page.goto('/profiles')
    await page.getByRole('button', { name: 'Ben', exact: true }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/profiles'))
    await page.goto(ben.url)
    const benNow = await readResult(page)
    const benScore = round2(ben.score + awarded('Ben'))
    expectNear(benNow.percent, exact(ben, awarded('Ben')), 0.51, 'Ben’s percent on his result page')
    expect(benNow).toEqual({
      percent: benNow.percent,
      score: benScore,
      max: ben.max,
      verdict: `${outcome(ben, awarded('Ben')) === 'passed' ? 'Passed' : 'Not passed'} — you needed 70%`,
    })
    expect(await page.locator('.result-summary__pending').count()).toBe(0)
    const benGrades = given.filter((g) => g.learner === 'Ben')
    // The quiz shows feedback after each attempt, so the instructor's points and comment are on the
    // graded answer itself (a final would list them apart, AssessmentResultPage.vue).
    const state = (g: (typeof benGrades)[number]) => (g.awarded === g.outOf ? 'Correct' : g.awarded === 0 ? 'Not quite' : `Partly right — ${g.awarded} of ${g.outOf}`)
    for (const g of benGrades) {
      const answer = page.locator('.answer-list__item').filter({ hasText: g.comment })
      await expect.poll(() => answer.count(), WAIT).toBe(1)
      expect(((await answer.locator('.question-feedback__state').textContent()) ?? '').trim()).toBe(state(g))
    }
    await expectAccessible(page, 'result with the instructor’s grades')
    expect(errors).toEqual([])
    await deviceB.close()
  })

  it('refuses a result file with one byte changed, says why, and changes nothing', async () => {
    const dir = tempDir()
    const { context: deviceA, page: pageA } = await newLearner(browser(), 'Ana')
    deviceA.setDefaultTimeout(15_000)
    await sitAssessment(pageA, 'quiz-l0', ANA_TEXT)
    const good = await exportResults(pageA, dir, 1)
    await deviceA.close()

    // One byte of the learner's name changed: still JSON, still well formed, but not what was exported.
    const bytes = readFileSync(good.path)
    const at = bytes.indexOf('"name": "Ana"') + '"name": "A'.length
    expect(String.fromCharCode(bytes[at]!)).toBe('n')
    const altered = Buffer.from(bytes)
    altered[at] = 'm'.charCodeAt(0)

    const { context: deviceB, page, errors } = await newLearner(browser(), 'Ben', { width: 1280 })
    deviceB.setDefaultTimeout(15_000)
    await openInstructorMode(page, PASSPHRASE)
    const rowsBefore = await gradebookRows(page, 0)
    const before = await page.locator('main').innerText()
    expect(rowsBefore.map((r) => r.name)).toEqual(['Ben'])

    await instructorNav(page, 'Import results')
    await page.locator('#import-files').setInputFiles({ name: good.name, mimeType: 'application/json', buffer: altered })
    expect(await reportLine(page, good.name)).toBe(
      `${good.name}: not imported. This result file was changed or damaged after it was exported (its checksum does not match). Ask the learner to export it again. (at checksum)`,
    )
    expect(await page.locator('.import-report__ok').count()).toBe(0)
    await expectAccessible(page, 'instructor import, file refused')

    await instructorNav(page, 'Gradebook')
    await page.locator('.gradebook-table').waitFor()
    expect(await gradebookRows(page, 0)).toEqual(rowsBefore)
    expect(await page.locator('main').innerText()).toBe(before)

    // The untouched file imports: the refusal was about the changed byte.
    await instructorNav(page, 'Import results')
    await page.locator('#import-files').setInputFiles(good.path)
    expect(await reportLine(page, good.name)).toBe(`${good.name}: added 1 attempt for Ana (new learner).`)
    expect(errors).toEqual([])
    await deviceB.close()
  })
})
