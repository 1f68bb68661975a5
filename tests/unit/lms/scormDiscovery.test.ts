import { describe, expect, it } from 'vitest'
import { findScormApi, MAX_LEVELS } from '../../../src/app/lms/scorm/discover.ts'

/** A window-like object: its parent (itself at the top), its opener, and what it holds. */
interface FakeWindow {
  parent: FakeWindow
  opener: FakeWindow | null
  [name: string]: unknown
}

function win(holds: Record<string, unknown> = {}, parent?: FakeWindow, opener: FakeWindow | null = null): FakeWindow {
  const w = { ...holds, opener } as FakeWindow
  w.parent = parent ?? w
  return w
}

/** A frame of another origin: reading anything on it throws, as a browser does. */
function foreign(parent?: FakeWindow): FakeWindow {
  const target = win({}, parent)
  return new Proxy(target, {
    get(t, key) {
      if (key === 'parent') return t.parent
      throw new DOMException('Blocked a frame with origin from accessing a cross-origin frame.', 'SecurityError')
    },
  })
}

const API = { LMSInitialize: () => 'true' }
const API_2004 = { Initialize: () => 'true' }
const chain = (levels: number, top: FakeWindow): FakeWindow => {
  let w = top
  for (let i = 0; i < levels; i++) w = win({}, w)
  return w
}
const asWindow = (w: FakeWindow) => w as unknown as Window

describe('finding the SCORM API', () => {
  it.each<[string, () => FakeWindow, 'scorm12' | 'scorm2004', unknown]>([
    ['in the window itself', () => win({ API }), 'scorm12', API],
    ['in the parent', () => win({}, win({ API })), 'scorm12', API],
    ['2004 in the grandparent', () => win({}, win({}, win({ API_1484_11: API_2004 }))), 'scorm2004', API_2004],
    ['1.2 is not 2004', () => win({}, win({ API })), 'scorm2004', undefined],
    ['past a frame of another origin', () => win({}, foreign(win({ API }))), 'scorm12', API],
    ['in the opener of the top window', () => win({}, win({}, undefined, win({ API }))), 'scorm12', API],
    ['in a parent of the opener', () => win({}, undefined, win({}, win({ API_1484_11: API_2004 }))), 'scorm2004', API_2004],
    [`within ${MAX_LEVELS} levels`, () => chain(MAX_LEVELS, win({ API })), 'scorm12', API],
    [`not beyond ${MAX_LEVELS} levels`, () => chain(MAX_LEVELS + 1, win({ API })), 'scorm12', undefined],
    ['nowhere', () => win({}, win()), 'scorm12', undefined],
    ['not a value that is no object', () => win({ API: 'true' }), 'scorm12', undefined],
  ])('%s', (_name, make, version, expected) => {
    expect(findScormApi(asWindow(make()), version as 'scorm12')).toBe(expected)
  })
})
