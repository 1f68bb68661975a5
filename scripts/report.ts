/**
 * `npx tsx scripts/report.ts <files or folders> --out <dir> [--attempts first|highest|last|all] [--include-pending]
 *   [--lessons lessons --questions questions]` (npm run report)
 *
 * Every attempt is checked against the instructor's course (loaded from --lessons/--questions,
 * the repository's by default) and graded from the course's copy of each item with the course's
 * settings, exactly as the app's import does (src/domain/importBatch.ts): the file's item
 * snapshots, its `assessment` settings and the grades made on the learner's device never count.
 * A flagged attempt is listed with its reasons (the `flags` column; `passed` says `flagged`) and
 * left out of the statistics; each file gets a line on stdout with its flags.
 *
 * Reads learners' result files (a folder is scanned, recursively, for *.json), checks each with
 * the same parser the app uses, grades every attempt from the item snapshots inside the file,
 * and writes into <dir>:
 *   gradebook.csv        one row per attempt (learner, assessment, attempt number, dates, score…;
 *                        passed: true, false, pending, or open for an attempt never submitted)
 *   item-statistics.csv  per assessment and item: Moodle's item statistics over the counted attempts
 *   test-statistics.csv  per assessment: mean, median, SD, skewness, alpha/CIC, error ratio, SE, and
 *                        which attempts were counted
 *   responses.csv        one row per slot of every attempt (unanswered slots included)
 * When some attempt's assessment has certainty (docs/cbm.md), gradebook.csv gains accuracy %, CBM
 * average mark, CBM bonus %, accuracy + bonus %, Brier score and confidence index (before flags;
 * empty for attempts without certainty), responses.csv each answer's certainty and CBM mark, and
 * item-statistics.csv how many counted answers were very sure and wrong and the misconception flag
 * (calibration.ts). Without certainty anywhere the files are exactly as before.
 * An attempt found in several files is counted once (by attempt id). Statistics count the
 * attempts `countedAttempts` (assessmentReport.ts) picks: by default those the assessment's grading
 * method takes its grade from (average → all), or those `--attempts` names; attempts still
 * waiting for an instructor's grade are left out unless `--include-pending`, and then their free
 * text counts with its provisional score (the gradebook counts it as 0 and reports it as pending).
 * An attempt whose file carries no assessment settings counts as graded by its first attempt.
 * A bad file is named on stderr with the reason and skipped, in the order the files were given,
 * whatever it does (a refusal, or anything thrown while reading or grading it): the other files
 * are still read and written. Exit: 0 all good, 1 a file was bad, 2 usage error.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { answerText } from '../src/domain/answerText.ts'
import {
  ATTEMPTS_COUNTED_LABELS, countedAttempts, defaultAttemptsCounted, statisticsAttempts, type AttemptsCounted,
} from '../src/domain/assessmentReport.ts'
import { gradeAttempt, gradingOptions, type AttemptGrade } from '../src/domain/attemptGrading.ts'
import type { AssessmentInfo } from '../src/domain/blueprints.ts'
import { certaintyCells, certaintyFigures, certaintyHeader, confidentWrongByItem } from '../src/domain/certaintyReport.ts'
import { roundTo, toCsv, type CsvCell } from '../src/domain/csv.ts'
import { isoDateTime } from '../src/domain/format.ts'
import { flagsText, type CheckedEntry } from '../src/domain/importBatch.ts'
import type { ImportFlag, InstructorCourse } from '../src/domain/importChecks.ts'
import { snapshotOf } from '../src/domain/own.ts'
import type { ResultAttemptEntry } from '../src/domain/resultFile.ts'
import { quizStatistics } from '../src/domain/statistics.ts'
import type { Attempt, ManualGrade, SavedResponse } from '../src/domain/types.ts'
import { loadInstructorCourses, readAndCheck } from './reportCourse.ts'

export const USAGE = 'Usage: npx tsx scripts/report.ts <result files or folders…> --out <dir> [--attempts first|highest|last|all] [--include-pending] [--lessons DIR --questions DIR]'

/** Which attempts the statistics count (see the top of the file). */
export interface ReportOptions {
  /** Overrides each assessment's grading method. */
  attempts?: AttemptsCounted
  includePending?: boolean
}

export interface ReportIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
}

/**
 * One attempt to report. `flags` and `assessment` (the course's settings) come from the course
 * check; when `flags` is given the attempt was checked, and the file's grades do not count.
 */
export interface ReportEntry {
  learner: { id: string; name: string }
  entry: ResultAttemptEntry
  flags?: ImportFlag[]
  assessment?: CheckedEntry['assessment']
}

interface GradedEntry extends ReportEntry {
  grade: AttemptGrade
  number: number
}

const sha256 = async (text: string): Promise<string> => createHash('sha256').update(text, 'utf8').digest('hex')

