import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { courses } from 'virtual:debrief/catalog'
import { useGradingEngine, type GradingEngine } from '../composables/useGradingEngine.ts'
import { commitSubmission, listAttempts, listManualGradesFor, listResponsesFor } from '../db/attempts.ts'
import { autoSubmitIfOverdue, isOverdue } from '../domain/attempt.ts'
import type { AttemptGrade } from '../domain/attemptGrading.ts'
import type { Mastery } from '../domain/mastery.ts'
import type { Attempt, Blueprint, ManualGrade, SavedResponse, VersionedItem } from '../domain/types.ts'
import { now } from '../platform/clock.ts'
import type { gradable as Unseal } from './sealedAttempts.ts'
import { showedStubs, stubVersions, type Gradable } from './sealedStubs.ts'
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
   * Full items of the course's sealed assessments by version, once this device has them (opened
   * with a release code, or shipped again by a newer deployment): attempts that showed their stubs
   * are graded from them (stores/sealedAttempts.ts); without them those attempts await release.
   */
  const sealedItems = shallowRef(new Map<string, VersionedItem>())
  /** How to grade such attempts, loaded once one is here (stores/sealedAttempts.ts). */
  const unseal = shallowRef<typeof Unseal>()

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
    sealedItems.value = await fullItemsFor(course, list)
    attempts.value = list
    learnerId.value = learner
    courseId.value = course
    computedAt.value = now()
  }

  /**
   * The full items of the stubs these attempts showed: those opened on this device, then the
   * catalog's when a newer deployment ships them unsealed. Only submitted attempts are graded, so an
   * attempt still being taken reads nothing (the page taking it loads no course items: the budget).
   */
  async function fullItemsFor(course: string, list: readonly Attempt[]): Promise<Map<string, VersionedItem>> {
    const wanted = new Set(list.filter((a) => a.submittedAt !== null).flatMap(stubVersions))
    if (wanted.size === 0) return new Map()
    const sealed = await import('./sealedAttempts.ts')
    unseal.value ??= sealed.gradable
    return sealed.fullItemsFor(storage.database(), course, wanted)
  }

  /** Full items just opened on this device (stores/sealed.ts): their attempts are graded at once. */
  async function adoptSealedItems(items: readonly VersionedItem[]): Promise<void> {
    unseal.value ??= (await import('./sealedAttempts.ts')).gradable
    const next = new Map(sealedItems.value)
    for (const item of items) next.set(item.version, item)
    sealedItems.value = next
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

  /** Submitted attempts that showed sealed questions whose results are not released yet. */
  const awaitingRelease = computed(() => attempts.value.filter((a) => a.submittedAt !== null && !gradables.value.has(a.id)))
  /** The blueprints of those attempts (ids, each once). */
  const awaitingBlueprints = computed(() => [...new Set(awaitingRelease.value.map((a) => a.sourceId))])

  /** An attempt ready to grade on this device, with its responses; undefined while it awaits release. */
  function gradableFor(attempt: Attempt, attemptResponses: SavedResponse[]): Gradable | undefined {
    if (!showedStubs(attempt)) return { attempt, responses: attemptResponses }
    return unseal.value?.(attempt, attemptResponses, sealedItems.value)
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
        engine.gradeAttempt(attempt, given, manualGrades.value.get(attempt.id) ?? [], {
          passMark: bp?.passMark,
          negativeMarking: bp?.negativeMarking,
        }),
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
      const saved = await commitSubmission(storage.database(), autoSubmitIfOverdue(attempt, at))
      remember(saved)
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
    sealedItems,
    adoptSealedItems,
    gradables,
    gradableFor,
    awaitingRelease,
    awaitingBlueprints,
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
