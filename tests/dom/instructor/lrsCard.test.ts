/**
 * "Load from the LRS" on the import page (fixture course): shown only when an LRS is configured;
 * loads a learner's attempt from the LRS's pages (fetch stood in for, answering with statements
 * the app's own builders made), says what it did, cancels, shows a refused key in words, and
 * passes axe-core's structural rules.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import axe from 'axe-core'
import { resetLrsSetup } from '../../../src/app/lrsConfig.ts'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import type { Attempt } from '../../../src/domain/types.ts'
import type { LrsConfig } from '../../../src/domain/xapi/config.ts'
import { initialized, submittedAttemptStatements } from '../../../src/domain/xapi/statements.ts'
import { fixtureItems, mountInstructor, T0 } from './seed.ts'

const PATH = '/course/river-brief/instructor/import'
const CONFIG: LrsConfig = {
  endpoint: 'https://lrs.example.org/xapi', homePage: 'https://lms.example.org/learners', activityBase: 'https://lms.example.org/debrief',
  auth: { type: 'basic', key: 'debrief', secret: 'secret' }, sendDisplayName: true, sendFreeText: false,
}
const WAIT = { timeout: 5000 }
type Wrapper = Awaited<ReturnType<typeof mountInstructor>>['wrapper']
let mounted: Wrapper | undefined
const realFetch = globalThis.fetch

/** Bea's honest final attempt, as the statements her device sent. */
async function beaStatements(): Promise<unknown[]> {
  const items = await fixtureItems()
  const shown = ['f-q01', 'f-q02', 'f-q04', 'f-q05'].map((id) => items.get(id)!)
  const startedAt = T0 - 1e6
  const id = '6f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b'
  const attempt: Attempt = {
    id, courseId: 'river-brief', learnerId: 'bea', mode: 'assessment', sourceId: 'final', seed: 1, startedAt, deadline: startedAt + 600_000, submittedAt: startedAt + 300_000, submitReason: 'learner',
    slots: shown.map((item) => ({ itemId: item.id, version: item.version })), snapshots: Object.fromEntries(shown.map((item) => [item.version, item])),
  }
  const responses = shown.map((item, i) => ({ attemptId: id, itemId: item.id, answer: { type: 'single' as const, optionId: 'a' }, flagged: false, savedAt: startedAt + 60_000 * (i + 1), seq: 1 }))
  let n = 0
  const env = { settings: CONFIG, learner: { id: 'bea', displayName: 'Bea' }, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` }
  const source = { courseTitle: 'River', sourceTitle: 'Final check' }
  return [initialized(env, attempt, source), ...submittedAttemptStatements(env, attempt, source, gradeAttempt(attempt, responses, [], { passMark: 0.7 }))]
}

/** The LRS as fetch sees it: `answer` for its statements resource; anything else goes to the real fetch. */
function stubLrs(answer: (url: string, init?: RequestInit) => Promise<Response>) {
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input)
    return url.startsWith(`${CONFIG.endpoint}/statements`) ? answer(url, init) : realFetch(input, init)
  })
}

async function openPage(): Promise<Wrapper> {
  const app = await mountInstructor(PATH, undefined, '#import-files')
  mounted = app.wrapper
  return app.wrapper
}

async function press(wrapper: Wrapper, label: string) {
  await vi.waitFor(() => expect(wrapper.findAll('[data-lrs-card] button').some((b) => b.text() === label)).toBe(true), WAIT)
  await wrapper.findAll('[data-lrs-card] button').find((b) => b.text() === label)!.trigger('click')
}

const text = (wrapper: Wrapper, selector: string) => wrapper.find(selector).text().replace(/\s+/g, ' ')

beforeEach(() => resetLrsSetup({ config: CONFIG, problem: null, source: 'file', fileProblem: null }))
afterEach(() => {
  mounted?.unmount()
  vi.unstubAllGlobals()
  resetLrsSetup()
})

describe('"Load from the LRS" on the import page', () => {
  it('is not shown when no LRS is configured', async () => {
    resetLrsSetup({ config: null, problem: null, source: null, fileProblem: null })
    const wrapper = await openPage()
    await vi.waitFor(() => expect(wrapper.find('[data-lrs-checked]').exists()).toBe(true))
    expect(wrapper.find('[data-lrs-card]').exists()).toBe(false)
  })

  it('loads the attempts, says what it did, and passes axe-core\'s structural rules', async () => {
    const statements = await beaStatements()
    const asked: string[] = []
    stubLrs(async (url) => {
      asked.push(url)
      return new Response(JSON.stringify({ statements, more: '' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    const wrapper = await openPage()
    await vi.waitFor(() => expect(wrapper.find('[data-lrs-card]').exists()).toBe(true), WAIT)
    expect(text(wrapper, '[data-lrs-card] p')).toContain('Learning Record Store at lrs.example.org')
    await press(wrapper, 'Load from the LRS')
    await vi.waitFor(() => expect(wrapper.find('[data-lrs-outcome]').exists()).toBe(true), WAIT)
    expect(text(wrapper, '[data-lrs-outcome]')).toBe('Loaded 8 statements (1 page) from the LRS: 1 learner (1 new), 1 attempt. 1 added, 0 already on this device, 0 flagged.')
    expect(new URL(asked[0]!).searchParams.get('activity')).toBe('https://lms.example.org/debrief/courses/river-brief')
    expect(document.activeElement?.classList.contains('lrs-card__result')).toBe(true)
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.map((v) => v.id)).toEqual([])
    // Loading again adds nothing.
    await press(wrapper, 'Load from the LRS')
    await vi.waitFor(() => expect(text(wrapper, '[data-lrs-outcome]')).toContain('0 added, 1 already on this device'), WAIT)
  })

  it('shows the progress and cancels, changing nothing', async () => {
    stubLrs((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))))
    const wrapper = await openPage()
    await press(wrapper, 'Load from the LRS')
    await vi.waitFor(() => expect(wrapper.find('[data-lrs-card] progress').exists()).toBe(true), WAIT)
    expect(text(wrapper, '[data-lrs-card] label')).toBe('Asking the LRS for this course\'s statements…')
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })
    expect(result.violations.map((v) => v.id)).toEqual([])
    await press(wrapper, 'Cancel')
    await vi.waitFor(() => expect(text(wrapper, '[data-lrs-card] [role="status"]')).toBe('Cancelled. Nothing was loaded or changed.'), WAIT)
    expect(wrapper.find('[data-lrs-card] progress').exists()).toBe(false)
  })

  it('says in words when the LRS refuses the key', async () => {
    stubLrs(async () => new Response('Unauthorised', { status: 401 }))
    const wrapper = await openPage()
    await press(wrapper, 'Load from the LRS')
    await vi.waitFor(() => expect(wrapper.find('[data-lrs-card] [role="alert"]').exists()).toBe(true), WAIT)
    expect(text(wrapper, '[data-lrs-card] [role="alert"]')).toMatch(/^The LRS refused Debrief's key \(401\): check the LRS key and secret .* Nothing was loaded or changed\.$/u)
  })
})
