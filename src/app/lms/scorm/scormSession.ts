/**
 * The SCORM 1.2 / 2004 LmsSession (docs/lms-runtime.md): what each committed event sets in the
 * CMI, then one commit. IndexedDB is read for what an event does not carry (every response of the
 * attempt for suspend_data, every attempt for the grade that counts), never written here.
 */
import { courses } from 'virtual:debrief/catalog'
import { listResponses } from '../../../db/attempts.ts'
import type { DebriefDb } from '../../../db/database.ts'
import { listLessonProgress } from '../../../db/lessonProgress.ts'
import { reportedBlueprintId } from '../../../domain/lms/packageInfo.ts'
import type { LmsTarget } from '../../../domain/lms/target.ts'
import { blueprintReport, outcomeValues } from '../../../domain/lms/outcome.ts'
import { encodeSuspendData, suspendAttempt, SUSPEND_LIMITS, type SuspendedAttempt } from '../../../domain/lms/suspendData.ts'
import { scorm12Time, scorm2004Time, scormCorrectPattern, scormDecimal, scormDuration, scormResponse, scormResult, scormType } from '../../../domain/lms/scormInteractions.ts'
import { itemMax } from '../../../domain/grading/index.ts'
import type { AttemptGrade } from '../../../domain/attemptGrading.ts'
import type { Attempt, SavedResponse } from '../../../domain/types.ts'
import { now } from '../../../platform/clock.ts'
import { loadPosition } from '../../../components/assessment/position.ts'
import { gradableAttempts } from '../gradableAttempts.ts'
import type { LmsEvent, LmsLearner, LmsProblem, LmsSession } from '../session.ts'
import type { ScormCalls } from './api.ts'
import { CmiWriter } from './cmiWriter.ts'

export interface ScormSessionInput {
  api: ScormCalls
  target: LmsTarget
  db: DebriefDb
  learner: LmsLearner
  /** The attempt suspend_data held at launch (resumed), if any. */
  suspended: SuspendedAttempt | undefined
  /** Whether the LMS already had this SCO completed at launch (cmi.exit "normal" then, unless an attempt is open). */
  completedAtLaunch: boolean
  /** Brings the suspended attempt onto this device when IndexedDB does not have it (connect.ts). */
  resume: (learnerId: string) => Promise<LmsProblem | undefined>
}

type Values = [string, string][]

