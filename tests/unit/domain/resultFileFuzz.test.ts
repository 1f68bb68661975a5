/**
 * `parseResultFile` never throws, whatever the text (issue 12 §4): fast-check feeds it arbitrary
 * JSON and genuine files mutated and re-signed with the documented checksum (so the structural
 * check is reached). Properties: it resolves; it hashes at most once, over text bounded by the
 * input (the work is bounded by the size and depth limits, not measured by a clock); and it either
 * refuses with a code and a message or returns a file whose every number is finite and in range,
 * every id non-empty and bounded, whose name follows the app's name rule, and which grades.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { gradeAttempt } from '../../../src/domain/attemptGrading.ts'
import { cleanName, MAX_NAME_LENGTH } from '../../../src/domain/names.ts'
import { parseResultFile, type ParseResult, type ResultFile } from '../../../src/domain/resultFile.ts'
import { EARLIEST_TIME, LATEST_TIME, MAX_ID_LENGTH } from '../../../src/domain/validate.ts'
import { asData, genuineFile, resign, sha256 } from './hostileFiles.ts'

const RUNS = { numRuns: 200 }
type Json = unknown
type Path = (string | number)[]

/** Parse with a counting checksum, so the work done can be bounded. */
async function parseCounted(text: string): Promise<{ result: ParseResult; hashes: number[] }> {
  const hashes: number[] = []
  const result = await parseResultFile(text, { sha256: async (t) => (hashes.push(t.length), sha256(t)) })
  return { result, hashes }
}

/** Every way an accepted file could still break a page; empty when there is none. */
function problemsOf(file: ResultFile): string[] {
  const problems: string[] = []
  const stack: [unknown, string][] = [[file, '']]
  while (stack.length > 0) {
    const [v, path] = stack.pop()!
    if (typeof v === 'number' && !(Number.isFinite(v) && Math.abs(v) <= 1e15)) problems.push(`${path} is ${v}`)
    else if (v !== null && typeof v === 'object') for (const [k, child] of Object.entries(v)) stack.push([child, `${path}.${k}`])
  }
  const ids: [string, unknown][] = [['learner.id', file.learner.id], ['courseId', file.courseId]]
  const times: [string, unknown][] = [['exportedAt', Date.parse(file.exportedAt)]]
  file.attempts.forEach(({ attempt, responses, manualGrades }, i) => {
    ids.push([`${i}.id`, attempt.id], [`${i}.sourceId`, attempt.sourceId])
    attempt.slots.forEach((s) => ids.push([`${i}.slot.itemId`, s.itemId], [`${i}.slot.version`, s.version]))
    for (const [version, item] of Object.entries(attempt.snapshots)) ids.push([`${i}.snapshot key`, version], [`${i}.item.id`, item.id])
    responses.forEach((r) => { ids.push([`${i}.response.itemId`, r.itemId]); times.push([`${i}.savedAt`, r.savedAt]) })
    ;(manualGrades ?? []).forEach((g) => times.push([`${i}.gradedAt`, g.gradedAt]))
    times.push([`${i}.startedAt`, attempt.startedAt])
    if (attempt.deadline !== null) times.push([`${i}.deadline`, attempt.deadline])
    if (attempt.submittedAt !== null) times.push([`${i}.submittedAt`, attempt.submittedAt])
  })
  for (const [path, id] of ids) if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH || id === '__proto__') problems.push(`${path} is ${JSON.stringify(id)}`)
  for (const [path, t] of times) if (typeof t !== 'number' || !(t >= EARLIEST_TIME && t < LATEST_TIME)) problems.push(`${path} is ${String(t)}`)
  const name = file.learner.name
  if (cleanName(name) !== name || name === '' || name.length > MAX_NAME_LENGTH) problems.push(`learner.name is ${JSON.stringify(name)}`)
  for (const e of file.attempts) {
    const grade = gradeAttempt(e.attempt, e.responses, e.manualGrades ?? [], { passMark: e.assessment?.passMark ?? 0 })
    if (!Number.isFinite(grade.percent) || !Number.isFinite(grade.max)) problems.push(`attempt ${e.attempt.id} grades as ${grade.percent} of ${grade.max}`)
  }
  return problems
}

async function holds(text: string): Promise<void> {
  const { result, hashes } = await parseCounted(text)
  expect(hashes.length).toBeLessThanOrEqual(1)
  for (const n of hashes) expect(n).toBeLessThanOrEqual(2 * text.length + 16)
  if (result.ok) expect(problemsOf(result.file)).toEqual([])
  else {
    expect(result.error.code).toMatch(/^[a-z-]+$/)
    expect(result.error.message.length).toBeGreaterThan(20)
  }
}

