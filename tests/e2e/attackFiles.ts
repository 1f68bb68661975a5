/**
 * The attack files of tests/e2e/attacks.test.ts, made in Node as a learner makes them with a text
 * editor and the documented checksum: each an edit of a real result file downloaded from the
 * browser (a copy of it taken as the attacker's own), or a file built from the course by
 * tests/fixtures/importAttacks.ts (the final's attacks, so nobody sits the final in the browser).
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../../src/domain/canonicalJson.ts'
import { serializeResultFile } from '../../src/domain/resultFile.ts'
import { attackRows, resultFile } from '../fixtures/importAttacks.ts'
import { courseContent } from './instructorActions.ts'

type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- hand edits of parsed JSON

/**
 * Re-seals edited data with the documented checksum, so the checks after it are reached. The
 * device signature is dropped, as an attacker must: she cannot sign with the learner's key, and a
 * signed file edited is refused before any other check (tests/e2e/deviceKeys.test.ts).
 */
export function resign(data: Data): Buffer {
  const { checksum: _old, signature: _signature, ...rest } = data
  return Buffer.from(JSON.stringify({ ...rest, checksum: `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}` }))
}

/** Edited data with its checksum recomputed but the learner's device signature kept, as an editor would leave it. */
export function keepSignature(data: Data): Buffer {
  const { checksum: _old, signature, ...rest } = data
  return Buffer.from(JSON.stringify({ ...rest, signature, checksum: `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}` }))
}

/**
 * A real file taken over as `learner`'s own: the learner, and the (first) attempt's id in every
 * place it appears, replaced. Everything else is what the browser wrote.
 */
export function asLearner(realFile: string, learner: { id: string; name: string }, attemptId: string): Data {
  const data = JSON.parse(realFile) as Data
  data.learner = { id: learner.id, name: learner.name }
  const entry = data.attempts[0]
  entry.attempt.id = attemptId
  entry.attempt.learnerId = learner.id
  for (const r of entry.responses) r.attemptId = attemptId
  data.attempts = [entry]
  return data
}

const entry = (d: Data) => d.attempts[0]
const snapshots = (d: Data): Data[] => Object.values(entry(d).attempt.snapshots)

/** Every key edited to the learner's answer: each item made a true/false item whose key is "false", every answer "false". */
export function forgeKeys(d: Data): Data {
  for (const [version, item] of Object.entries(entry(d).attempt.snapshots as Data)) {
    const { id, lesson, stem, explanation, passages, objective, difficulty, bloom } = item
    entry(d).attempt.snapshots[version] = { id, lesson, version, type: 'truefalse', stem, answer: false, explanation, passages, objective, difficulty, bloom }
  }
  for (const r of entry(d).responses) r.answer = { type: 'truefalse', value: false }
  return d
}

/** Full marks "from the instructor" for every item, written into the file. */
export function forgeGrades(d: Data): Data {
  const e = entry(d)
  e.manualGrades = e.attempt.slots.map((s: Data) => ({ attemptId: e.attempt.id, itemId: s.itemId, criteria: {}, score: 1, comment: 'Excellent', gradedAt: e.attempt.submittedAt + 60_000 }))
  return d
}

/** 1000 points on the first item, 0.001 on the others. */
export function reweight(d: Data): Data {
  snapshots(d).forEach((item, i) => (item.points = i === 0 ? 1000 : 0.001))
  return d
}

/** Slot 0 becomes one of the course's short-text items, its pattern replaced by `pattern`. */
export function withPattern(d: Data, pattern: string): Data {
  const short = courseContent().banks.flatMap((b) => b.items).find((i) => i.type === 'short')!
  const e = entry(d)
  const old = e.attempt.slots[0]
  delete e.attempt.snapshots[old.version]
  e.attempt.slots[0] = { itemId: short.id, version: short.version }
  e.attempt.snapshots[short.version] = { ...short, patterns: [pattern] }
  e.responses = e.responses.filter((r: Data) => r.itemId !== old.itemId)
  return d
}

/** The first snapshot filed under (and naming) `version`. */
export function renameVersion(d: Data, version: string, withSnapshot: boolean): Data {
  const e = entry(d)
  const old = e.attempt.slots[0].version
  const item = e.attempt.snapshots[old]
  delete e.attempt.snapshots[old]
  if (withSnapshot) e.attempt.snapshots[version] = { ...item, version }
  e.attempt.slots[0].version = version
  return d
}

/** The first snapshot keyed "__proto__" in the text itself (JSON.parse keeps it as an own key), checksum recomputed over it. */
export function protoKey(d: Data): Buffer {
  const version = entry(d).attempt.slots[0].version
  return resign(JSON.parse(resign(d).toString('utf8').replaceAll(`"${version}"`, '"__proto__"')) as Data)
}

/** JSON nested 3,000 lists deep. */
export const deepJson = (): Buffer => Buffer.from(`${'['.repeat(3000)}${']'.repeat(3000)}`)

/** The final's attacks of issue 12 as files built from the course (tests/fixtures/importAttacks.ts), by row name. */
export async function fixtureFile(rowName: string, learnerId: string): Promise<{ buffer: Buffer; attemptIds: string[] }> {
  const row = attackRows().find((r) => r.name === rowName)
  if (row === undefined) throw new Error(`No attack row "${rowName}" in tests/fixtures/importAttacks.ts`)
  const file = await resultFile(learnerId, row.attempts, row.allowance)
  return { buffer: Buffer.from(serializeResultFile(file)), attemptIds: row.attempts.map((a) => a.attempt.id) }
}
