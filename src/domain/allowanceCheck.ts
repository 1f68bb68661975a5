/** The structural check of an allowance read from outside (a result file, a backup's learner row). */
import { MAX_EXTRA_MINUTES, MAX_MULTIPLIER, MIN_MULTIPLIER, type Allowance } from './allowance.ts'
import { between, Invalid, obj, type Obj } from './validate.ts'

/**
 * Throws Invalid (path and reason) unless `value` is an allowance within the bounds of allowance.ts; only
 * the two known fields are allowed, so nothing else can ride along on a learner's row.
 */
export function checkAllowance(value: unknown, path: string): Allowance {
  const o: Obj = obj(value, path)
  for (const key of Object.keys(o)) {
    if (key !== 'multiplier' && key !== 'extraMinutes') throw new Invalid(`${path}.${key}`, 'is not part of an allowance (only "multiplier" and "extraMinutes" are)')
  }
  if (o.multiplier !== undefined) between(o.multiplier, MIN_MULTIPLIER, MAX_MULTIPLIER, `${path}.multiplier`)
  if (o.extraMinutes !== undefined) between(o.extraMinutes, 0, MAX_EXTRA_MINUTES, `${path}.extraMinutes`)
  return o as Allowance
}