async function collectFiles(paths: string[], io: ReportIo): Promise<{ files: string[]; missing: number }> {
  const files: string[] = []
  let missing = 0
  const walk = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true })
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) await walk(join(path, e.name))
      else if (e.name.toLowerCase().endsWith('.json')) files.push(join(path, e.name))
    }
  }
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (info === null) {
      io.stderr(`${path}: not found`)
      missing++
    } else if (info.isDirectory()) await walk(path)
    else files.push(path)
  }
  return { files, missing }
}

/** Grade every attempt in the files; attempt numbers count per learner and assessment by start time. */
function gradeAll(entries: ReportEntry[]): GradedEntry[] {
  const graded = entries.map((e) => {
    const settings = e.flags !== undefined ? e.assessment : e.entry.assessment
    const grade = gradeAttempt(e.entry.attempt, e.entry.responses, e.flags !== undefined ? [] : e.entry.manualGrades ?? [], {
      ...gradingOptions(settings),
      passMark: settings?.passMark ?? 0,
    })
    return { ...e, grade, number: 0 }
  })
  graded.sort((a, b) =>
    a.learner.id.localeCompare(b.learner.id) ||
    a.entry.attempt.sourceId.localeCompare(b.entry.attempt.sourceId) ||
    a.entry.attempt.startedAt - b.entry.attempt.startedAt)
  const counters = new Map<string, number>()
  for (const g of graded) {
    const key = `${g.learner.id}\u0000${g.entry.attempt.sourceId}`
    g.number = (counters.get(key) ?? 0) + 1
    counters.set(key, g.number)
  }
  return graded
}

const GRADEBOOK_HEADER = ['learner id', 'learner', 'assessment', 'attempt', 'attempt id', 'started', 'submitted', 'score', 'max', 'percent', 'passed', 'pending grading', 'flags']
const ITEM_HEADER = ['assessment', 'item', 'attempts', 'facility %', 'sd %', 'discrimination index', 'discriminative efficiency']
const TEST_HEADER = ['assessment', 'attempts', 'mean %', 'median %', 'sd %', 'skewness', 'alpha', 'cic', 'error ratio', 'standard error', 'attempts counted', 'pending included']
const RESPONSE_HEADER = ['learner id', 'learner', 'assessment', 'attempt id', 'item', 'version', 'type', 'objective', 'answer', 'score', 'max', 'state', 'manual', 'flagged', 'saved', 'attempt flags']

/** One assessment's attempts, in the shape `countedAttempts` reads. */
interface StatisticsGroup {
  info: AssessmentInfo
  attempts: Attempt[]
  responses: Map<string, SavedResponse[]>
  manualGrades: Map<string, ManualGrade[]>
}

/**
 * The gradebook's passed column: open for an attempt never submitted (not failed), pending while
 * free text waiting for an instructor could still decide it, true or false, and empty when the
 * file carries no assessment settings to judge by.
 */
function passedText({ entry, flags, assessment }: ReportEntry, grade: AttemptGrade): CsvCell {
  if (flags !== undefined && flags.length > 0) return 'flagged'
  if (entry.attempt.submittedAt === null) return 'open'
  if ((flags !== undefined ? assessment : entry.assessment) === undefined) return ''
  return grade.passed === null ? 'pending' : grade.passed
}

