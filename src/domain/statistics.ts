/**
 * Item and test statistics, following Moodle's "Quiz statistics calculations"
 * (https://docs.moodle.org/dev/Quiz_statistics_calculations). Percent scales as Moodle reports them.
 *
 * Per item, over the attempts that saw it (n), with x its score and R the rest of the test
 * (the attempt's total minus x), all variances and covariances with n − 1 denominators:
 * - facility F = 100 · mean(x / max)                              (Moodle: facility index)
 * - sd = 100 · SD(x / max)                                        (Moodle: standard deviation)
 * - discrimination index D = 100 · Cov(x, R) / √(V(x) · V(R))     (Moodle: item–rest correlation)
 * - discriminative efficiency DE = 100 · Cov(x, R) / Covmax(x, R), where Covmax pairs the sorted
 *   x values with the sorted R values: the largest covariance these two score distributions allow.
 * For the test, over attempts (totals T as percent of the attempt's max): mean, median, sd,
 * skewness as Moodle's quiz statistics calculator computes it: with mⱼ = Σ(T − T̄)ʲ/n,
 * k₂ = n·m₂/(n − 1) and k₃ = n²·m₃/((n − 1)(n − 2)) (the sample-size corrected k-statistics),
 * skewness = k₃ / k₂^1.5 (no kurtosis is reported). Cronbach's alpha α = k/(k − 1) · (1 − ΣV(slotᵢ)/V(total))
 * over the k slots (the i-th question of every attempt, as Moodle does for random questions),
 * CIC = 100·α, error ratio ER = 100·√(1 − α) and standard error SE = ER/100 · sd.
 *
 * Degenerate cases give null, never NaN: fewer than 2 observations (sd, D, DE, alpha), zero
 * variance of x or R (D), Covmax ≤ 0 (DE), zero variance of the totals or attempts with different
 * numbers of slots (alpha, CIC, ER, SE), fewer than 3 attempts or zero sd (skewness). An item not
 * seen by some attempts is computed over the attempts that saw it. Each item's sums are gathered
 * in one pass (Welford co-moments); only DE sorts its two columns: O(n log n) per item.
 */
export interface ItemScore {
  score: number
  max: number
  answer?: unknown
}

export interface StatisticsAttempt {
  learnerId: string
  attemptId: string
  startedAt: number
  /** itemId → score, in the order the slots were shown. */
  items: Record<string, ItemScore>
}

export interface ItemStatistics {
  itemId: string
  n: number
  /** Mean raw score. */
  mean: number
  facility: number | null
  sd: number | null
  discriminationIndex: number | null
  discriminativeEfficiency: number | null
}

export interface TestStatistics {
  attempts: number
  mean: number | null
  median: number | null
  sd: number | null
  skewness: number | null
  alpha: number | null
  cic: number | null
  errorRatio: number | null
  standardError: number | null
}

/** Each learner's first attempt (earliest start; ties by attempt id), as Moodle's default. */
export function firstAttempts<T extends { learnerId: string; attemptId: string; startedAt: number }>(attempts: readonly T[]): T[] {
  const first = new Map<string, T>()
  for (const a of attempts) {
    const current = first.get(a.learnerId)
    if (current === undefined || a.startedAt < current.startedAt || (a.startedAt === current.startedAt && a.attemptId < current.attemptId)) {
      first.set(a.learnerId, a)
    }
  }
  return [...first.values()]
}

class CoMoments {
  n = 0
  meanX = 0
  meanY = 0
  m2x = 0
  m2y = 0
  cxy = 0
  add(x: number, y: number): void {
    this.n++
    const dx = x - this.meanX
    this.meanX += dx / this.n
    const dy = y - this.meanY
    this.meanY += dy / this.n
    this.m2x += dx * (x - this.meanX)
    this.m2y += dy * (y - this.meanY)
    this.cxy += dx * (y - this.meanY)
  }
}

const EPS = 1e-12

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

function attemptTotal(attempt: StatisticsAttempt): { total: number; max: number } {
  let total = 0
  let max = 0
  for (const s of Object.values(attempt.items)) {
    total += s.score
    max += s.max
  }
  return { total, max }
}

/** Covariance of the two columns after sorting each ascending (Moodle's Covmax), n − 1 denominator. */
function maxCovariance(xs: number[], rs: number[], meanX: number, meanR: number): number {
  const a = Float64Array.from(xs).sort()
  const b = Float64Array.from(rs).sort()
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - meanX) * ((b[i] ?? 0) - meanR)
  return sum / (a.length - 1)
}

