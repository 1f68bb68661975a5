/**
 * Issue 12's "done when", in Chromium: every attack of the issue replayed against one instructor's
 * device. Two learners sit quizzes on their own devices and download their result files; the
 * instructor imports them in one batch with each attack file (the table below: a copy of a real file
 * edited as a learner can with a text editor and the documented checksum, or a file of the final
 * built from the course in Node). Each attack is refused or flagged with its reason as the page
 * shows it; the gradebook and its CSV still show every honest learner with the score they saw;
 * then the backup takeover and a damaged backup leave all of it as it was.
 */
import { readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { asLearner, deepJson, keepSignature, fixtureFile, forgeGrades, forgeKeys, protoKey, renameVersion, resign, reweight, withPattern } from './attackFiles.ts'
import { expectAccessible, newDevice, newLearner, useBrowser } from './browser.ts'
import { COURSE, createProfile } from './learnerActions.ts'
import {
  blueprint, courseContent, download, gradebookRows, instructorNav, openInstructorMode, pinAssessmentSeed, readGradebookCsv, removeTempDirs,
  seedDrawingFreeText, sitAssessment, tempDir, WAIT, type SeenResult,
} from './instructorActions.ts'
import { unlockSealedAssessments } from '../../scripts/benchImport.ts'

const browser = useBrowser()
afterAll(removeTempDirs)

const PASSPHRASE = 'a long instructor passphrase'
const FLAGGED = '(new learner); 1 attempt flagged and not counted (see the gradebook for why).'

/** One attack: the file the instructor imports, what the import report says of it, and what the gradebook lists for its attempts. */
interface Attack {
  attack: string
  file: string
  bytes: () => Buffer | Promise<Buffer>
  /** Text the file's line in the import report contains (after "<file>: "). */
  report: string[]
  /** Per attempt id: the flag codes listed in the gradebook, and text the listing contains. */
  gradebook?: Record<string, { codes: string[]; text?: string[] }>
}

/** The real files the attacks are made from. */
interface Real {
  ana: string
  anaId: string
  benAttemptId: string
}

const fixture = (row: string, learner: string) => async () => (await fixtureFile(row, learner)).buffer

function attacks({ ana, anaId, benAttemptId }: Real): Attack[] {
  const as = (id: string, name: string, attemptId = `${id}-1`) => asLearner(ana, { id, name }, attemptId)
  const final = (ids: string[], codes: string[], text: string) => Object.fromEntries(ids.map((id) => [id, { codes, text: [text] }]))
  return [
    // attack                        file                  → what the report says                                                        → what the gradebook lists
    { attack: 'forged keys', file: 'forged-keys.json', bytes: () => resign(forgeKeys(as('mal-keys', 'Mal Keys'))),
      report: [`added 1 attempt for Mal Keys ${FLAGGED}`], gradebook: { 'mal-keys-1': { codes: ['snapshot-mismatch'], text: ['differs from version', 'graded from the course\'s copy'] } } },
    { attack: 'full marks in manualGrades, the device signature kept', file: 'signed-edit.json', bytes: () => keepSignature(forgeGrades(JSON.parse(ana) as Record<string, unknown>)),
      report: ['not imported.', 'it was changed after it was signed'] },
    { attack: 'forged grades (full marks in manualGrades)', file: 'forged-grades.json', bytes: () => resign(forgeGrades(as('mal-grades', 'Mal Grades'))),
      report: ['added 1 attempt for Mal Grades (new learner).'], gradebook: { 'mal-grades-1': { codes: [], text: ['grades from the learner\'s device; they do not count unless you accept them'] } } },
    { attack: 're-weighting (1000 points on one item)', file: 'reweighted.json', bytes: () => resign(reweight(as('mal-weights', 'Mal Weights'))),
      report: [`added 1 attempt for Mal Weights ${FLAGGED}`], gradebook: { 'mal-weights-1': { codes: ['snapshot-mismatch'], text: ['its key, points or text were changed'] } } },
    { attack: 'impersonation (another learner\'s id)', file: 'impersonation.json', bytes: () => resign(as(anaId, 'Mallory', 'mal-impersonation-1')),
      report: ['not imported.', `This file names learner "${anaId}", who is already on this device as "Ana"; the file says "Mallory".`, 'choose how to resolve it below'] },
    { attack: 'a claimed attempt id shadowing a real one', file: 'shadow.json', bytes: () => resign(as('mal-shadow', 'Mal Shadow', benAttemptId)),
      report: ['not imported.', `Attempt "${benAttemptId}" is already on this device with other answers or times.`] },
    { attack: 'a "final" of one item', file: 'final-one-item.json', bytes: fixture('a final of one item', 'mal-final-one'),
      report: [`added 1 attempt for mal-final-one ${FLAGGED}`], gradebook: { 'final-one': { codes: ['draw-mismatch'], text: ['do not fit how'] } } },
    { attack: 'six finals where three are allowed', file: 'six-finals.json', bytes: fixture('six finals', 'mal-six'),
      report: ['added 6 attempts for mal-six (new learner); 3 attempts flagged and not counted'], gradebook: final(['final-4', 'final-5', 'final-6'], ['too-many-attempts'], 'which allows 3') },
    { attack: 'submitted two hours after the deadline', file: 'late-submit.json', bytes: fixture('submitted two hours late', 'mal-late'),
      report: [`added 1 attempt for mal-late ${FLAGGED}`], gradebook: { 'two-hours-late': { codes: ['late-submit'], text: ['Submitted 2 h after the deadline'] } } },
    { attack: 'a timed final with deadline: null, five days long', file: 'no-deadline.json', bytes: fixture('a final without a deadline, five days long', 'mal-days'),
      report: [`added 1 attempt for mal-days ${FLAGGED}`], gradebook: { 'no-deadline': { codes: ['missing-deadline'], text: ['30-minute time limit, but the attempt has no deadline'] } } },
    { attack: 'seven answers in 1 ms', file: 'one-ms.json', bytes: fixture('seven answers in 1 ms', 'mal-fast'),
      report: [`added 1 attempt for mal-fast ${FLAGGED}`], gradebook: { 'one-ms': { codes: ['too-fast'], text: ['7 item(s) answered in 1 ms'] } } },
    { attack: 'submitted before started', file: 'before-start.json', bytes: fixture('submitted before started', 'mal-early'),
      report: [`added 1 attempt for mal-early ${FLAGGED}`], gradebook: { 'before-start': { codes: ['submitted-before-start'], text: ['before it started'] } } },
    { attack: 'startedAt 1e20', file: 'far-future.json', bytes: fixture('started in the year 3 billion', 'mal-future'),
      report: ['not imported.', 'not a time between 2000-01-01 and 2100-01-01 UTC', '(at attempts[0].attempt.startedAt)'] },
    { attack: 'ReDoS pattern ^(a+)+$ in a snapshot', file: 'redos.json', bytes: () => resign(withPattern(as('mal-redos', 'Mal Redos'), '^(a+)+$')),
      report: ['not imported.', 'nested quantifiers', '.patterns[0])'] },
    { attack: 'overlapping alternatives (a|aa)+ in a snapshot', file: 'redos-alternatives.json', bytes: () => resign(withPattern(as('mal-alt', 'Mal Alt'), '^(a|aa)+$')),
      report: ['not imported.', 'alternatives can match the same text', '.patterns[0])'] },
    { attack: 'JSON nested 3,000 deep', file: 'deep.json', bytes: deepJson,
      report: ['not imported.', 'This file is nested too deeply to be a result file'] },
    { attack: 'a snapshot keyed __proto__', file: 'proto.json', bytes: () => protoKey(as('mal-proto', 'Mal Proto')),
      report: ['not imported.', 'cannot be used as an id'] },
    { attack: 'a slot at version "constructor" (no snapshot)', file: 'constructor.json', bytes: () => resign(renameVersion(as('mal-ctor', 'Mal Ctor'), 'constructor', false)),
      report: ['not imported.', 'names no snapshot', '(at attempts[0].attempt.slots[0].version)'] },
    { attack: 'a snapshot at version "toString"', file: 'tostring.json', bytes: () => resign(renameVersion(as('mal-tostring', 'Mal ToString'), 'toString', true)),
      report: [`added 1 attempt for Mal ToString ${FLAGGED}`], gradebook: { 'mal-tostring-1': { codes: ['unknown-version', 'snapshot-mismatch'], text: ['at version toString, which this course never published'] } } },
    { attack: 'a name with a bidi override (U+202E) and a reversed word', file: 'bidi-name.json', bytes: () => resign(as('mal-bidi', 'Ann Example\u202E dessap')),
      report: ['added 1 attempt for Ann Example dessap (new learner).'] },
    { attack: 'a name with zero-width characters', file: 'zero-width-name.json', bytes: () => resign(as('mal-zw', '\u200BMal\u200Blo\u2060ry\uFEFF')),
      report: ['added 1 attempt for Mallory (new learner).'] },
    { attack: 'a name of 5,000 characters', file: 'long-name.json', bytes: () => resign(as('mal-long', 'M'.repeat(5000))),
      report: ['not imported.', 'at most 60', '(at learner.name)'] },
  ]
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent(WAIT)) ?? '').replace(/\s+/g, ' ').trim()
const columnOf = (blueprintId: string) => courseContent().blueprints.findIndex((b) => b.id === blueprintId)
const exact = (seen: SeenResult) => (100 * seen.score) / seen.max
const percentIn = (cell: string) => Number(/^([\d.]+)%/.exec(cell)?.[1] ?? NaN)

