/**
 * The xAPI outbox as the pages show it: how many statements wait or were set aside, when the
 * last send succeeded, and why sending is paused or failing; the rows set aside, for the
 * instructor. Read from IndexedDB at once, and again each time the sender finishes a run
 * (`onSenderRun`). Loaded only with the pages that need it (never when no LRS is wanted).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { attachLrsDevice } from '../app/lrsFile.ts'
import { lrsSetup, type LrsSetup } from '../app/lrsConfig.ts'
import { onSenderRun, sendNow as senderSendNow, senderStatus } from '../app/outboxSender.ts'
import { readLastSent } from '../db/lrsDevice.ts'
import { outboxCounts, retrySetAside, setAsideRows } from '../db/outbox.ts'
import type { OutboxRecord } from '../db/records.ts'
import { outboxLine, type OutboxLine } from '../domain/xapi/lrsView.ts'
import { useStorageStore } from './storage.ts'

export interface SetAsideRow extends OutboxLine {
  id: string
  state: 'review' | 'quarantined'
  queuedAt: number
  reason: string
}

function setAside(r: OutboxRecord): SetAsideRow {
  return { id: r.id, state: r.state as SetAsideRow['state'], queuedAt: r.queuedAt, reason: r.lastError ?? '', ...outboxLine(r.body) }
}

export const useOutboxStore = defineStore('outbox', () => {
  const storage = useStorageStore()
  const counts = ref<Record<OutboxRecord['state'], number>>({ queued: 0, sending: 0, review: 0, quarantined: 0 })
  const rows = shallowRef<SetAsideRow[]>([])
  const lastSentAt = ref<number | null>(null)
  const paused = ref<string | null>(null)
  const lastProblem = ref<string | null>(null)
  const setup = shallowRef<LrsSetup>()
  let following: (() => void) | undefined

  const waiting = computed(() => counts.value.queued + counts.value.sending)
  const setAsideCount = computed(() => counts.value.review + counts.value.quarantined)

  /** Reads the queue and the sender's state; from then on, again after each run of the sender. */
  async function load() {
    const db = storage.database()
    attachLrsDevice(db)
    following ??= onSenderRun(() => void load().catch(storage.noteProblem))
    const [s, c, r, stored] = await Promise.all([lrsSetup(), outboxCounts(db), setAsideRows(db), readLastSent(db)])
    setup.value = s
    counts.value = c
    rows.value = r.map(setAside)
    lastSentAt.value = Math.max(stored ?? 0, senderStatus.lastSuccessAt ?? 0) || null
    paused.value = senderStatus.paused
    lastProblem.value = senderStatus.lastProblem
  }

  /** "Send now": lifts a 401/403 pause and sends what waits (starts the sender if it was not running). */
  async function sendNow() {
    await senderSendNow(storage.database())
    await load()
  }

  /** "Send again": the chosen set-aside rows go back to the queue, and the sender takes them. */
  async function retry(ids: readonly string[]) {
    await retrySetAside(storage.database(), ids)
    await sendNow()
  }

  return { counts, rows, lastSentAt, paused, lastProblem, setup, waiting, setAsideCount, load, sendNow, retry }
})
