/**
 * One shape over SCORM 1.2's and 2004's API objects (discover.ts): the calls differ only in name.
 * Every call is guarded: an API that throws is treated as one that said "false".
 */
import type { ScormVersion } from '../../../domain/lms/scormInteractions.ts'
import { findScormApi, type Scorm12Api, type Scorm2004Api } from './discover.ts'

export interface ScormError {
  code: string
  text: string
  diagnostic: string
}

export interface ScormCalls {
  readonly version: ScormVersion
  initialize(): boolean
  get(name: string): string
  set(name: string, value: string): boolean
  commit(): boolean
  finish(): boolean
  lastError(): ScormError
}

function safely<T>(call: () => T, fallback: T): T {
  try {
    return call()
  } catch {
    return fallback
  }
}

const yes = (answer: unknown) => String(answer) === 'true'

function calls12(api: Scorm12Api): ScormCalls {
  return {
    version: 'scorm12',
    initialize: () => safely(() => yes(api.LMSInitialize('')), false),
    get: (name) => safely(() => String(api.LMSGetValue(name) ?? ''), ''),
    set: (name, value) => safely(() => yes(api.LMSSetValue(name, value)), false),
    commit: () => safely(() => yes(api.LMSCommit('')), false),
    finish: () => safely(() => yes(api.LMSFinish('')), false),
    lastError: () =>
      safely(() => {
        const code = String(api.LMSGetLastError())
        return { code, text: String(api.LMSGetErrorString(code)), diagnostic: String(api.LMSGetDiagnostic(code)) }
      }, { code: '101', text: 'The LMS did not say', diagnostic: '' }),
  }
}

function calls2004(api: Scorm2004Api): ScormCalls {
  return {
    version: 'scorm2004',
    initialize: () => safely(() => yes(api.Initialize('')), false),
    get: (name) => safely(() => String(api.GetValue(name) ?? ''), ''),
    set: (name, value) => safely(() => yes(api.SetValue(name, value)), false),
    commit: () => safely(() => yes(api.Commit('')), false),
    finish: () => safely(() => yes(api.Terminate('')), false),
    lastError: () =>
      safely(() => {
        const code = String(api.GetLastError())
        return { code, text: String(api.GetErrorString(code)), diagnostic: String(api.GetDiagnostic(code)) }
      }, { code: '101', text: 'The LMS did not say', diagnostic: '' }),
  }
}

/** The LMS's API for `version` as ScormCalls, or undefined when no window up the chain has one. */
export function scormCalls(win: Window, version: ScormVersion): ScormCalls | undefined {
  if (version === 'scorm12') {
    const api = findScormApi(win, 'scorm12')
    return api ? calls12(api) : undefined
  }
  const api = findScormApi(win, 'scorm2004')
  return api ? calls2004(api) : undefined
}

/** "error 405: Incorrect Data Type (diagnostic)" for the detail line. */
export function describeError(error: ScormError): string {
  const diagnostic = error.diagnostic && error.diagnostic !== error.text ? ` (${error.diagnostic})` : ''
  return `error ${error.code}: ${error.text}${diagnostic}`
}
