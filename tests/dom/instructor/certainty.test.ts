/**
 * Issue 14, for the instructor: certainty figures in the gradebook, on the learner page and the
 * statistics page, for a hand-computed cohort (certaintySeed.ts), and none for an assessment
 * without certainty.
 */
import axe from 'axe-core'
import type { DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { COHORT, finalCertainty, seedCohort } from './certaintySeed.ts'
import { mountInstructor } from './seed.ts'

const P: Record<number, number> = { 1: 0.5, 2: (2 / 3 + 0.8) / 2, 3: 0.9 }
const CBM: Record<number, [right: number, wrong: number]> = { 1: [1, 0], 2: [2, -2], 3: [3, -6] }

/** The hand computation, written out: accuracy, CBM bonus, Brier and confidence over some answers. */
function figures(marks: readonly string[]) {
  const answers = marks.map((m) => ({ right: m[0] === 'R' ? 1 : 0, level: Number(m[1]) }))
  const n = answers.length
  const accuracy = answers.reduce((s, a) => s + a.right, 0) / n
  const average = answers.reduce((s, a) => s + CBM[a.level]![a.right ? 0 : 1], 0) / n
  // Moodle's bonus: 0.1 × (average mark − the best a single level would have earned at this accuracy).
  const best = Math.max(...[1, 2, 3].map((l) => accuracy * CBM[l]![0] + (1 - accuracy) * CBM[l]![1]))
  const brier = answers.reduce((s, a) => s + (P[a.level]! - a.right) ** 2, 0) / n
  const confidence = answers.reduce((s, a) => s + P[a.level]! - a.right, 0) / n
  return { accuracy, bonus: 0.1 * (average - best), brier, confidence }
}
const sign = (n: number, digits: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`

let restore: (() => void) | undefined
afterEach(() => {
  restore?.()
  restore = undefined
  document.body.innerHTML = ''
})

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const cells = (row: DOMWrapper<Element>, columns: string[]) => columns.map((c) => row.find(`[data-column="${c}"]`).text())

describe('gradebook with certainty', () => {
  it('shows accuracy, CBM bonus, Brier and confidence per learner, as computed by hand, with plain headers', async () => {
    restore = finalCertainty(true)
    const { wrapper } = await mountInstructor('/course/river-brief/instructor', seedCohort)
    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Brier score \(0 is perfect\) at Final check/), expect.stringMatching(/^Confidence: \+ over-confident, − under-confident at Final check/),
    ]))
    // Ana: very sure on all five, right on 3 → accuracy 60 %, CBM marks 3·3 − 2·6 = −3, average −0.6; best single
    // level at 60 % is 'not sure' (0.6), bonus 0.1 × (−0.6 − 0.6) = −12 %; Brier (3·0.1² + 2·0.9²)/5 = 0.33; confidence 0.9 − 0.6.
    expect(figures(COHORT.ana!)).toMatchObject({ accuracy: 0.6 })
    expect(figures(COHORT.ana!).bonus).toBeCloseTo(-0.12, 9)
    expect(figures(COHORT.ana!).brier).toBeCloseTo(0.33, 9)
    for (const learner of ['ana', 'ben', 'cy']) {
      const f = figures(COHORT[learner]!)
      const row = wrapper.findAll('tbody tr').find((tr) => tr.find('th').text() === learner[0]!.toUpperCase() + learner.slice(1))!
      expect(cells(row, ['accuracy', 'bonus', 'brier', 'confidence'])).toEqual([
        `${(100 * f.accuracy).toFixed(0)}%`, `${sign(100 * f.bonus, 0)}%`, f.brier.toFixed(3), sign(f.confidence, 2),
      ])
    }
    const dee = wrapper.findAll('tbody tr').find((tr) => tr.find('th').text() === 'Dee')!
    expect(cells(dee, ['accuracy', 'bonus', 'brier', 'confidence'])).toEqual(['—', '—', '—', '—'])
    expect(wrapper.find('[data-certainty-note]').text()).toContain('A plus sign means over-confident')
    expect(await violations()).toEqual([])
  })

  it.each([
    // Brier: Ben 0.290, Ana 0.330, Cy 0.372; confidence: Ana +0.30, Cy +0.11, Ben +0.07. Dee (no attempt) last both ways.
    ['Brier score', ['Cy', 'Ana', 'Ben', 'Dee'], ['Ben', 'Ana', 'Cy', 'Dee']],
    ['Confidence', ['Ana', 'Cy', 'Ben', 'Dee'], ['Ben', 'Cy', 'Ana', 'Dee']],
    // Bonus: Ben −8 %, Ana and Cy −12 % (ties by name).
    ['CBM bonus', ['Ben', 'Ana', 'Cy', 'Dee'], ['Ana', 'Cy', 'Ben', 'Dee']],
  ])('sorts by %s, descending first, then ascending', async (label, descending, ascending) => {
    restore = finalCertainty(true)
    const { wrapper } = await mountInstructor('/course/river-brief/instructor', seedCohort)
    const header = () => wrapper.findAll('thead th').find((th) => th.text().startsWith(`${label}`) && th.text().includes('at Final check'))!
    const names = () => wrapper.findAll('tbody th[scope="row"] a').map((a) => a.text())
    await header().find('button').trigger('click')
    expect([names(), header().attributes('aria-sort')]).toEqual([descending, 'descending'])
    await header().find('button').trigger('click')
    expect([names(), header().attributes('aria-sort')]).toEqual([ascending, 'ascending'])
  })

  it('has no certainty columns or note for an assessment without certainty', async () => {
    restore = finalCertainty(false)
    const { wrapper } = await mountInstructor('/course/river-brief/instructor', seedCohort)
    expect(wrapper.findAll('thead th').some((th) => /Brier|Confidence|Accuracy|CBM/.test(th.text()))).toBe(false)
    expect([wrapper.find('[data-column="brier"]').exists(), wrapper.find('[data-certainty-note]').exists()]).toEqual([false, false])
  })
})

describe('learner page with certainty', () => {
  it('shows Ana’s calibration per level, Brier and confidence, as computed by hand', async () => {
    restore = finalCertainty(true)
    const { wrapper } = await mountInstructor('/course/river-brief/instructor/learner/ana', seedCohort, '.calibration-levels')
    const section = wrapper.find('[data-assessment="final"]')
    expect(section.find('h2').text()).toBe('Certainty at Final check')
    // Very sure 5 times, right 3: 60 %, below the band from 80 %: over-confident. Never 'not sure' nor 'fairly sure'.
    const rows = section.findAll('.calibration-levels tbody tr')
    expect(rows.map((r) => [r.find('th').text(), ...cells(r, ['right', 'band'])])).toEqual([
      ['not sure', '0 of 0', 'up to 67%'], ['fairly sure', '0 of 0', '67% to 80%'], ['very sure', '3 of 5', '80% or more'],
    ])
    expect(rows[2]!.find('[data-column="judgement"]').text()).toBe(
      'Over-confident' + 'When very sure, the learner was right 60% of the time (the target is 80% or more): over-confident at this level.')
    expect(rows[0]!.find('[data-column="judgement"]').text()).toBe('Never chosen' + "The learner never chose 'not sure'.")
    expect(['answers', 'brier', 'confidence'].map((f) => section.find(`[data-figure="${f}"]`).text())).toEqual(['5', '0.330', '+0.30'])
    expect(await violations()).toEqual([])
  })

  it('has no certainty section without certainty', async () => {
    restore = finalCertainty(false)
    const { wrapper } = await mountInstructor('/course/river-brief/instructor/learner/ana', seedCohort, '.attempt-review')
    expect(wrapper.find('.learner-calibration').exists()).toBe(false)
  })
})

describe('statistics page with certainty', () => {
  const PATH = '/course/river-brief/instructor/statistics'

  it('shows the cohort’s calibration, Brier and confidence, pooled, as computed by hand', async () => {
    restore = finalCertainty(true)
    const { wrapper } = await mountInstructor(PATH, seedCohort, '.calibration-levels')
    const all = Object.values(COHORT).flat()
    const f = figures(all)
    // 15 answers: very sure 8 (right 4: Ana 3, Cy 1) = 50 %, over-confident; fairly sure 3 (right 2) and not sure 4 (right 3), too few.
    // Brier (4·0.01 + 4·0.81 + 2·(4/15)² + (11/15)² + 4·0.25)/15 = 4.96/15; confidence (11.4 − 9)/15 = 0.16.
    expect(f.brier).toBeCloseTo(4.96 / 15, 9)
    expect(f.confidence).toBeCloseTo(0.16, 9)
    const cohort = wrapper.find('.cohort-calibration')
    expect(['learners', 'answers', 'brier', 'confidence'].map((k) => cohort.find(`[data-figure="${k}"]`).text())).toEqual(['3', '15', '0.331', '+0.16'])
    expect(cohort.findAll('tbody tr').map((r) => [r.find('th').text(), ...cells(r, ['right'])])).toEqual([['not sure', '3 of 4'], ['fairly sure', '2 of 3'], ['very sure', '4 of 8']])
    expect(cohort.find('[data-level="3"] [data-column="judgement"]').text()).toContain('When very sure, the cohort was right 50% of the time')
    expect(cohort.find('[data-level="2"] [data-column="judgement"]').text()).toContain("The cohort chose 'fairly sure' 3 times: too few answers to judge")
    expect(await violations()).toEqual([])
  })

  it('counts the very sure and wrong answers per question and flags f-q01 (3 of 3)', async () => {
    restore = finalCertainty(true)
    const { wrapper } = await mountInstructor(PATH, seedCohort, '.item-stats')
    const row = (id: string) => wrapper.findAll('.item-stats tbody tr').find((tr) => tr.find('.item-stats__id').text() === id)
    // f-q01: all three very sure and wrong (≥ 3 and ≥ a fifth); f-q05: Ana only (1 of 3); f-q02: none.
    expect(['f-q01', 'f-q02', 'f-q05'].map((id) => row(id)!.find('[data-column="sure-wrong"]').text())).toEqual(['3 of 3 (100%)', '0 of 3 (0%)', '1 of 3 (33%)'])
    expect(row('f-q01')!.text()).toContain('Possible misconception')
    expect(row('f-q05')!.text()).not.toContain('Possible misconception')
  })

  it('shows only the misconception signals when asked (a labelled native checkbox, so Space toggles it), and axe finds nothing', async () => {
    restore = finalCertainty(true)
    const { wrapper } = await mountInstructor(PATH, seedCohort, '.item-stats')
    const box = wrapper.find<HTMLInputElement>('input[name="statistics-misconceptions"]')
    expect(box.element.closest('label')?.textContent?.trim()).toBe('Show misconception signals only')
    // A native checkbox toggles with Space; happy-dom does not press keys, so the change Space makes is what is sent.
    box.element.focus()
    expect(document.activeElement).toBe(box.element)
    await box.setValue(true)
    await vi.waitFor(() => expect(wrapper.findAll('.item-stats tbody tr').map((tr) => tr.find('.item-stats__id').text())).toEqual(['f-q01']))
    expect(await violations()).toEqual([])
    await box.setValue(false)
    expect(wrapper.findAll('.item-stats tbody tr')).toHaveLength(5)
  })

  it('has no cohort calibration, column or filter for an assessment without certainty', async () => {
    restore = finalCertainty(false)
    const { wrapper } = await mountInstructor(PATH, seedCohort, '.item-stats')
    expect([wrapper.find('.cohort-calibration').exists(), wrapper.find('[data-column="sure-wrong"]').exists(), wrapper.find('input[name="statistics-misconceptions"]').exists()])
      .toEqual([false, false, false])
    expect(wrapper.findAll('.item-stats thead th').map((th) => th.text())).not.toContain('Very sure and wrong')
  })
})
