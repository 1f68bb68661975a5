/** Result files for the hostile-input tests: a genuine one, one the size of a real class's, and re-signing. */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { startAttempt } from '../../../src/domain/attemptStart.ts'
import { canonicalJson } from '../../../src/domain/canonicalJson.ts'
import { loadContent } from '../../../src/content/loader.ts'
import { createResultFile, type ResultFile } from '../../../src/domain/resultFile.ts'
import type { SavedResponse, VersionedItem } from '../../../src/domain/types.ts'
import { mixedBanks, mixedBlueprint } from '../../fixtures/items.ts'

export const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
export const T0 = Date.UTC(2025, 0, 6, 9)

/** A genuine file: one submitted attempt of every item type, a response and an instructor grade. */
export async function genuineFile(learner = { id: 'ann', name: 'Ann Example' }, attemptId = 'at1'): Promise<ResultFile> {
  const attempt = startAttempt({ blueprint: mixedBlueprint, banks: mixedBanks, learnerId: learner.id, courseId: 'c1', attemptId, seed: 5, now: T0, previousAttempts: [] })
  return createResultFile({
    courseId: 'c1',
    exportedAt: T0 + 3_600_000,
    learner,
    attempts: [{
      attempt: { ...attempt, submittedAt: T0 + 60_000, submitReason: 'learner' },
      responses: [{ attemptId, itemId: 'q-single', answer: { type: 'single', optionId: 'a' }, flagged: false, savedAt: T0 + 1000, seq: 1 }],
      manualGrades: [{ attemptId, itemId: 'q-free', criteria: { c1: 1 }, score: 1, comment: 'ok', gradedAt: T0 + 7_200_000 }],
      assessment: { id: 'final', title: 'Final', passMark: 0.6, gradingMethod: 'highest' },
    }],
  }, sha256)
}

/** The file as parsed JSON, for hand edits. */
export const asData = (file: ResultFile): Record<string, unknown> => JSON.parse(JSON.stringify(file)) as Record<string, unknown>

/** Re-sign edited data with the documented checksum, as an attacker can, so later checks are reached. */
export async function resign(data: Record<string, unknown>): Promise<string> {
  const { checksum: _c, ...rest } = data
  return JSON.stringify({ ...rest, checksum: `sha256:${await sha256(canonicalJson(rest))}` })
}

/**
 * The largest file a real learner makes: 5 attempts of 30 items of this repository's course, every
 * answer given and every typed answer 2,000 characters long, pretty-printed as the app saves it.
 */
export async function largeRealFile(): Promise<string> {
  const root = join(import.meta.dirname, '../../..')
  const course = loadContent({ lessonsDir: join(root, 'lessons'), questionsDir: join(root, 'questions'), cwd: root }).courses[0]!
  const items: VersionedItem[] = course.banks.flatMap((b) => b.items).slice(0, 30)
  const typed = 'x'.repeat(2000)
  const attempts = Array.from({ length: 5 }, (_, n) => {
    const id = `attempt-${n}`
    const snapshots = Object.fromEntries(items.map((item) => [item.version, item]))
    const responses: SavedResponse[] = items.map((item, i) => ({ attemptId: id, itemId: item.id, answer: { type: 'freetext', text: typed }, flagged: false, savedAt: T0 + i, seq: i + 1 }))
    return {
      attempt: {
        id, courseId: course.id, learnerId: 'ann', mode: 'assessment' as const, sourceId: 'final', seed: n, startedAt: T0, deadline: null,
        submittedAt: T0 + 60_000, submitReason: 'learner' as const, slots: items.map((item) => ({ itemId: item.id, version: item.version })), snapshots,
      },
      responses,
    }
  })
  const file = await createResultFile({ courseId: course.id, exportedAt: T0 + 3_600_000, learner: { id: 'ann', name: 'Ann Example' }, attempts }, sha256)
  return JSON.stringify(file, null, 2)
}
