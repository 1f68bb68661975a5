/**
 * `npx tsx scripts/report.ts <files or folders> --out <dir> [--attempts first|highest|last|all] [--include-pending]`
 * (npm run report)
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
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { answerText } from '../src/domain/answerText.ts'
import {
  ATTEMPTS_COUNTED_LABELS, countedAttempts, defaultAttemptsCounted, statisticsAttempts, type AttemptsCounted,
} from '../src/domain/assessmentReport.ts'
import { gradeAttempt, type AttemptGrade } from '../src/domain/attemptGrading.ts'
import type { AssessmentInfo } from '../src/domain/blueprints.ts'
import { roundTo, toCsv, type CsvCell } from '../src/domain/csv.ts'
import { isoDateTime } from '../src/domain/format.ts'
import { parseResultFile, type ResultAttemptEntry } from '../src/domain/resultFile.ts'
import { quizStatistics } from '../src/domain/statistics.ts'
import type { Attempt, ManualGrade, SavedResponse } from '../src/domain/types.ts'
import { snapshotOf } from '../src/domain/own.ts'

export const USAGE = 'Usage: npx tsx scripts/report.ts <result files or folders…> --out <dir> [--attempts first|highest|last|all] [--include-pending]'

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

interface GradedEntry {
  learner: { id: string; name: string }
  entry: ResultAttemptEntry
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

/** One attempt of a file, with its grade when the reader has already computed it. */
export interface ReportEntry {
  learner: { id: string; name: string }
  entry: ResultAttemptEntry
  grade?: AttemptGrade
}

const gradeOf = (entry: ResultAttemptEntry): AttemptGrade =>
  gradeAttempt(entry.attempt, entry.responses, entry.manualGrades ?? [], {
    passMark: entry.assessment?.passMark ?? 0,
    negativeMarking: entry.assessment?.negativeMarking ?? false,
  })