/** The CSV documents for a set of parsed result files (pure apart from the files it is given). */
export function buildReport(entries: ReportEntry[], options: ReportOptions = {}): Record<string, string> {
  const graded = gradeAll(entries)
  // Certainty columns only when some attempt was graded with certainty (docs/cbm.md).
  const certainty = graded.some((g) => g.grade.cbm !== undefined)
  const gradebook: CsvCell[][] = graded.map((g) => [
    g.learner.id, g.learner.name, g.assessment?.title ?? g.entry.assessment?.title ?? g.entry.attempt.sourceId, g.number, g.entry.attempt.id,
    isoDateTime(g.entry.attempt.startedAt), isoDateTime(g.entry.attempt.submittedAt), roundTo(g.grade.score), roundTo(g.grade.max),
    roundTo(g.grade.percent, 2), passedText(g, g.grade), g.grade.pending,
    ...(certainty ? certaintyCells(certaintyFigures([g.grade])) : []), flagsText(g.flags ?? []),
  ])
  const responses: CsvCell[][] = graded.flatMap(({ learner, entry, grade, flags }) =>
    grade.perItem.map((r) => [
      learner.id, learner.name, entry.attempt.sourceId, entry.attempt.id, r.itemId, r.version,
      snapshotOf(entry.attempt, r.version)?.type ?? '', r.objective, answerText(r.response?.answer), roundTo(r.grade.score),
      roundTo(r.grade.max), r.grade.state, r.manual, r.response?.flagged ?? false, isoDateTime(r.response?.savedAt ?? null),
      ...(certainty ? [r.response?.certainty ?? '', r.cbmMark ?? ''] : []), (flags ?? []).map((f) => f.code).join(' '),
    ]))
  const byAssessment = new Map<string, StatisticsGroup>()
  for (const { entry, flags, assessment } of graded) {
    // A flagged attempt is listed, never counted.
    if (flags !== undefined && flags.length > 0) continue
    const id = entry.attempt.sourceId
    const info = (flags !== undefined ? assessment : entry.assessment) ?? { id, title: id, passMark: 0, gradingMethod: 'first' as const }
    const group: StatisticsGroup = byAssessment.get(id) ?? { info, attempts: [], responses: new Map(), manualGrades: new Map() }
    group.attempts.push(entry.attempt)
    group.responses.set(entry.attempt.id, entry.responses)
    group.manualGrades.set(entry.attempt.id, flags !== undefined ? [] : entry.manualGrades ?? [])
    byAssessment.set(id, group)
  }
  const itemRows: CsvCell[][] = []
  const testRows: CsvCell[][] = []
  for (const [assessment, group] of [...byAssessment.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const which = options.attempts ?? defaultAttemptsCounted(group.info.gradingMethod)
    const counted = countedAttempts(group, { ...group.info, id: assessment }, { which, includePending: options.includePending === true })
    const { test, items } = quizStatistics(statisticsAttempts(counted), 'all')
    const confident = confidentWrongByItem(counted.map((c) => c.grade))
    testRows.push([assessment, test.attempts, roundTo(test.mean), roundTo(test.median), roundTo(test.sd), roundTo(test.skewness),
      roundTo(test.alpha), roundTo(test.cic), roundTo(test.errorRatio), roundTo(test.standardError), which, options.includePending === true])
    for (const s of [...items].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
      const wrong = confident.get(s.itemId)
      itemRows.push([assessment, s.itemId, s.n, roundTo(s.facility), roundTo(s.sd), roundTo(s.discriminationIndex), roundTo(s.discriminativeEfficiency),
        ...(certainty ? [wrong?.confidentWrong ?? '', wrong === undefined ? '' : wrong.flagged] : [])])
    }
  }
  const withCertainty = (header: readonly string[], extra: readonly string[], before = 1) => (certainty ? [...header.slice(0, header.length - before), ...extra, ...header.slice(header.length - before)] : [...header])
  return {
    'gradebook.csv': toCsv(withCertainty(GRADEBOOK_HEADER, certaintyHeader()), gradebook),
    'item-statistics.csv': toCsv(withCertainty(ITEM_HEADER, ['very sure and wrong', 'misconception flag'], 0), itemRows),
    'test-statistics.csv': toCsv(TEST_HEADER, testRows),
    'responses.csv': toCsv(withCertainty(RESPONSE_HEADER, ['certainty', 'CBM mark']), responses),
  }
}

const defaultIo: ReportIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
}

/** Run the command; resolves to the exit code. `courses` replaces the ones --lessons/--questions name (tests). */
export async function main(argv: string[], io: ReportIo = defaultIo, courses?: ReadonlyMap<string, InstructorCourse>): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, attempts: { type: 'string' }, 'include-pending': { type: 'boolean' }, lessons: { type: 'string', default: 'lessons' }, questions: { type: 'string', default: 'questions' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  if (parsed.values.help === true) {
    io.stdout(USAGE)
    return 0
  }
  const out = parsed.values.out
  if (out === undefined || out === '' || parsed.positionals.length === 0) {
    io.stderr(USAGE)
    return 2
  }
  const attempts = parsed.values.attempts
  if (attempts !== undefined && !Object.hasOwn(ATTEMPTS_COUNTED_LABELS, attempts)) {
    io.stderr(`--attempts must be one of ${Object.keys(ATTEMPTS_COUNTED_LABELS).join(', ')}, not "${attempts}"\n${USAGE}`)
    return 2
  }
  const options: ReportOptions = { attempts: attempts as AttemptsCounted | undefined, includePending: parsed.values['include-pending'] === true }
  const loaded = courses !== undefined ? { courses } : loadInstructorCourses(parsed.values.lessons, parsed.values.questions)
  if ('error' in loaded) {
    io.stderr(loaded.error)
    return 2
  }
  const known = loaded.courses
  const { files, missing } = await collectFiles(parsed.positionals, io)
  let bad = missing
  const read = await readAndCheck(files, known, io, sha256)
  bad += read.bad
  const entries = read.entries
  await mkdir(out, { recursive: true })
  for (const [name, text] of Object.entries(buildReport(entries, options))) await writeFile(join(out, name), text, 'utf8')
  io.stdout(`${files.length - (bad - missing)} of ${files.length + missing} file(s) read, ${entries.length} attempt(s); wrote ${resolve(out)}`)
  return bad > 0 ? 1 : 0
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code })
}
