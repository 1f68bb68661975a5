/** The shapes of the xAPI 1.0.3 statements Debrief sends (a subset of the spec's). */
import type { InteractionDefinition } from './interactions.ts'

export interface XapiAgent {
  objectType: 'Agent'
  name?: string
  account: { homePage: string; name: string }
}

export interface XapiActivity {
  objectType: 'Activity'
  id: string
  definition?: { type: string; name?: Record<string, string>; description?: Record<string, string> } | InteractionDefinition
}

export interface XapiStatementRef {
  objectType: 'StatementRef'
  id: string
}

export interface XapiResult {
  score?: { scaled: number; raw: number; min: number; max: number }
  success?: boolean
  completion?: boolean
  response?: string
  duration?: string
  extensions?: Record<string, unknown>
}

export interface XapiContext {
  registration?: string
  contextActivities?: { parent?: XapiActivity[]; grouping?: XapiActivity[] }
  extensions?: Record<string, unknown>
}

export interface XapiStatement {
  id: string
  actor: XapiAgent
  verb: { id: string; display: Record<string, string> }
  object: XapiActivity | XapiStatementRef
  result?: XapiResult
  context?: XapiContext
  timestamp: string
}

/** What every builder needs: the settings, the learner, and where new statement ids come from. */
export interface StatementEnv {
  settings: import('./iris.ts').XapiSettings
  learner: { id: string; displayName?: string }
  /** A new UUID for each statement (crypto.randomUUID on the device; a counter in tests). */
  newId: () => string
}