/** A learner on their own device sits `blueprintId` (a draw without free text, so the score is final) and downloads the result file. */
async function honestLearner(name: string, blueprintId: string, dir: string): Promise<{ seen: SeenResult; path: string; name: string }> {
  const { context, page, errors } = await newDevice(browser())
  context.setDefaultTimeout(15_000)
  await pinAssessmentSeed(context, seedDrawingFreeText(blueprintId, 0).seed)
  await createProfile(page, name)
  const seen = await sitAssessment(page, blueprintId, '')
  await page.goto(`/course/${COURSE}/progress`)
  const file = await download(page, page.getByRole('button', { name: 'Download my results for my instructor' }), dir)
  expect(errors).toEqual([])
  await context.close()
  return { seen, ...file }
}

/** Every honest learner in the gradebook, with the score they saw. */
async function expectHonestGradebook(page: Page, honest: { name: string; blueprintId: string; seen: SeenResult }[]) {
  if ((await page.getByRole('navigation', { name: 'Instructor' }).count()) === 0) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click()
  }
  await instructorNav(page, 'Gradebook')
  await page.getByRole('heading', { level: 1, name: /^Gradebook/ }).waitFor()
  for (const h of honest) {
    await expect.poll(async () => (await gradebookRows(page, columnOf(h.blueprintId))).find((r) => r.name === h.name)?.attempts, WAIT).toBe('1')
    const row = (await gradebookRows(page, columnOf(h.blueprintId))).find((r) => r.name === h.name)!
    expect(Math.abs(percentIn(row.grade) - exact(h.seen)), `${h.name}: ${row.grade} vs ${exact(h.seen)}`).toBeLessThanOrEqual(0.1)
    expect(row.result).toBe(exact(h.seen) >= 100 * blueprint(h.blueprintId).passMark - 1e-9 ? 'Passed' : 'Not passed')
  }
}

