/**
 * A row maker as an event's transaction calls it (src/db): a bug while building statements is
 * said in the console and the event is saved without them (as for the submit); once rows are
 * made, the sender is woken after the transaction (a no-op when it is not running).
 */
import type { OutboxRecord } from '../db/records.ts'

export function safely<A extends unknown[]>(make: (...args: A) => OutboxRecord[], problem: string): (...args: A) => OutboxRecord[] {
  return (...args) => {
    let rows: OutboxRecord[]
    try {
      rows = make(...args)
    } catch (e) {
      console.error(problem, e)
      return []
    }
    if (rows.length > 0) wakeSender()
    return rows
  }
}

/** Lets the sender take new rows once the current transaction has committed. */
export function wakeSender(): void {
  setTimeout(() => void import('./outboxSender.ts').then((m) => m.sendSoon()), 0)
}
