import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { addAttempt, commitResponse, commitSubmission, getAttempt, listResponses } from '../db/attempts.ts'
import { StorageError } from '../db/errors.ts'
import { isOverdue, saveAnswer, submitAttempt, toggleFlag as flagged, type Allowance } from '../domain/attempt.ts'
import { isEmptyAnswer } from '../domain/answers.ts'
import type { Answer, Attempt, Blueprint, Response } from '../domain/types.ts'
import { useAttemptsStore } from './attempts.ts'
import { newId, now, randomSeed } from '../platform/clock.ts'
import { useCourseItemsStore } from './courseItems.ts'
import { plainCopy } from '../platform/plainCopy.ts'
import { errorMessage } from '../app/errorMessage.ts'
import { useStorageStore } from './storage.ts'

export type SaveState = 'saving' | 'saved' | 'failed'

/**
 * The assessment attempt being taken. What the learner sees (`answers`) is kept apart from
 * what IndexedDB holds (`responses`): an item shows "saved" only after its write committed,
 * and an answer that failed to save stays on screen to be saved again.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const storage = useStorageStore()
  const attempt = shallowRef<Attempt>()
  // Shallow: rows are replaced whole, never mutated, and stay plain objects for IndexedDB.
  const responses = shallowRef<Record<string, Response>>({})
  const answers = shallowRef<Record<string, Answer | null>>({})
  const saveState = ref<Record<string, SaveState>>({})
  const error = ref<string>()
  /** True while another tab holds this attempt: this tab shows it but does not write. */
  const lockedOut = ref(false)
  const queues = new Map<string, Promise<void>>()

  const submitted = computed(() => attempt.value?.submittedAt != null)

  /** Starts an attempt at a blueprint and stores it before anything is shown. */
  async function start(blueprint: Blueprint, courseId: string, learnerId: string, allowance?: Allowance): Promise<Attempt> {
    const items = useCourseItemsStore()
    await items.load(courseId)
    const history = useAttemptsStore()
    // Drawing items needs the assembly code, which the page taking the attempt never loads.
    const { startAttempt } = await import('../domain/attemptStart.ts')
    const created = startAttempt({
      blueprint,
      banks: items.banks,
      learnerId,
      courseId,
      attemptId: newId(),
      seed: randomSeed(),
      now: now(),
      allowance,
      previousAttempts: history.attemptsAt(blueprint.id),
    })
    await addAttempt(storage.database(), created)
    history.remember(created, [])
    return created
  }

  /** Opens a stored attempt; one whose deadline passed while closed is submitted first. */
  async function open(attemptId: string): Promise<Attempt | undefined> {
    const db = storage.database()
    const stored = await getAttempt(db, attemptId)
    const saved = stored ? await listResponses(db, attemptId) : []
    attempt.value = stored
    responses.value = Object.fromEntries(saved.map((r) => [r.itemId, r]))
    answers.value = Object.fromEntries(saved.map((r) => [r.itemId, r.answer]))
    saveState.value = Object.fromEntries(saved.map((r) => [r.itemId, 'saved' as const]))
    error.value = undefined
    // Not waiting on the save queue: open() also runs from inside a save that hit a conflict.
    if (stored && stored.submittedAt === null && isOverdue(stored, now())) await submit('deadline', false)
    return attempt.value
  }

  /** Runs writes to one item one after another, so sequence numbers never race. */
  function enqueue(itemId: string, write: () => Promise<void>): Promise<void> {
    const next = (queues.get(itemId) ?? Promise.resolve()).then(write)
    queues.set(itemId, next)
    return next
  }

  async function write(itemId: string, make: (previous: Response | undefined, at: number, current: Attempt) => ReturnType<typeof saveAnswer>) {
    const current = attempt.value
    if (!current) return
    const result = make(responses.value[itemId], now(), current)
    if (!result.ok) {
      saveState.value = { ...saveState.value, [itemId]: 'failed' }
      // Time is up: submit from inside this save (waiting on the save queue would wait on itself).
      if (result.reason === 'overdue') await submit('deadline', false)
      else error.value = result.message
      return
    }
    saveState.value = { ...saveState.value, [itemId]: 'saving' }
    try {
      await commitResponse(storage.database(), result.response)
      responses.value = { ...responses.value, [itemId]: result.response }
      saveState.value = { ...saveState.value, [itemId]: 'saved' }
      storage.saved()
    } catch (e) {
      saveState.value = { ...saveState.value, [itemId]: 'failed' }
      if (!(e instanceof StorageError && e.kind === 'conflict')) storage.noteProblem(e)
      error.value = errorMessage(e)
      if (e instanceof StorageError && e.kind === 'conflict') await open(current.id)
    }
  }

  /** Records the learner's answer on screen at once, then commits it. */
  function answer(itemId: string, value: Answer | null): Promise<void> {
    if (lockedOut.value) return Promise.resolve()
    answers.value = { ...answers.value, [itemId]: plainCopy(value) }
    return enqueue(itemId, () => write(itemId, (previous, at, current) => saveAnswer(previous, answers.value[itemId] ?? null, at, current, itemId)))
  }

  function toggleFlag(itemId: string): Promise<void> {
    if (lockedOut.value) return Promise.resolve()
    return enqueue(itemId, () => write(itemId, (previous, at, current) => flagged(previous, at, current, itemId)))
  }

  /** Submits with the saved answers, grades, and feeds the review schedule. */
  async function submit(reason: 'learner' | 'deadline', waitForSaves = true): Promise<void> {
    if (waitForSaves) await Promise.all(queues.values())
    const current = attempt.value
    if (!current || current.submittedAt !== null) return
    const at = now()
    const next = reason === 'deadline' && current.deadline !== null ? submitAttempt(current, Math.max(at, current.deadline), 'deadline') : submitAttempt(current, at, reason)
    const saved = await commitSubmission(storage.database(), next)
    attempt.value = saved
    const list = Object.values(responses.value)
    useAttemptsStore().remember(saved, list)
    const { gradeAttempt } = await import('../domain/attemptGrading.ts')
    const graded = gradeAttempt(saved, list)
    const { useReviewStore } = await import('./review.ts')
    await useReviewStore()
      .record(graded.perItem.filter((r) => r.response !== null).map((r) => ({ itemId: r.itemId, grade: r.grade })))
      .catch(() => undefined)
  }

  /**
   * The attempt with every answer on screen (saved or not) as a result file, for when this
   * device cannot save: the learner keeps their work and an instructor can import it.
   */
  async function exportOnScreen(): Promise<{ name: string; text: string } | undefined> {
    const current = attempt.value
    if (!current) return undefined
    const at = now()
    const onScreen = Object.entries(answers.value).map(([itemId, value]) => ({
      attemptId: current.id,
      itemId,
      answer: value,
      flagged: responses.value[itemId]?.flagged ?? false,
      savedAt: at,
      seq: (responses.value[itemId]?.seq ?? 0) + 1,
    }))
    const [{ createResultFile }, { webSha256 }, { useLearnerStore }] = await Promise.all([
      import('../domain/resultFile.ts'),
      import('../db/importResults.ts'),
      import('./learner.ts'),
    ])
    const learner = useLearnerStore().learners.find((l) => l.id === current.learnerId)
    const file = await createResultFile(
      { courseId: current.courseId, exportedAt: at, learner: { id: current.learnerId, name: learner?.name ?? 'Learner' }, attempts: [{ attempt: current, responses: onScreen }] },
      webSha256,
    )
    return { name: `debrief-answers-${new Date(at).toISOString().slice(0, 16).replace(':', '')}.json`, text: JSON.stringify(file, null, 2) }
  }

  const counts = computed(() => {
    const slots = attempt.value?.slots ?? []
    const answered = slots.filter((s) => !isEmptyAnswer(responses.value[s.itemId]?.answer)).length
    const flaggedCount = slots.filter((s) => responses.value[s.itemId]?.flagged).length
    return { total: slots.length, answered, unanswered: slots.length - answered, flagged: flaggedCount }
  })

  return { attempt, responses, answers, saveState, error, lockedOut, submitted, counts, start, open, answer, toggleFlag, submit, exportOnScreen }
})
