/**
 * Finding the LMS's SCORM API object, as ADL's discovery algorithm does: the window's parents up
 * to the top, then the opener and its parents. A frame of another origin throws when read: it is
 * skipped, never fatal. At most MAX_LEVELS windows up each chain (a loop guard).
 */
import type { ScormVersion } from '../../../domain/lms/scormInteractions.ts'

export const MAX_LEVELS = 10

/** SCORM 1.2's API object (RTE 1.2 §3.3). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string
  LMSFinish(arg: ''): string
  LMSGetValue(name: string): string
  LMSSetValue(name: string, value: string): string
  LMSCommit(arg: ''): string
  LMSGetLastError(): string
  LMSGetErrorString(code: string): string
  LMSGetDiagnostic(code: string): string
}

/** SCORM 2004's API object (RTE 4th ed. §3.1). */
export interface Scorm2004Api {
  Initialize(arg: ''): string
  Terminate(arg: ''): string
  GetValue(name: string): string
  SetValue(name: string, value: string): string
  Commit(arg: ''): string
  GetLastError(): string
  GetErrorString(code: string): string
  GetDiagnostic(code: string): string
}

const NAMES = { scorm12: 'API', scorm2004: 'API_1484_11' } as const

/** The API object a window holds, or undefined (also when the window is of another origin). */
function apiIn(win: Window, version: ScormVersion): object | undefined {
  try {
    const api = (win as unknown as Record<string, unknown>)[NAMES[version]]
    return api !== null && typeof api === 'object' ? api : undefined
  } catch {
    return undefined
  }
}

function parentOf(win: Window): Window | undefined {
  try {
    return win.parent !== win ? win.parent : undefined
  } catch {
    return undefined
  }
}

/** The API up a window's parent chain (the window itself first). */
function searchUp(start: Window, version: ScormVersion): object | undefined {
  let win: Window | undefined = start
  for (let level = 0; win !== undefined && level <= MAX_LEVELS; level++) {
    const api = apiIn(win, version)
    if (api !== undefined) return api
    win = parentOf(win)
  }
  return undefined
}

function openerOf(win: Window): Window | undefined {
  try {
    return win.opener ?? undefined
  } catch {
    return undefined
  }
}

/** The top of a window's parent chain. */
function topOf(win: Window): Window {
  let top = win
  for (let level = 0, up = parentOf(top); up !== undefined && level < MAX_LEVELS; level++, up = parentOf(top)) top = up
  return top
}

/** The SCORM API for `version`, searched from `win` up, then from the opener up; undefined when there is none. */
export function findScormApi(win: Window, version: 'scorm12'): Scorm12Api | undefined
export function findScormApi(win: Window, version: 'scorm2004'): Scorm2004Api | undefined
export function findScormApi(win: Window, version: ScormVersion): Scorm12Api | Scorm2004Api | undefined {
  const found = searchUp(win, version)
  if (found !== undefined) return found as Scorm12Api | Scorm2004Api
  const opener = openerOf(topOf(win))
  return opener !== undefined ? (searchUp(opener, version) as Scorm12Api | Scorm2004Api | undefined) : undefined
}
