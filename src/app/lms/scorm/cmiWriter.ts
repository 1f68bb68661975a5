/**
 * Setting CMI values and committing, with what the LMS refused kept: a refused value is tried
 * again before the next commit (and at finish), and the learner hears of it once in plain words.
 */
import type { LmsProblem } from '../session.ts'
import { describeError, type ScormCalls } from './api.ts'

/** What the learner reads when the LMS refused a value or a commit. Nothing saved on the device is lost. */
export const REFUSED_MESSAGE =
  'Your answers are saved on this device, but your course system (LMS) did not accept part of your progress. Debrief will send it again with your next answer and when you finish.'

export class CmiWriter {
  /** Values the LMS refused, by element, to send again. */
  private readonly unsent = new Map<string, string>()
  private refusals: string[] = []

  constructor(private readonly api: ScormCalls) {}

  /** Sets one value; a refusal is kept to send again and reported by `commit`. */
  set(name: string, value: string): void {
    if (this.api.set(name, value)) {
      this.unsent.delete(name)
      return
    }
    this.unsent.set(name, value)
    this.refusals.push(`${name} was refused: ${describeError(this.api.lastError())}`)
  }

  setAll(values: readonly [string, string][]): void {
    for (const [name, value] of values) this.set(name, value)
  }

  /** Sends again what was refused before, then `values`, then commits. Undefined when the LMS took everything. */
  commit(values: readonly [string, string][] = []): LmsProblem | undefined {
    const again = [...this.unsent]
    this.unsent.clear()
    this.setAll(again)
    this.setAll(values)
    if (!this.api.commit()) this.refusals.push(`the commit was refused: ${describeError(this.api.lastError())}`)
    const refusals = this.refusals
    this.refusals = []
    return refusals.length > 0 ? { message: REFUSED_MESSAGE, detail: refusals.join('; ') } : undefined
  }
}
