import { defineStore } from 'pinia'
import { courses } from 'virtual:debrief/catalog'
import { assessmentInfo, type AssessmentInfo } from '../domain/blueprints.ts'
import { fileStamp } from '../domain/format.ts'
import type { Attempt, SavedResponse } from '../domain/types.ts'
import { now } from '../platform/clock.ts'
import { useLearnerStore } from './learner.ts'
import { useStorageStore } from './storage.ts'

export interface ResultDownload {
  name: string
  text: string
  /** Submitted attempts in the file. */
  attempts: number
  /** Whether the file is signed with the profile's device key (false where this browser cannot sign). */
  signed: boolean
}

/** A file name people can recognise: course, learner and date. */
function fileName(courseId: string, learnerName: string, exportedAt: string): string {
  const slug = learnerName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'learner'
  return `debrief-${courseId}-${slug}-${exportedAt.slice(0, 10)}.json`
}

/** What grading needs of each of a course's assessments, so the instructor grades as the learner's app did. */
function assessmentsOf(courseId: string): Map<string, AssessmentInfo> {
  const blueprints = courses.find((c) => c.id === courseId)?.blueprints ?? []
  return new Map(blueprints.map((b) => [b.id, assessmentInfo(b)]))
}

/** A learner's result file for their instructor (their submitted assessments in one course). */
export const useResultExportStore = defineStore('resultExport', () => {
  const storage = useStorageStore()

  /** Builds the result file to download; storage failures show the storage banner and are rethrown. */
  async function resultFile(learnerId: string, courseId: string): Promise<ResultDownload> {
    try {
      const [{ exportLearnerResults }, { serializeResultFile }] = await Promise.all([import('../db/importResults.ts'), import('../domain/resultFile.ts')])
      const file = await exportLearnerResults(storage.database(), { learnerId, courseId, now: now(), assessments: assessmentsOf(courseId) })
      return { name: fileName(courseId, file.learner.name, file.exportedAt), text: serializeResultFile(file), attempts: file.attempts.length, signed: file.signature !== undefined }
    } catch (error) {
      storage.noteProblem(error)
      throw error
    }
  }

  /**
   * An attempt still being taken, with the answers on screen (saved or not), as a result file:
   * for when this device cannot save, so the learner keeps their work and an instructor can import it.
   */
  async function onScreenFile(attempt: Attempt, responses: SavedResponse[]): Promise<ResultDownload> {
    const at = now()
    const learner = useLearnerStore().learners.find((l) => l.id === attempt.learnerId)
    // Unsigned: this file exists because the device could not save, and its key may be out of
    // reach too; the signing code also stays off the assessment page (docs/result-file.md).
    // Loaded on demand: the file code is not needed to take an assessment.
    const [{ webSha256 }, { createResultFile, serializeResultFile }] = await Promise.all([import('../db/importResults.ts'), import('../domain/resultFile.ts')])
    const file = await createResultFile(
      {
        courseId: attempt.courseId,
        exportedAt: at,
        learner: { id: attempt.learnerId, name: learner?.name ?? 'Learner', allowance: learner?.allowance },
        attempts: [{ attempt, responses }],
      },
      webSha256,
    )
    return { name: `debrief-answers-${fileStamp(at)}.json`, text: serializeResultFile(file), attempts: 1, signed: false }
  }

  return { resultFile, onScreenFile }
})
