import { describe, expect, it } from 'vitest'
import {
  attemptDigest, conflictChoices, conflictMessage, decideFile, isConflict, newLearnerId, withLearnerId, type DeviceLearner,
} from '../../../src/domain/importConflicts.ts'
import { RESULT_FILE_VERSION, type ResultFile } from '../../../src/domain/resultFile.ts'
import { MAX_ID_LENGTH } from '../../../src/domain/validate.ts'
import { makeAttempt, respond, RIGHT_SINGLE, single, WRONG_SINGLE } from '../instructor/fixtures.ts'

const attempt = makeAttempt({ id: 'a1', learnerId: 'ana', items: [single] })
const responses = [respond('a1', single.id, RIGHT_SINGLE)]

function file(name = 'Ana L', entries = [{ attempt, responses }]): ResultFile {
  return { format: 'debrief-result', version: RESULT_FILE_VERSION, courseId: 'c1', exportedAt: '2025-01-06T10:00:00.000Z', learner: { id: 'ana', name }, attempts: entries, checksum: 'sha256:x' }
}

const imported = (name: string): DeviceLearner => ({ id: 'ana', name, origin: 'imported' })
const held = (digest: string) => new Map([['a1', digest]])
const same = attemptDigest(attempt, responses)

describe('deciding who is who', () => {
  it.each<[string, DeviceLearner | undefined, ReadonlyMap<string, string>, string, string, boolean]>([
    ['a learner and attempt new to the device', undefined, new Map(), 'new', 'new', false],
    ['the same learner again, the same attempt', imported('Ana L'), held(same), 'known', 'identical', false],
    ['the same name with other spacing and a zero-width character', imported(' Ana\u200B  L '), held(same), 'known', 'identical', false],
    ['another name under the same id (impersonation)', imported('Ana Lopez'), new Map(), 'other-name', 'new', true],
    ['a profile made on this device, even with the same name', { id: 'ana', name: 'Ana L', origin: 'local' }, new Map(), 'local-profile', 'new', true],
    ['an attempt id here with other content (a second copy, or a shadow)', imported('Ana L'), held('{"other":1}'), 'known', 'conflict', true],
  ])('%s', (_case, learner, digests, verdict, attemptVerdict, conflict) => {
    const decision = decideFile(file(), learner, digests)
    expect([decision.learner, decision.attempts[0]?.verdict, isConflict(decision)]).toEqual([verdict, attemptVerdict, conflict])
  })
})

describe('the content digest of an attempt', () => {
  const reversed = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).reverse()) as T
  it.each<[string, boolean, Parameters<typeof attemptDigest>]>([
    ['keys in another order', true, [reversed(attempt), responses.map(reversed)]],
    ['a round trip through JSON', true, [JSON.parse(JSON.stringify(attempt)) as typeof attempt, responses]],
    ['an older save of the same answer beside the newest', true, [attempt, [respond('a1', single.id, WRONG_SINGLE, 1, 0), ...responses]]],
    ['the course\'s items in place of the file\'s snapshots', true, [{ ...attempt, snapshots: {} }, responses]],
    ['a slot regraded to a newer version', true, [{ ...attempt, slots: attempt.slots.map((s) => ({ ...s, version: 'v-new' })) }, responses]],
    ['another answer', false, [attempt, [respond('a1', single.id, WRONG_SINGLE)]]],
    ['another submission time', false, [{ ...attempt, submittedAt: (attempt.submittedAt ?? 0) + 1 }, responses]],
    ['another learner', false, [{ ...attempt, learnerId: 'eve' }, responses]],
  ])('%s: same content %s', (_case, equal, args) => {
    expect(attemptDigest(...args) === same).toBe(equal)
  })
})

describe('a new learner id for "someone else"', () => {
  it.each<[string, string[], string]>([
    ['ana', [], 'ana~2'],
    ['ana', ['ana~2'], 'ana~3'],
    ['ana', ['ana~2', 'ana~3', 'ana~5'], 'ana~4'],
  ])('%s with %j taken is %s', (id, taken, expected) => {
    expect(newLearnerId(id, new Set(taken))).toBe(expected)
  })

  it('stays within the id limit', () => {
    expect(newLearnerId('x'.repeat(MAX_ID_LENGTH), new Set())).toHaveLength(MAX_ID_LENGTH)
  })

  it('moves the attempts to the new id', () => {
    const moved = withLearnerId(file(), 'ana~2')
    expect([moved.learner.id, moved.attempts[0]?.attempt.learnerId, moved.attempts[0]?.attempt.id]).toEqual(['ana~2', 'ana~2', 'a1'])
  })
})

describe('what the instructor reads and may choose', () => {
  it('names both names and says nothing was imported', () => {
    const decision = decideFile(file(), imported('Ana Lopez'), new Map())
    expect(conflictMessage(file(), imported('Ana Lopez'), decision)).toBe(
      'This file names learner "ana", who is already on this device as "Ana Lopez"; the file says "Ana L". Nothing was imported: choose how to resolve it below.',
    )
  })

  it('names the attempts that clash', () => {
    const decision = decideFile(file(), imported('Ana L'), held('other'))
    expect(conflictMessage(file(), imported('Ana L'), decision)).toBe('Attempt "a1" is already on this device with other answers or times. Nothing was imported: choose how to resolve it below.')
  })

  it.each<[Parameters<typeof conflictChoices>[0]['learner'], string[]]>([
    ['other-name', ['same-person', 'new-learner', 'discard']],
    ['local-profile', ['new-learner', 'discard']],
    ['known', ['keep-device', 'discard']],
  ])('offers for a %s conflict: %j', (learner, choices) => {
    expect(conflictChoices({ learner })).toEqual(choices)
  })
})
