import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { courses } from 'virtual:debrief/catalog'
import { tellLms } from '../app/lms/bridge.ts'
import { useGradingEngine, type GradingEngine } from '../composables/useGradingEngine.ts'
import { commitSubmission, listAttempts, listManualGradesFor, listResponsesFor } from '../db/attempts.ts'
import { autoSubmitIfOverdue, isOverdue } from '../domain/attempt.ts'
import type { AttemptGrade } from '../domain/attemptGrading.ts'
import type { Mastery } from '../domain/mastery.ts'
import type { Attempt, Blueprint, ManualGrade, SavedResponse } from '../domain/types.ts'
import { now } from '../platform/clock.ts'
import { showedStubs, type Gradable } from './sealedStubs.ts'
import { useStorageStore } from './storage.ts'

/** Attempts that carry grades or mastery evidence: all but assessments still being taken. */
function counts(attempt: Attempt): boolean {
  return attempt.mode !== 'assessment' || attempt.submittedAt !== null
}

/**
 * One learner's attempts in one course (history, instructors' grades), their grades and what
 * they say about mastery. Grades and mastery need the grading engine: it is loaded the first
 * time they are read while there is something to grade, so a page that never reads them (the
 * page taking an assessment) and a learner with nothing graded yet load no grading code.
 */
