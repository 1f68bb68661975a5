/**
 * A sealed attempt inside a SCORM package: the device cannot grade it at submit (stubs), so the
 * LMS gets completion then, and the score and status once a release code opens the items here
 * (the 'released' event from src/stores/sealed.ts): the grade the result page then shows.
 */
import { Scorm2004API } from 'scorm-again'
import { courses } from 'virtual:debrief/catalog'
import { describe, expect, it } from 'vitest'
import { gradableAttempts } from '../../../src/app/lms/gradableAttempts.ts'
import { connectScorm } from '../../../src/app/lms/scorm/connect.ts'
import { listResponses } from '../../../src/db/attempts.ts'
import { DebriefDb } from '../../../src/db/database.ts'
import { saveSealedItems } from '../../../src/db/sealedItems.ts'
import { blueprintReport } from '../../../src/domain/lms/outcome.ts'
import { openWithReleaseCode } from '../../../src/domain/sealedKeyFile.ts'
import type { Answer } from '../../../src/domain/types.ts'
import { COURSE, START, storeAttempt } from '../assessment/assessmentApp.ts'
import { keyFile, sealedAttempt } from '../sealed/sealedFixture.ts'

const ANSWERS: Record<string, Answer> = {
  'f-q01': { type: 'single', optionId: 'a' },
  'f-q02': { type: 'truefalse', value: false },
}

describe('a sealed final in a SCORM 2004 package', () => {
  it('reports completion at submit, then the score and status once a release code opens its items', async () => {
    const api = new Scorm2004API({ logLevel: 5 })
    api.loadFromFlattenedJSON({ 'cmi.learner_id': 'u-7', 'cmi.learner_name': 'Ana' })
    ;(window as Window & { API_1484_11?: unknown }).API_1484_11 = api
    const db = new DebriefDb('scorm-released')
    await db.open()
    const session = await connectScorm({ kind: 'scorm2004', courseId: COURSE, blueprintId: 'final' }, window, db)
    expect(await session.resume?.('ana')).toBeUndefined()

    const attempt = await sealedAttempt('s1')
    await storeAttempt(db, attempt, ANSWERS)
    expect(await session.report({ type: 'submitted', attempt, responses: await listResponses(db, 's1') })).toBeUndefined()
    expect([api.GetValue('cmi.completion_status'), api.GetValue('cmi.success_status'), api.GetValue('cmi.score.raw')]).toEqual(['completed', 'unknown', ''])

    const { file, releaseCode } = await keyFile()
    const opened = await openWithReleaseCode(file, releaseCode, crypto.subtle)
    if (!opened.ok) throw new Error(opened.message)
    await saveSealedItems(db, { courseId: COURSE, items: opened.items, via: 'release-code', openedAt: START })
    expect(await session.report({ type: 'released', courseId: COURSE })).toBeUndefined()

    // The grade the result page shows now that the items are here.
    const { attempts, responses, manualGrades } = await gradableAttempts(db, 'ana', COURSE)
    const final = courses.find((c) => c.id === COURSE)!.blueprints.find((b) => b.id === 'final')!
    const { outcome } = blueprintReport(final, attempts, responses, manualGrades)
    expect(outcome.percent).not.toBeNull()
    expect(api.GetValue('cmi.score.raw')).toBe(String(outcome.percent))
    expect([api.GetValue('cmi.score.min'), api.GetValue('cmi.score.max')]).toEqual(['0', '100'])
    expect(outcome.success).not.toBe('unknown')
    expect(api.GetValue('cmi.success_status')).toBe(outcome.success)
  })
})