/** Grade every attempt in the files; attempt numbers count per learner and assessment by start time. */
function gradeAll(entries: ReportEntry[]): GradedEntry[] {
  const graded = entries.map(({ learner, entry, grade }) => ({ learner, entry, grade: grade ?? gradeOf(entry), number: 0 }))
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

const GRADEBOOK_HEADER = ['learner id', 'learner', 'assessment', 'attempt', 'attempt id', 'started', 'submitted', 'score', 'max', 'percent', 'passed', 'pending grading']
const ITEM_HEADER = ['assessment', 'item', 'attempts', 'facility %', 'sd %', 'discrimination index', 'discriminative efficiency']
const TEST_HEADER = ['assessment', 'attempts', 'mean %', 'median %', 'sd %', 'skewness', 'alpha', 'cic', 'error ratio', 'standard error', 'attempts counted', 'pending included']
const RESPONSE_HEADER = ['learner id', 'learner', 'assessment', 'attempt id', 'item', 'version', 'type', 'objective', 'answer', 'score', 'max', 'state', 'manual', 'flagged', 'saved']

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
function passedText(entry: ResultAttemptEntry, grade: AttemptGrade): CsvCell {
  if (entry.attempt.submittedAt === null) return 'open'
  if (entry.assessment === undefined) return ''
  return grade.passed === null ? 'pending' : grade.passed
}

/** The CSV documents for a set of parsed result files (pure apart from the files it is given). */
export function buildReport(entries: ReportEntry[], options: ReportOptions = {}): Record<string, string> {
  const graded = gradeAll(entries)
  const gradebook: CsvCell[][] = graded.map(({ learner, entry, grade, number }) => [
    learner.id, learner.name, entry.assessment?.title ?? entry.attempt.sourceId, number, entry.attempt.id,
    isoDateTime(entry.attempt.startedAt), isoDateTime(entry.attempt.submittedAt), roundTo(grade.score), roundTo(grade.max),
    roundTo(grade.percent, 2), passedText(entry, grade), grade.pending,
  ])
  const responses: CsvCell[][] = graded.flatMap(({ learner, entry, grade }) =>
    grade.perItem.map((r) => [
      learner.id, learner.name, entry.attempt.sourceId, entry.attempt.id, r.itemId, r.version,
      snapshotOf(entry.attempt, r.version)?.type ?? '', r.objective, answerText(r.response?.answer), roundTo(r.grade.score),
      roundTo(r.grade.max), r.grade.state, r.manual, r.response?.flagged ?? false, isoDateTime(r.response?.savedAt ?? null),
    ]))
  const byAssessment = new Map<string, StatisticsGroup>()
  for (const { entry } of graded) {
    const id = entry.attempt.sourceId
    const group: StatisticsGroup = byAssessment.get(id) ?? { info: entry.assessment ?? { id, title: id, passMark: 0, gradingMethod: 'first' }, attempts: [], responses: new Map(), manualGrades: new Map() }
    group.attempts.push(entry.attempt)
    group.responses.set(entry.attempt.id, entry.responses)
    group.manualGrades.set(entry.attempt.id, entry.manualGrades ?? [])
    byAssessment.set(id, group)
  }
  const itemRows: CsvCell[][] = []
  const testRows: CsvCell[][] = []
  for (const [assessment, group] of [...byAssessment.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const which = options.attempts ?? defaultAttemptsCounted(group.info.gradingMethod)
    const counted = countedAttempts(group, { ...group.info, id: assessment }, { which, includePending: options.includePending === true })
    const { test, items } = quizStatistics(statisticsAttempts(counted), 'all')
    testRows.push([assessment, test.attempts, roundTo(test.mean), roundTo(test.median), roundTo(test.sd), roundTo(test.skewness),
      roundTo(test.alpha), roundTo(test.cic), roundTo(test.errorRatio), roundTo(test.standardError), which, options.includePending === true])
    for (const s of [...items].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
      itemRows.push([assessment, s.itemId, s.n, roundTo(s.facility), roundTo(s.sd), roundTo(s.discriminationIndex), roundTo(s.discriminativeEfficiency)])
    }
  }
  return {
    'gradebook.csv': toCsv(GRADEBOOK_HEADER, gradebook),
    'item-statistics.csv': toCsv(ITEM_HEADER, itemRows),
    'test-statistics.csv': toCsv(TEST_HEADER, testRows),
    'responses.csv': toCsv(RESPONSE_HEADER, responses),
  }
}

const defaultIo: ReportIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
}

/**
 * Read, check and grade one file. Whatever the file does — a refusal, or anything thrown while
 * reading or grading it — is this file's reason, so the files after it are still reported.
 */
async function readOne(file: string): Promise<{ ok: true; entries: ReportEntry[] } | { ok: false; reason: string }> {
  try {
    const result = await parseResultFile(await readFile(file, 'utf8'), { sha256 })
    if (!result.ok) return { ok: false, reason: `${result.error.code}: ${result.error.message}${result.error.path !== undefined ? ` (at ${result.error.path})` : ''}` }
    return { ok: true, entries: result.file.attempts.map((entry) => ({ learner: result.file.learner, entry, grade: gradeOf(entry) })) }
  } catch (error) {
    return { ok: false, reason: `error: this file could not be read or graded (${error instanceof Error ? error.message : String(error)}); it was skipped` }
  }
}

/** Run the command; resolves to the exit code. */
export async function main(argv: string[], io: ReportIo = defaultIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, attempts: { type: 'string' }, 'include-pending': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
  const { files, missing } = await collectFiles(parsed.positionals, io)
  let bad = missing
  const seen = new Set<string>()
  const entries: ReportEntry[] = []
  for (const file of files) {
    const read = await readOne(file)
    if (!read.ok) {
      io.stderr(`${file}: ${read.reason}`)
      bad++
      continue
    }
    for (const graded of read.entries) {
      if (seen.has(graded.entry.attempt.id)) continue
      seen.add(graded.entry.attempt.id)
      entries.push(graded)
    }
  }
  await mkdir(out, { recursive: true })
  for (const [name, text] of Object.entries(buildReport(entries, options))) await writeFile(join(out, name), text, 'utf8')
  io.stdout(`${files.length - (bad - missing)} of ${files.length + missing} file(s) read, ${entries.length} attempt(s); wrote ${resolve(out)}`)
  return bad > 0 ? 1 : 0
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code })
}