export const useAttemptsStore = defineStore('attempts', () => {
  const storage = useStorageStore()
  const courseId = ref<string>()
  const learnerId = ref<string>()
  const attempts = shallowRef<Attempt[]>([])
  const responses = shallowRef(new Map<string, SavedResponse[]>())
  const manualGrades = shallowRef(new Map<string, ManualGrade[]>())
  /** Attempts this app submitted because their time ran out while it was closed (to tell the learner). */
  const autoSubmitted = shallowRef<Attempt[]>([])
  /** When mastery was last computed (the clock moves; evidence fades with age). */
  const computedAt = ref(0)
  /**
   * How attempts that showed sealed stubs are graded here (stores/sealedAttempts.ts sets it once
   * this device holds their full items); while unset, those attempts await release.
   */
  const unseal = shallowRef<(attempt: Attempt, responses: SavedResponse[]) => Gradable | undefined>()

  const course = computed(() => courses.find((c) => c.id === courseId.value))
  const hasGradable = computed(() => attempts.value.some(counts))

  function blueprint(id: string): Blueprint | undefined {
    return course.value?.blueprints.find((b) => b.id === id)
  }

  /** The engine when there is something to grade (asking loads it; the computeds rerun when it arrives). */
  function engineWhenNeeded(): GradingEngine | undefined {
    return hasGradable.value ? useGradingEngine().engine.value : undefined
  }

  /** Resolves once grades and mastery can be shown: at once, or when the engine has loaded. */
  async function gradesReady(): Promise<void> {
    if (hasGradable.value) await useGradingEngine().ready
  }

  /** Reads the learner's attempts in a course, with their responses and instructors' grades. */
  async function load(learner: string, course: string) {
    const db = storage.database()
    const list = await listAttempts(db, learner, course)
    const ids = list.map((a) => a.id)
    responses.value = await listResponsesFor(db, ids)
    manualGrades.value = ids.length > 0 ? await listManualGradesFor(db, ids) : new Map()
    // A submitted sealed attempt loads the code that finds its full items (never on the page taking one).
    if (list.some((a) => a.submittedAt !== null && showedStubs(a))) await (await import('./sealedAttempts.ts')).attach(useAttemptsStore(), db, course, list)
    attempts.value = list
    learnerId.value = learner
    courseId.value = course
    computedAt.value = now()
  }

  /** Each attempt as it can be graded here (stores/sealedAttempts.ts); an attempt awaiting release is left out. */
  const gradables = computed(() => {
    const out = new Map<string, Gradable>()
    for (const attempt of attempts.value) {
      const ready = gradableFor(attempt, responses.value.get(attempt.id) ?? [])
      if (ready !== undefined) out.set(attempt.id, ready)
    }
    return out
  })

  /** An attempt ready to grade on this device, with its responses; undefined while it awaits release. */
  function gradableFor(attempt: Attempt, attemptResponses: SavedResponse[]): Gradable | undefined {
    if (!showedStubs(attempt)) return { attempt, responses: attemptResponses }
    return unseal.value?.(attempt, attemptResponses)
  }

  /** Replaces or adds one attempt and its responses after a write. */
  function remember(attempt: Attempt, attemptResponses?: SavedResponse[]) {
    const others = attempts.value.filter((a) => a.id !== attempt.id)
    attempts.value = [...others, attempt].sort((a, b) => a.startedAt - b.startedAt)
    if (attemptResponses) responses.value = new Map(responses.value).set(attempt.id, attemptResponses)
    computedAt.value = now()
  }

  const grades = computed(() => {
    const out = new Map<string, AttemptGrade>()
    const engine = engineWhenNeeded()
    if (!engine) return out
    for (const { attempt, responses: given } of gradables.value.values()) {
      if (attempt.mode !== 'assessment' || attempt.submittedAt === null) continue
      const bp = blueprint(attempt.sourceId)
      out.set(
        attempt.id,
        engine.gradeAttempt(attempt, given, manualGrades.value.get(attempt.id) ?? [], bp ? engine.optionsFor(bp) : {}),
      )
    }
    return out
  })

  const openAssessment = computed(() => attempts.value.find((a) => a.mode === 'assessment' && a.submittedAt === null))

  function attemptsAt(blueprintId: string): Attempt[] {
    return attempts.value.filter((a) => a.mode === 'assessment' && a.sourceId === blueprintId)
  }

  /** The grade that counts for a blueprint, by its grading method; null before any graded attempt. */
  function finalFor(blueprintId: string): number | null {
    const bp = blueprint(blueprintId)
    if (!bp) return null
    const summaries = attemptsAt(blueprintId)
      .map((a) => ({ startedAt: a.startedAt, grade: grades.value.get(a.id) }))
      .filter((s) => s.grade !== undefined)
      .map((s) => ({ startedAt: s.startedAt, percent: s.grade!.percent }))
    return engineWhenNeeded()?.finalGrade(summaries, bp.gradingMethod) ?? null
  }

  const objectives = computed(() => course.value?.lessons.flatMap((l) => l.objectives) ?? [])

  const mastery = computed<Mastery[]>(() => {
    const ids = objectives.value.map((o) => o.id)
    const engine = engineWhenNeeded()
    // No engine yet: nothing graded yet (or it is still arriving), so every objective is not started.
    if (!engine) return ids.map((objective) => ({ objective, mastery: 0, confidence: 0, evidenceCount: 0, level: 'not-started' }))
    // Attempts awaiting release say nothing about mastery until their results are here.
    const ready = [...gradables.value.values()]
    const evidence = engine.masteryEvidence(ready.map((g) => g.attempt), new Map(ready.map((g) => [g.attempt.id, g.responses])))
    return engine.computeMastery(evidence, computedAt.value, ids)
  })

  /**
   * Submits every open attempt whose deadline passed while the app was closed, with the
   * answers saved before the deadline. Returns the attempts it submitted.
   */
  async function submitOverdue(): Promise<Attempt[]> {
    const at = now()
    const submitted: Attempt[] = []
    for (const attempt of attempts.value.filter((a) => a.submittedAt === null && isOverdue(a, at))) {
      const closed = autoSubmitIfOverdue(attempt, at)
      const saved = await commitSubmission(storage.database(), closed, await import('./outboxRows.ts').then((m) => m.statementRows(closed, responses.value.get(attempt.id) ?? []), () => []))
      remember(saved)
      if (__DEBRIEF_LMS__) void tellLms({ type: 'submitted', attempt: saved, responses: responses.value.get(attempt.id) ?? [] })
      submitted.push(saved)
    }
    if (submitted.length > 0) autoSubmitted.value = [...autoSubmitted.value, ...submitted]
    return submitted
  }

  return {
    autoSubmitted,
    courseId,
    learnerId,
    attempts,
    unseal,
    gradables,
    gradableFor,
    responses,
    manualGrades,
    course,
    blueprint,
    load,
    remember,
    gradesReady,
    grades,
    openAssessment,
    attemptsAt,
    finalFor,
    objectives,
    mastery,
    submitOverdue,
  }
})