export function createScormSession(input: ScormSessionInput): LmsSession {
  const { api, target, db } = input
  const version = api.version
  const v12 = version === 'scorm12'
  const writer = new CmiWriter(api)
  const startedAt = now()
  const course = courses.find((c) => c.id === target.courseId)
  const reportedId = reportedBlueprintId(target, course)
  /** The first interaction index of each attempt touched in this session. */
  const bases = new Map<string, number>()
  /** Attempts open as far as this session knows (for cmi.exit). */
  const open = new Set<string>(input.suspended ? [input.suspended.attemptId] : [])
  let finished = false
  let completed = input.completedAtLaunch
  /** The open attempt last answered and its responses, to keep the learner's place in suspend_data at finish. */
  let lastOpen: { attempt: Attempt; responses: SavedResponse[] } | undefined
  /** This device's profile of the LMS's learner, once start.ts has made it (resume). */
  let learnerId: string | undefined

  const field = (n: number, name: string) => `cmi.interactions.${n}.${name}`

  /** The attempt's first interaction index; on its first use in this session, every slot's id, type and weighting. */
  function interactionBase(attempt: Attempt): { base: number; values: Values } {
    const known = bases.get(attempt.id)
    if (known !== undefined) return { base: known, values: [] }
    const count = Number(api.get('cmi.interactions._count'))
    const base = input.suspended?.attemptId === attempt.id ? input.suspended.interactionBase : Number.isSafeInteger(count) && count > 0 ? count : 0
    bases.set(attempt.id, base)
    const values: Values = []
    attempt.slots.forEach((slot, i) => {
      const item = attempt.snapshots[slot.version]
      if (!item) return
      values.push([field(base + i, 'id'), item.id], [field(base + i, 'type'), scormType(item, version)])
      const weight = scormDecimal(itemMax(item))
      if (weight !== undefined) values.push([field(base + i, 'weighting'), weight])
    })
    return { base, values }
  }

  function responseValues(attempt: Attempt, base: number, response: SavedResponse): Values {
    const index = attempt.slots.findIndex((s) => s.itemId === response.itemId)
    const item = index >= 0 ? attempt.snapshots[attempt.slots[index]!.version] : undefined
    if (!item) return []
    const given = scormResponse(item, response.answer, version)
    const n = base + index
    const time: [string, string] = v12 ? [field(n, 'time'), scorm12Time(response.savedAt)] : [field(n, 'timestamp'), scorm2004Time(response.savedAt)]
    return given === undefined ? [time] : [time, [field(n, v12 ? 'student_response' : 'learner_response'), given]]
  }

  function suspendValue(attempt: Attempt | undefined, responses: readonly SavedResponse[]): string {
    const suspended = attempt ? suspendAttempt(attempt, responses, bases.get(attempt.id) ?? 0, loadPosition(attempt.id) ?? 0) : undefined
    return encodeSuspendData(suspended, SUSPEND_LIMITS[version])
  }

  async function onAnswer(attempt: Attempt, response: SavedResponse): Promise<LmsProblem | undefined> {
    if (attempt.mode !== 'assessment') return undefined
    open.add(attempt.id)
    const { base, values } = interactionBase(attempt)
    const responses = await listResponses(db, attempt.id)
    lastOpen = { attempt, responses }
    return writer.commit([...values, ...responseValues(attempt, base, response), ['cmi.suspend_data', suspendValue(attempt, responses)]])
  }

  async function lessonProgress(learnerId: string): Promise<number | undefined> {
    if (v12 || target.blueprintId !== undefined || !course || course.lessons.length === 0) return undefined
    const rows = await listLessonProgress(db, learnerId, target.courseId)
    return rows.filter((r) => r.state === 'done').length / course.lessons.length
  }

  function resultValues(attempt: Attempt, base: number, grade: AttemptGrade | undefined, showsCorrect: boolean): Values {
    const values: Values = []
    attempt.slots.forEach((slot, i) => {
      const item = attempt.snapshots[slot.version]
      const itemGrade = grade?.perItem.find((p) => p.itemId === slot.itemId)
      if (!item || !itemGrade) return
      const result = scormResult(itemGrade.grade.state, itemGrade.grade.score, version)
      if (result !== undefined) values.push([field(base + i, 'result'), result])
      const pattern = showsCorrect ? scormCorrectPattern(item, version) : undefined
      if (pattern !== undefined) values.push([field(base + i, 'correct_responses.0.pattern'), pattern])
    })
    return values
  }

  async function onSubmitted(attempt: Attempt, responses: readonly SavedResponse[]): Promise<LmsProblem | undefined> {
    open.delete(attempt.id)
    if (lastOpen?.attempt.id === attempt.id) lastOpen = undefined
    const { base, values } = interactionBase(attempt)
    const latest = new Map<string, SavedResponse>()
    for (const r of responses) if ((latest.get(r.itemId)?.seq ?? 0) < r.seq) latest.set(r.itemId, r)
    for (const r of latest.values()) values.push(...responseValues(attempt, base, r))
    const { attempts, responses: byAttempt, manualGrades: manual } = await gradableAttempts(db, attempt.learnerId, attempt.courseId)
    const blueprint = course?.blueprints.find((b) => b.id === attempt.sourceId)
    if (blueprint) {
      const report = blueprintReport(blueprint, attempts, byAttempt, manual)
      values.push(...resultValues(attempts.find((a) => a.id === attempt.id) ?? attempt, base, report.grades.get(attempt.id), report.showsCorrect))
      if (blueprint.id === reportedId) {
        completed = report.outcome.completed
        values.push(...outcomeValues(report.outcome, version, await lessonProgress(attempt.learnerId)))
      }
    }
    values.push(['cmi.suspend_data', suspendValue(undefined, [])])
    return writer.commit(values)
  }

  /**
   * Sealed items were opened on this device (a release code): the attempts that waited can be
   * graded now, so the LMS gets the score and status it could not have at submit. Only the
   * outcome: the interactions of attempts from earlier sessions keep their indexes there.
   */
  async function onReleased(learnerId: string, courseId: string): Promise<LmsProblem | undefined> {
    const blueprint = course?.blueprints.find((b) => b.id === reportedId)
    if (!blueprint || courseId !== target.courseId) return undefined
    const { attempts, responses, manualGrades } = await gradableAttempts(db, learnerId, courseId)
    const report = blueprintReport(blueprint, attempts, responses, manualGrades)
    completed = report.outcome.completed
    return writer.commit(outcomeValues(report.outcome, version, await lessonProgress(learnerId)))
  }

  async function onLesson(learnerId: string): Promise<LmsProblem | undefined> {
    const progress = await lessonProgress(learnerId)
    return progress === undefined ? undefined : writer.commit([['cmi.progress_measure', String(Math.round(progress * 10_000) / 10_000)]])
  }

  return {
    kind: version,
    learner: input.learner,
    async report(event: LmsEvent): Promise<LmsProblem | undefined> {
      if (finished) return undefined
      if (event.type === 'answer') return onAnswer(event.attempt, event.response)
      if (event.type === 'submitted') return onSubmitted(event.attempt, event.responses)
      if (learnerId === undefined) return undefined
      return event.type === 'released' ? onReleased(learnerId, event.courseId) : onLesson(learnerId)
    },
    resume(profileId: string): Promise<LmsProblem | undefined> {
      learnerId = profileId
      return input.resume(profileId)
    },
    finish(): Promise<LmsProblem | undefined> {
      if (finished) return Promise.resolve(undefined)
      finished = true
      const exit = open.size > 0 || !completed ? 'suspend' : v12 ? '' : 'normal'
      // The question on screen now, which may be past the last one answered.
      const place: Values = lastOpen ? [['cmi.suspend_data', suspendValue(lastOpen.attempt, lastOpen.responses)]] : []
      const problem = writer.commit([
        ...place,
        [v12 ? 'cmi.core.session_time' : 'cmi.session_time', scormDuration(now() - startedAt, version)],
        [v12 ? 'cmi.core.exit' : 'cmi.exit', exit],
      ])
      if (!api.finish()) {
        const error = api.lastError()
        return Promise.resolve({ message: 'Your course system (LMS) did not confirm that this visit ended. Your work is saved on this device.', detail: `${v12 ? 'LMSFinish' : 'Terminate'} failed: error ${error.code}: ${error.text}` })
      }
      return Promise.resolve(problem)
    },
  }
}