/** Every path to a value in `v` (leaves and containers), breadth first. */
function pathsOf(v: Json): Path[] {
  const out: Path[] = []
  const queue: [Json, Path][] = [[v, []]]
  while (queue.length > 0) {
    const [node, path] = queue.shift()!
    if (path.length > 0) out.push(path)
    if (Array.isArray(node)) node.forEach((c, i) => queue.push([c, [...path, i]]))
    else if (node !== null && typeof node === 'object') for (const [k, c] of Object.entries(node)) queue.push([c, [...path, k]])
  }
  return out
}

/** A copy of `data` with the value at `path` given by `change` (or deleted when it returns undefined). */
function mutate(data: Json, path: Path, change: (old: Json) => Json): Json {
  const copy = structuredClone(data) as Record<string | number, Json>
  let parent = copy
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>
  const last = path[path.length - 1]!
  const next = change(parent[last])
  if (next === undefined && !Array.isArray(parent)) delete parent[last]
  else parent[last] = next
  return copy
}

const resignAny = (data: Json) => (data !== null && typeof data === 'object' && !Array.isArray(data) ? resign(data as Record<string, unknown>) : Promise.resolve(JSON.stringify(data)))

describe('parseResultFile never throws', () => {
  let genuine: Record<string, unknown>
  let paths: Path[]
  beforeAll(async () => {
    genuine = asData(await genuineFile())
    delete genuine.checksum
    paths = pathsOf(genuine)
  })
  const pathArb = () => fc.nat().map((n) => paths[n % paths.length]!)

  it('on arbitrary JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), (v) => holds(JSON.stringify(v))), RUNS)
  })

  it('on arbitrary JSON shaped like a result file and signed', async () => {
    const shaped = fc.record({ format: fc.constant('debrief-result'), version: fc.constantFrom(1, 2), courseId: fc.jsonValue(), learner: fc.jsonValue(), attempts: fc.jsonValue(), exportedAt: fc.jsonValue() })
    await fc.assert(fc.asyncProperty(shaped, async (v) => holds(await resignAny(v))), RUNS)
  })

  it('on arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), holds), RUNS)
  })

  it('when any value of a genuine file is replaced by arbitrary JSON', async () => {
    await fc.assert(fc.asyncProperty(pathArb(), fc.jsonValue(), async (path, value) => holds(await resignAny(mutate(genuine, path, () => value)))), RUNS)
  })

  it('when any key of a genuine file is deleted', async () => {
    await fc.assert(fc.asyncProperty(pathArb(), async (path) => holds(await resignAny(mutate(genuine, path, () => undefined)))), RUNS)
  })

  it('when any value is replaced by a number of any size', async () => {
    const numbers = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e20, -1e20, 1e308, -0, 0.1, 2 ** 53))
    await fc.assert(fc.asyncProperty(pathArb(), numbers, async (path, n) => holds(await resignAny(mutate(genuine, path, () => n)))), RUNS)
  })

  it('when any key is renamed to a prototype name, an empty or a long one', async () => {
    const names = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(300))
    await fc.assert(fc.asyncProperty(pathArb(), names, async (path, name) => {
      const text = await resignAny(genuine)
      const key = path[path.length - 1]
      if (typeof key !== 'string') return
      // Renamed in the text, so `__proto__` arrives as JSON.parse makes it: an own key.
      const renamed = JSON.parse(text.replace(`"${key}":`, `"${name}":`)) as Record<string, unknown>
      await holds(await resign(renamed))
    }), RUNS)
  })

  it('when any value is wrapped in deep nesting', async () => {
    await fc.assert(fc.asyncProperty(pathArb(), fc.integer({ min: 1, max: 200 }), fc.boolean(), async (path, depth, asArray) => {
      const wrap = (old: Json) => { let v = old; for (let i = 0; i < depth; i++) v = asArray ? [v] : { v }; return v }
      await holds(await resignAny(mutate(genuine, path, wrap)))
    }), RUNS)
  })

  it('when any value is replaced by a huge string', async () => {
    await fc.assert(fc.asyncProperty(pathArb(), fc.integer({ min: 0, max: 6_000_000 }), fc.constantFrom('x', '\u202E', '\\', '"'), async (path, length, ch) => {
      await holds(await resignAny(mutate(genuine, path, () => ch.repeat(length))))
    }), { numRuns: 20 })
  })
})
