import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import type { DebriefDb } from '../../../src/db/database.ts'
import { addFinalAttempt, mountInstructor } from './seed.ts'

async function seed(db: DebriefDb) {
  await db.learners.add({ id: 'ana', name: 'Ana', createdAt: 1, origin: 'local' })
  await addFinalAttempt(db, 'ana-1', 'ana', { 'f-q01': { type: 'single', optionId: 'a' }, 'f-q06': { type: 'freetext', text: 'The levee was not repaired.' } })
  // A fully graded attempt, since statistics leave out attempts waiting for a grade by default.
  await db.learners.add({ id: 'ben', name: 'Ben', createdAt: 1, origin: 'local' })
  await addFinalAttempt(db, 'ben-1', 'ben', { 'f-q01': { type: 'single', optionId: 'b' } })
  // An imported attempt the course check flagged: the gradebook and Ana's page list it with its reason.
  await addFinalAttempt(db, 'ana-2', 'ana', { 'f-q02': { type: 'truefalse', value: true } }, Date.UTC(2025, 2, 2))
  await db.importFlags.add({ attemptId: 'ana-2', flags: [{ code: 'draw-mismatch', message: 'The attempt holds 1 item(s); this assessment draws 4.' }], checkedAt: 1, learnerGrades: [] })
}

/** Structure rules only: happy-dom has no layout, so contrast is left to the e2e suite in Chromium. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('instructor pages pass axe-core’s structural rules', () => {
  it.each([
    ['gradebook', '/course/river-brief/instructor', 'table'],
    ['grading queue', '/course/river-brief/instructor/grading', '.grading-card'],
    ['statistics', '/course/river-brief/instructor/statistics', 'svg'],
    ['import', '/course/river-brief/instructor/import', '#import-files'],
    ['learner', '/course/river-brief/instructor/learner/ana', '.attempt-review'],
  ])('%s', async (_name, path, ready) => {
    const { wrapper } = await mountInstructor(path, seed, ready)
    expect(await violations()).toEqual([])
    wrapper.unmount()
  })
})
