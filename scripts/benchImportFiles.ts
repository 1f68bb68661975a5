/**
 * The result files the import bench reads (issue 12 §9): `count` learners of the real course, each
 * with 5 submitted attempts (the final and four lesson quizzes) drawn by the real assembly
 * (`startAttempt`: the blueprint's draws, the slots' option orders, the item snapshots), answered
 * by the bench's blind guesser (scripts/guessers.ts) with a typed answer of a few sentences for
 * free text, an answer every 30 s, pretty-printed and with a correct checksum, as the learner's
 * device writes them (`createResultFile`, `serializeResultFile`).
 *
 * About 2 % are hostile or flagged, spread through the batch, one kind each in turn:
 * forged keys (flagged), a ReDoS pattern in a snapshot (flagged), a fourth final (flagged),
 * a bad checksum (refused), JSON nested 4.9 million characters deep (refused before parsing),
 * not JSON (refused), a start in the year 3 billion (refused), the same learner under another
 * name (kept back as a conflict), and a copy of an earlier file (already imported).
 * Deterministic: the same count gives the same files.
 */
import { createHash } from 'node:crypto'
import { loadContent } from '../src/content/loader.ts'
import { publicCourseItems } from '../src/content/sealedBuild.ts'
import { submitAttempt } from '../src/domain/attempt.ts'
import { startAttempt } from '../src/domain/attemptStart.ts'
import { assessmentInfo } from '../src/domain/blueprints.ts'
import { canonicalJson } from '../src/domain/canonicalJson.ts'
import { createRng, deriveSeed, type Rng } from '../src/domain/random.ts'
import { createResultFile, serializeResultFile, type ResultAttemptEntry } from '../src/domain/resultFile.ts'
import { snapshotOf } from '../src/domain/own.ts'
import type { Answer, Course, SavedResponse, VersionedItem } from '../src/domain/types.ts'
import { blindGuesser } from './guessers.ts'

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
/** When the bench's learners sat their attempts: a day apart, well before the import. */
export const BENCH_T0 = Date.UTC(2026, 10, 2, 9)
export const BENCH_NOW = BENCH_T0 + 30 * 86_400_000

export const HOSTILE_KINDS = ['forged-keys', 'redos-pattern', 'fourth-final', 'bad-checksum', 'deep-json', 'not-json', 'far-future', 'other-name', 'copy'] as const
export type BenchFileKind = 'honest' | (typeof HOSTILE_KINDS)[number]

export interface BenchFile {
  name: string
  text: string
  kind: BenchFileKind
}

const TYPED = 'The brief reports that the troops were deployed under the mutual defence treaty, but it does not confirm their number; it judges the move a calculated one, aimed at technology and hard currency rather than at solidarity.'

function answerFor(item: VersionedItem, slot: Parameters<typeof blindGuesser>[1], rng: Rng): Answer | null {
  if (item.type === 'freetext') return { type: 'freetext', text: `${TYPED} ${TYPED}` }
  if (item.type === 'short') return { type: 'short', text: 'reported, not confirmed' }
  return blindGuesser(item, slot, rng)
}

/** The banks as a learner's device holds them: sealed items (the final's) as stubs, as the build ships them. */
const learnerBanks = new WeakMap<Course, Course['banks']>()
function banksOnDevice(course: Course): Course['banks'] {
  if (!learnerBanks.has(course)) learnerBanks.set(course, publicCourseItems(course).banks)
  return learnerBanks.get(course)!
}

function sat(course: Course, blueprintId: string, learnerId: string, id: string, seed: number, startedAt: number): ResultAttemptEntry {
  const blueprint = course.blueprints.find((b) => b.id === blueprintId)!
  const attempt = startAttempt({ blueprint, banks: banksOnDevice(course), learnerId, courseId: course.id, attemptId: id, seed, now: startedAt, previousAttempts: [] })
  const rng = createRng(deriveSeed(seed, id))
  const responses: SavedResponse[] = []
  attempt.slots.forEach((slot, i) => {
    const answer = answerFor(snapshotOf(attempt, slot.version)!, slot, rng)
    if (answer !== null) responses.push({ attemptId: id, itemId: slot.itemId, answer, flagged: false, savedAt: startedAt + 30_000 * (i + 1), seq: 1 })
  })
  return { attempt: submitAttempt(attempt, startedAt + 30_000 * attempt.slots.length + 10_000, 'learner'), responses, assessment: assessmentInfo(blueprint) }
}

