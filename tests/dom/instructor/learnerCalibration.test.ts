/** The learner page's certainty section per objective (InstructorLearnerCalibration.vue), mounted on its own. */
import axe from 'axe-core'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import InstructorLearnerCalibration from '../../../src/components/instructor/InstructorLearnerCalibration.vue'
import type { AssessmentInfo } from '../../../src/domain/blueprints.ts'
import { learnerCalibrations } from '../../../src/domain/instructorCalibration.ts'
import { cbmAttempt, type Answered } from '../../fixtures/cbmAttempt.ts'

const final: AssessmentInfo = { id: 'final', title: 'Final', passMark: 0.5, gradingMethod: 'highest', certainty: true, passOn: 'accuracy' }
// Objective o1: very sure 6 times, right 5 (83 %, within the band from 80 %). Objective o2: 2 answers, not shown.
const ANSWERS: Answered[] = [
  ...Array.from({ length: 5 }, (): Answered => ({ outcome: 'right', certainty: 3, objective: 'o1' })),
  { outcome: 'wrong', certainty: 3, objective: 'o1' },
  { outcome: 'right', certainty: 1, objective: 'o2' },
  { outcome: 'wrong', certainty: 2, objective: 'o2' },
]

afterEach(() => {
  document.body.innerHTML = ''
})

describe('a learner’s calibration per objective', () => {
  it('shows the objectives with enough answers, named, with their levels; axe finds nothing', async () => {
    const { attempt, responses } = cbmAttempt(ANSWERS)
    const entries = learnerCalibrations({ learners: [], assessments: [final], attempts: [attempt], responses: new Map([[attempt.id, responses]]), manualGrades: new Map() }, 'ann')
    const wrapper = mount(InstructorLearnerCalibration, { props: { entries, objectiveText: new Map([['o1', 'Tell a report from a confirmation']]) }, attachTo: document.body })
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Objective o1: Tell a report from a confirmation'])
    const tables = wrapper.findAll('.calibration-levels')
    expect(tables).toHaveLength(2)
    expect(tables[1]!.find('[data-level="3"] [data-column="right"]').text()).toBe('5 of 6')
    expect(tables[1]!.find('[data-level="3"] [data-column="judgement"]').text()).toContain('right 83% of the time (the target is 80% or more): well calibrated')
    // Over the whole attempt: 8 answers, of which level 3 has 6.
    expect(wrapper.find('[data-figure="answers"]').text()).toBe('8')
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.map((v) => v.id)).toEqual([])
  })
})