async function restore(page: Page, name: string, bytes: Buffer): Promise<string> {
  await page.locator('#restore-file').setInputFiles({ name, mimeType: 'application/json', buffer: bytes })
  await page.getByRole('button', { name: 'Replace with the backup' }).click()
  await page.getByRole('button', { name: 'Replace with the backup' }).waitFor({ state: 'detached' })
  return text(page, '.settings-message')
}

// State shared by the steps below, in order.
const dir = tempDir()
let honest: { name: string; blueprintId: string; seen: SeenResult }[] = []
let real: Real
let instructor: { context: BrowserContext; page: Page; errors: string[] }
let table: Attack[] = []
let backup: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- the whole-device backup, edited by hand below

describe('every attack of issue 12 against one instructor’s device, in Chromium', () => {
  it('two learners sit quizzes on their own devices and download their result files', async () => {
    const ana = await honestLearner('Ana', 'quiz-l3', dir)
    const ben = await honestLearner('Ben', 'quiz-l1', dir)
    honest = [{ name: 'Ana', blueprintId: 'quiz-l3', seen: ana.seen }, { name: 'Ben', blueprintId: 'quiz-l1', seen: ben.seen }]
    const anaText = readFileSync(ana.path, 'utf8')
    const benData = JSON.parse(readFileSync(ben.path, 'utf8')) as { attempts: { attempt: { id: string } }[] }
    real = { ana: anaText, anaId: (JSON.parse(anaText) as { learner: { id: string } }).learner.id, benAttemptId: benData.attempts[0]!.attempt.id }
    table = [
      { attack: 'honest: Ana', file: ana.name, bytes: () => Buffer.from(anaText), report: ['added 1 attempt for Ana (new learner).'] },
      { attack: 'honest: Ben', file: ben.name, bytes: () => readFileSync(ben.path), report: ['added 1 attempt for Ben (new learner).'] },
      ...attacks(real),
    ]
  })

  it('imports the batch: each attack refused or flagged with its reason, each honest file added', async () => {
    instructor = await newLearner(browser(), 'Ines', { width: 1280 })
    const { page } = instructor
    instructor.context.setDefaultTimeout(15_000)
    await openInstructorMode(page, PASSPHRASE)
    await instructorNav(page, 'Import results')
    // The final is sealed: its attacks are graded once the instructor unlocks its items here.
    await unlockSealedAssessments(page)
    const files = await Promise.all(table.map(async (a) => ({ name: a.file, mimeType: 'application/json', buffer: await a.bytes() })))
    await page.locator('#import-files').setInputFiles(files)
    await expect.poll(() => page.locator('.import-report__list > li').count(), { timeout: 60_000 }).toBe(table.length)
    // Every file is reported, in the order given, whatever the files before it did.
    expect(await page.locator('.import-report__list > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-file')))).toEqual(table.map((a) => a.file))
    for (const a of table) {
      const line = await text(page, `.import-report__list li[data-file="${a.file}"]`)
      expect(line.startsWith(`${a.file}: `), `${a.attack}: ${line}`).toBe(true)
      for (const part of a.report) expect(line, a.attack).toContain(part)
    }
    // The two who-is-who conflicts wait side by side for the instructor; nothing of theirs was written.
    expect(await page.locator('.import-conflicts').textContent()).toContain('impersonation.json')
    expect(await page.locator('.import-conflicts').textContent()).toContain('shadow.json')
    await expectAccessible(page, 'import report with every attack')
  })

  it('lists each flagged attempt with its reasons, and the gradebook still shows every honest learner with the score they saw', async () => {
    const { page } = instructor
    await expectHonestGradebook(page, honest)
    for (const a of table) {
      for (const [attemptId, expected] of Object.entries(a.gradebook ?? {})) {
        const item = page.locator(`.flagged__list > li[data-attempt="${attemptId}"]`)
        await item.waitFor(WAIT)
        const codes = await item.locator('[data-flag]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-flag')))
        expect([...new Set(codes)].sort(), `${a.attack}: ${attemptId}`).toEqual([...expected.codes].sort())
        const shown = ((await item.textContent()) ?? '').replace(/\s+/g, ' ')
        for (const part of expected.text ?? []) expect(shown, a.attack).toContain(part)
      }
    }
    // Flagged attempts count nowhere; the learner-device grades do not count either.
    const quiz = await gradebookRows(page, columnOf('quiz-l3'))
    const by = (name: string) => quiz.find((r) => r.name === name)
    expect([by('Mal Keys')?.attempts, by('Mal Weights')?.attempts, by('Mal ToString')?.attempts]).toEqual(['0', '0', '0'])
    expect(percentIn(by('Mal Grades')!.grade)).toBe(percentIn(by('Ana')!.grade))
    // Names as the page shows them: no invisible or bidi character anywhere in the table.
    const names = quiz.map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['Ann Example dessap', 'Mallory']))
    for (const name of names) expect(name).not.toMatch(/[\p{Cf}]/u)
    await expectAccessible(page, 'gradebook after every attack')

    // gradebook.csv downloads and parses, with every honest row and the flags of the forged ones.
    const csv = readGradebookCsv((await download(page, page.getByRole('button', { name: /^Download CSV/ }), dir)).path)
    for (const h of honest) {
      const row = csv.find((r) => r.learner === h.name)
      expect(row, h.name).toBeDefined()
      // The result page shows points to two decimals, so a percent recomputed from them is near, not equal.
      const percent = Number(row![`${blueprint(h.blueprintId).title}: grade %`])
      expect(Math.abs(percent - exact(h.seen))).toBeLessThanOrEqual(0.1)
      expect(Math.round(percent)).toBe(h.seen.percent)
      expect(row!.flags).toBe('')
    }
    expect(csv.find((r) => r.learner === 'Mal Keys')?.flags).toContain('differs from version')
    for (const row of csv) expect(Object.values(row).join(',')).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/)
    expect(instructor.errors).toEqual([])
  })

  it('backup takeover: locked, no whole-device backup, and a restore cannot reset the passphrase', async () => {
    const { page } = instructor
    await page.getByRole('link', { name: 'Your data' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your data on this device' }).waitFor()
    const [whole] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup of the whole device' }).click()])
    backup = JSON.parse(await readFile((await whole.path())!, 'utf8')) as typeof backup
    const device = backup
    expect(JSON.stringify(device)).not.toMatch(/instructorPassphrase|"salt"/)

    await page.reload() // locks instructor mode
    await page.getByRole('heading', { level: 1, name: 'Your data on this device' }).waitFor()
    expect(await page.getByRole('button', { name: 'Download a backup of the whole device' }).count()).toBe(0)
    expect(await page.getByTestId('device-backup-locked').textContent()).toContain('only in instructor mode')
    // The attacker's copy: the whole device without any passphrase row, checksum recomputed.
    const tables = device.tables as Record<string, { key?: string }[]>
    const withoutPassphrase = resign({ ...device, tables: { ...tables, settings: (tables.settings ?? []).filter((s) => s.key !== 'instructorPassphrase') } })
    expect(await restore(page, 'device.json', withoutPassphrase)).toBe(
      'This backup holds other learners’ data or an instructor’s grades, so only an instructor can restore it. Unlock instructor mode (type the passphrase), then try again. Nothing was restored.',
    )
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click()
    await page.getByLabel('Passphrase', { exact: true }).waitFor()
    expect(await page.getByLabel('Type the passphrase again').count(), 'the passphrase is still set').toBe(0)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.locator('form.instructor-unlock').getByRole('button').click()
    await page.getByRole('heading', { level: 1, name: /^Gradebook/ }).waitFor()
    await expectHonestGradebook(page, honest)
  })

  it('a damaged backup: a hand-edited row is refused, missing tables are kept, and nothing honest is lost', async () => {
    const { page } = instructor
    await page.getByRole('link', { name: 'Your data' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your data on this device' }).waitFor()
    const tables = backup.tables as Record<string, Record<string, unknown>[]>
    const anaRow = tables.learners!.findIndex((l) => l.name === 'Ana')
    const spoofed = structuredClone(tables)
    spoofed.learners![anaRow]!.name = 'Ana\u202E dessap'
    const refused = await restore(page, 'edited.json', resign({ ...backup, tables: spoofed }))
    expect(refused).toContain(`row ${anaRow + 1} of "learners": name holds invisible or control characters`)
    expect(refused).toContain('nothing was restored')
    const future = structuredClone(tables)
    future.attempts![0]!.startedAt = 1e20
    expect(await restore(page, 'future.json', resign({ ...backup, tables: future }))).toContain('row 1 of "attempts": startedAt is 100000000000000000000, not a time')

    // A backup holding only some tables replaces those and keeps the others.
    const { attempts: _a, responses: _r, importFlags: _f, manualGrades: _m, gradeHistory: _g, ...some } = tables
    const partial = await restore(page, 'partial.json', resign({ ...backup, tables: some }))
    expect(partial).toBe(`Restored ${tables.learners!.length} profiles and 0 attempts from the backup.`)
    await expectHonestGradebook(page, honest)
    // The restore, unlocked, left the passphrase as it was: after a reload it is asked for, not set anew.
    await page.reload()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click()
    await page.getByLabel('Passphrase', { exact: true }).waitFor()
    expect(await page.getByLabel('Type the passphrase again').count()).toBe(0)
    expect(instructor.errors).toEqual([])
    await instructor.context.close()
  })
})