/** Five attempts of one learner: the final and four of the lesson quizzes, a day apart. */
function learnerAttempts(course: Course, learnerId: string, n: number, finals = n % 5 === 0 ? 1 : 0): ResultAttemptEntry[] {
  const quizzes = course.blueprints.filter((b) => b.id !== 'final').map((b) => b.id)
  const ids = [...Array.from({ length: finals }, () => 'final'), ...Array.from({ length: Math.max(5 - finals, 0) }, (_, k) => quizzes[(n + k) % quizzes.length]!)]
  return ids.map((bp, k) => sat(course, bp, learnerId, `${learnerId}-${bp}-${k}`, 1 + ((n * 7919 + k * 104_729) % 2_000_000_000), BENCH_T0 + (n % 20) * 3_600_000 + k * 86_400_000))
}

function withChecksum(data: Record<string, unknown>): string {
  const { checksum: _old, ...rest } = data
  return serializeResultFile({ ...rest, checksum: `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}` } as never)
}

async function hostile(kind: (typeof HOSTILE_KINDS)[number], course: Course, n: number, earlier: string | undefined): Promise<string> {
  const learnerId = `learner-${String(n).padStart(4, '0')}`
  const honestFile = async (attempts = learnerAttempts(course, learnerId, n), name = `Learner ${n}`) =>
    createResultFile({ courseId: course.id, exportedAt: BENCH_T0 + 20 * 86_400_000, learner: { id: learnerId, name }, attempts }, sha256)
  switch (kind) {
    case 'forged-keys':
    case 'redos-pattern': {
      const file = JSON.parse(JSON.stringify(await honestFile())) as Record<string, unknown> & { attempts: ResultAttemptEntry[] }
      const attempt = file.attempts[0]!.attempt
      for (const slot of attempt.slots) {
        const item = attempt.snapshots[slot.version] as unknown as Record<string, unknown>
        if (kind === 'forged-keys') item.points = 1000
        else item.stem = `${String(item.stem)} ^(a+)+$`
      }
      if (kind === 'redos-pattern') {
        const first = attempt.snapshots[attempt.slots[0]!.version] as unknown as Record<string, unknown>
        Object.assign(first, { type: 'short', accept: ['^(a+)+$'] })
      }
      return withChecksum(file)
    }
    case 'fourth-final':
      return serializeResultFile(await honestFile(learnerAttempts(course, learnerId, n, 4)))
    case 'bad-checksum':
      return serializeResultFile(await honestFile()).replace('"seq": 1', '"seq": 2')
    case 'deep-json':
      return `${'['.repeat(2_450_000)}${']'.repeat(2_450_000)}`
    case 'not-json':
      return serializeResultFile(await honestFile()).slice(0, 40_000)
    case 'far-future': {
      const file = JSON.parse(JSON.stringify(await honestFile())) as { attempts: ResultAttemptEntry[] } & Record<string, unknown>
      file.attempts[0]!.attempt.startedAt = 1e20
      return withChecksum(file)
    }
    case 'other-name': {
      // The learner of the file before, under another name: kept back for the instructor.
      const before = `learner-${String(n - 1).padStart(4, '0')}`
      const attempts = learnerAttempts(course, before, n + 500_000).map((e) => ({ ...e, attempt: { ...e.attempt, id: `${e.attempt.id}-b` }, responses: e.responses.map((r) => ({ ...r, attemptId: `${r.attemptId}-b` })) }))
      return serializeResultFile(await createResultFile({ courseId: course.id, exportedAt: BENCH_T0 + 20 * 86_400_000, learner: { id: before, name: `Someone Else ${n}` }, attempts }, sha256))
    }
    case 'copy':
      return earlier ?? serializeResultFile(await honestFile())
  }
}

/** The bench's files, in the order they are imported (rules at the top of the file). */
export async function benchImportFiles(count = 1000, hostileEvery = 50): Promise<BenchFile[]> {
  const { courses } = loadContent({ lessonsDir: 'lessons', questionsDir: 'questions' })
  const course = courses[0]!
  const files: BenchFile[] = []
  let hostileCount = 0
  for (let n = 0; n < count; n++) {
    const name = `learner-${String(n).padStart(4, '0')}.json`
    if (n % hostileEvery === hostileEvery - 1) {
      const kind = HOSTILE_KINDS[hostileCount++ % HOSTILE_KINDS.length]!
      files.push({ name, kind, text: await hostile(kind, course, n, files[n - 1]?.text) })
      continue
    }
    const learnerId = `learner-${String(n).padStart(4, '0')}`
    const file = await createResultFile({ courseId: course.id, exportedAt: BENCH_T0 + 20 * 86_400_000, learner: { id: learnerId, name: `Learner ${n}` }, attempts: learnerAttempts(course, learnerId, n) }, sha256)
    files.push({ name, kind: 'honest', text: serializeResultFile(file) })
  }
  return files
}
