/**
 * Extra time for timed assessments, agreed between a learner and an instructor and set by the
 * instructor (instructor mode, the learner's page). It is kept on the learner's row, fixes the
 * deadline of attempts started afterwards (attempt.ts: limit × multiplier + extra minutes) and
 * travels in result files (`learner.allowance`, version 3) and backups.
 *
 * Bounds: a multiplier from 1 to 4 (e.g. 1.25 for a quarter more), extra minutes from 0 to 600.
 * (The check of an allowance read from a file is allowanceCheck.ts, kept apart so the pages that
 * show the time load no validation code.)
 */
import type { Allowance } from './attempt.ts'

export type { Allowance }

export const MIN_MULTIPLIER = 1
export const MAX_MULTIPLIER = 4
export const MAX_EXTRA_MINUTES = 600

/** The allowance as stored: undefined when it grants nothing, so "no extra time" has one shape. */
export function normalAllowance(allowance: Allowance | undefined): Allowance | undefined {
  const multiplier = allowance?.multiplier !== undefined && allowance.multiplier !== 1 ? allowance.multiplier : undefined
  const extraMinutes = allowance?.extraMinutes !== undefined && allowance.extraMinutes !== 0 ? allowance.extraMinutes : undefined
  if (multiplier === undefined && extraMinutes === undefined) return undefined
  return { ...(multiplier !== undefined ? { multiplier } : {}), ...(extraMinutes !== undefined ? { extraMinutes } : {}) }
}

/** Why an allowance typed by the instructor cannot be saved, in plain words; undefined when it can. */
export function allowanceProblem(allowance: Allowance): string | undefined {
  const { multiplier = 1, extraMinutes = 0 } = allowance
  if (!Number.isFinite(multiplier) || multiplier < MIN_MULTIPLIER || multiplier > MAX_MULTIPLIER) {
    return `The time multiplier should be a number from ${MIN_MULTIPLIER} to ${MAX_MULTIPLIER} (1 means no extra time; 1.25 means a quarter more).`
  }
  if (!Number.isFinite(extraMinutes) || extraMinutes < 0 || extraMinutes > MAX_EXTRA_MINUTES) {
    return `Extra minutes should be a number from 0 to ${MAX_EXTRA_MINUTES}.`
  }
  return undefined
}

/** The time allowed, in whole seconds, for a time limit in minutes and an allowance. */
export function secondsAllowed(timeLimitMinutes: number, allowance: Allowance = {}): number {
  const multiplier = allowance.multiplier !== undefined && allowance.multiplier > 0 ? allowance.multiplier : 1
  return Math.round((timeLimitMinutes * multiplier + Math.max(0, allowance.extraMinutes ?? 0)) * 60)
}

/** A duration in words for the start page: "37 minutes 30 seconds", "1 hour 5 minutes", "45 minutes". */
export function spokenDuration(totalSeconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const parts = [hours > 0 ? unit(hours, 'hour') : '', minutes > 0 ? unit(minutes, 'minute') : '', seconds > 0 ? unit(seconds, 'second') : '']
  return parts.filter((p) => p !== '').join(' ') || '0 minutes'
}

/** What the learner's start page says about time: "You have 37 minutes 30 seconds (extra time)". */
export function timeAllowedText(timeLimitMinutes: number, allowance: Allowance | undefined): string {
  const base = secondsAllowed(timeLimitMinutes)
  const total = secondsAllowed(timeLimitMinutes, allowance)
  return `You have ${spokenDuration(total)}${total > base ? ' (extra time)' : ''}`
}