/** Moodle's per-item statistics (definitions at the top of the file). */
export function itemStatistics(attempts: readonly StatisticsAttempt[]): ItemStatistics[] {
  const moments = new Map<string, CoMoments>()
  const fractions = new Map<string, CoMoments>()
  const columns = new Map<string, { xs: number[]; rs: number[] }>()
  for (const attempt of attempts) {
    const { total } = attemptTotal(attempt)
    for (const [itemId, s] of Object.entries(attempt.items)) {
      if (!(s.max > 0)) continue
      let m = moments.get(itemId)
      let f = fractions.get(itemId)
      let c = columns.get(itemId)
      if (m === undefined || f === undefined || c === undefined) {
        m = new CoMoments()
        f = new CoMoments()
        c = { xs: [], rs: [] }
        moments.set(itemId, m)
        fractions.set(itemId, f)
        columns.set(itemId, c)
      }
      m.add(s.score, total - s.score)
      f.add(s.score / s.max, 0)
      c.xs.push(s.score)
      c.rs.push(total - s.score)
    }
  }
  return [...moments.entries()].map(([itemId, m]) => {
    const f = fractions.get(itemId) as CoMoments
    const c = columns.get(itemId) as { xs: number[]; rs: number[] }
    const n = m.n
    const vx = n > 1 ? m.m2x / (n - 1) : 0
    const vr = n > 1 ? m.m2y / (n - 1) : 0
    const cov = n > 1 ? m.cxy / (n - 1) : 0
    let discrimination: number | null = null
    let efficiency: number | null = null
    if (n > 1 && vx > EPS && vr > EPS) discrimination = finite((100 * cov) / Math.sqrt(vx * vr))
    if (n > 1) {
      const covMax = maxCovariance(c.xs, c.rs, m.meanX, m.meanY)
      if (covMax > EPS) efficiency = finite((100 * cov) / covMax)
    }
    return {
      itemId,
      n,
      mean: m.meanX,
      facility: n > 0 ? 100 * f.meanX : null,
      sd: n > 1 ? 100 * Math.sqrt(Math.max(0, f.m2x / (n - 1))) : null,
      discriminationIndex: discrimination,
      discriminativeEfficiency: efficiency,
    }
  })
}

function median(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Cronbach's alpha over slot positions; null when undefined (see the top of the file). */
export function cronbachAlpha(attempts: readonly StatisticsAttempt[]): number | null {
  const first = attempts[0]
  if (attempts.length < 2 || first === undefined) return null
  const k = Object.keys(first.items).length
  if (k < 2 || attempts.some((a) => Object.keys(a.items).length !== k)) return null
  const slots = Array.from({ length: k }, () => new CoMoments())
  const totals = new CoMoments()
  for (const attempt of attempts) {
    let total = 0
    Object.values(attempt.items).forEach((s, i) => {
      slots[i]?.add(s.score, 0)
      total += s.score
    })
    totals.add(total, 0)
  }
  const n = attempts.length
  const totalVariance = totals.m2x / (n - 1)
  if (totalVariance <= EPS) return null
  const sumSlotVariance = slots.reduce((sum, s) => sum + s.m2x / (n - 1), 0)
  return finite((k / (k - 1)) * (1 - sumSlotVariance / totalVariance))
}

/** Moodle's test statistics (definitions at the top of the file). */
export function testStatistics(attempts: readonly StatisticsAttempt[]): TestStatistics {
  const percents = attempts.map((a) => {
    const { total, max } = attemptTotal(a)
    return max > 0 ? (100 * total) / max : 0
  })
  const n = percents.length
  const stats = new CoMoments()
  for (const p of percents) stats.add(p, 0)
  const sd = n > 1 ? Math.sqrt(stats.m2x / (n - 1)) : null
  let skewness: number | null = null
  if (n > 2 && sd !== null && sd > EPS) {
    const m3 = percents.reduce((sum, p) => sum + (p - stats.meanX) ** 3, 0) / n
    const k2 = sd ** 2
    const k3 = (n * n * m3) / ((n - 1) * (n - 2))
    skewness = finite(k3 / k2 ** 1.5)
  }
  const alpha = cronbachAlpha(attempts)
  const errorRatio = alpha !== null ? 100 * Math.sqrt(Math.max(0, 1 - alpha)) : null
  return {
    attempts: n,
    mean: n > 0 ? stats.meanX : null,
    median: median(Float64Array.from(percents).sort()),
    sd,
    skewness,
    alpha,
    cic: alpha !== null ? 100 * alpha : null,
    errorRatio,
    standardError: errorRatio !== null && sd !== null ? (errorRatio / 100) * sd : null,
  }
}

/** Test and item statistics together, over each learner's first attempt unless told otherwise. */
export function quizStatistics(
  attempts: readonly StatisticsAttempt[],
  which: 'first' | 'all' = 'first',
): { test: TestStatistics; items: ItemStatistics[] } {
  const chosen = which === 'first' ? firstAttempts(attempts) : [...attempts]
  return { test: testStatistics(chosen), items: itemStatistics(chosen) }
}
