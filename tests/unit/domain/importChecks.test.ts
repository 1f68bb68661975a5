import { describe, expect, it } from 'vitest'
import type { Allowance } from '../../../src/domain/allowance.ts'
import { checkBatch, gradeChecked } from '../../../src/domain/importBatch.ts'
import { checkImportedAttempt, needsUnlock, siblingsOf, type ImportFlag } from '../../../src/domain/importChecks.ts'
import { isStub, publicItem } from '../../../src/domain/sealed.ts'
import type { VersionedItem } from '../../../src/domain/types.ts'
import { rightAnswerToStub } from '../../fixtures/sealedAnswers.ts'
import type { ResultAttemptEntry } from '../../../src/domain/resultFile.ts'
import { attackRows, blueprint, honest, INSTRUCTOR, MIN, RETIRED, sha256, T0 } from '../../fixtures/importAttacks.ts'

const codes = (flags: readonly ImportFlag[]) => [...new Set(flags.map((f) => f.code))].sort()

async function check(entry: ResultAttemptEntry, all: readonly ResultAttemptEntry[] = [entry], allowance?: Allowance) {
  return checkImportedAttempt(entry, INSTRUCTOR, { siblings: siblingsOf(entry.attempt, all.map((e) => e.attempt)), ...(allowance ? { allowance } : {}) }, sha256)
}

describe('checkImportedAttempt: each attack of issue 12, on the real course', () => {
  it.each(attackRows().map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const got: Record<string, string[]> = {}
    for (const entry of row.attempts) got[entry.attempt.id] = codes((await check(entry, row.attempts, row.allowance)).flags)
    expect(got, row.reason).toEqual(row.expected)
  })
})

describe('checkImportedAttempt: details', () => {
  it('says in plain words why, naming the item', async () => {
    const row = attackRows().find((r) => r.name === 'forged keys')!
    const { flags } = await check(row.attempts[0]!)
    expect(flags[0]).toMatchObject({ code: 'snapshot-mismatch', itemId: row.attempts[0]!.attempt.slots[0]!.itemId })
    expect(flags[0]!.message).toMatch(/^The file's copy of item .+ differs from version .+ as published/)
  })

  it('grades from the course\'s copy: forged snapshots are replaced by the instructor\'s items', async () => {
    const row = attackRows().find((r) => r.name === 'forged keys')!
    const entry = row.attempts[0]!
    const { attempt } = await check(entry)
    for (const slot of attempt.slots) expect(attempt.snapshots[slot.version]).toBe(INSTRUCTOR.items.get(slot.version))
  })

  it('keeps a verified snapshot of a retired version, and drops an edited one', async () => {
    const rows = attackRows()
    const kept = await check(rows.find((r) => r.name === 'a retired item at its old version')!.attempts[0]!)
    expect(kept.attempt.snapshots[RETIRED.version]).toEqual(RETIRED)
    const dropped = await check(rows.find((r) => r.name === 'a retired item, edited')!.attempts[0]!)
    expect(Object.hasOwn(dropped.attempt.snapshots, RETIRED.version)).toBe(false)
  })

  it('returns the course\'s settings to grade with, whatever the file says', async () => {
    const row = attackRows().find((r) => r.name === 'pass mark 0 in the file')!
    const result = await check(row.attempts[0]!)
    expect(result.assessment).toMatchObject({ id: 'quiz-l1', passMark: blueprint('quiz-l1').passMark })
    expect(result.flags[0]!.message).toBe('The file\'s settings differ from the course: pass mark 0 % (the course: 70 %). Graded with the course\'s.')
  })

  it('honours the learner\'s extra time: a longer deadline is fine with the allowance, flagged without', async () => {
    const entry = honest({ id: 'extra', blueprintId: 'final' })
    const longer = { ...entry, attempt: { ...entry.attempt, deadline: T0 + 45 * MIN } }
    expect(codes((await check(longer, [longer], { multiplier: 1.5 })).flags)).toEqual([])
    expect(codes((await check(longer)).flags)).toEqual(['missing-deadline'])
  })

  it('counts the attempts already on the device towards the limit', async () => {
    const device = [1, 2, 3].map((n) => honest({ id: `device-${n}`, blueprintId: 'final', startedAt: T0 + n * MIN * 60 }))
    const later = honest({ id: 'from-file', blueprintId: 'final', startedAt: T0 + 10 * MIN * 60 })
    expect(codes((await check(later, [...device, later])).flags)).toEqual(['too-many-attempts'])
  })

  it('flags an attempt at an assessment the course does not have', async () => {
    const entry = honest({ id: 'elsewhere' })
    const moved = { ...entry, attempt: { ...entry.attempt, sourceId: 'quiz-l9' } }
    expect(codes((await check(moved)).flags)).toEqual(['unknown-blueprint'])
  })

  it('flags items from another lesson than the quiz draws', async () => {
    const l1 = honest({ id: 'l1' })
    const l2 = honest({ id: 'l2', blueprintId: 'quiz-l2' })
    const mixed = { ...l1, attempt: { ...l1.attempt, slots: l2.attempt.slots, snapshots: l2.attempt.snapshots } }
    const { flags } = await check(mixed)
    expect(codes(flags)).toEqual(['draw-mismatch'])
    expect(flags[0]!.message).toMatch(/does not fit what this assessment draws/)
  })
})

describe('checkImportedAttempt: a sealed final (stubs in the file)', () => {
  const right = (): ResultAttemptEntry => {
    const entry = honest({ id: 'sealed-right', blueprintId: 'final' })
    const responses = entry.responses.map((r) => ({ ...r, answer: rightAnswerToStub(INSTRUCTOR.items.get(entry.attempt.slots.find((s) => s.itemId === r.itemId)!.version)!) }))
    return { ...entry, responses }
  }

  it('the learner\'s file holds stubs only, and they verify against the course\'s full items', async () => {
    const entry = right()
    for (const slot of entry.attempt.slots) expect(isStub(entry.attempt.snapshots[slot.version])).toBe(true)
    const result = await check(entry)
    expect(result.flags).toEqual([])
    for (const slot of result.attempt.slots) expect(result.attempt.snapshots[slot.version]).toBe(INSTRUCTOR.items.get(slot.version))
  })

  it('grades the answers given to the stubs from the full items: all right is 100 %', async () => {
    const [checked] = await checkBatch({ entries: [{ learner: { id: 'lea', name: 'Lea' }, entry: right() }], course: INSTRUCTOR, sha256 })
    expect(gradeChecked(checked!)).toMatchObject({ percent: 100, passed: true, pending: 0 })
    const wrong = honest({ id: 'sealed-wrong', blueprintId: 'final' })
    const [checkedWrong] = await checkBatch({ entries: [{ learner: { id: 'lea', name: 'Lea' }, entry: wrong }], course: INSTRUCTOR, sha256 })
    expect(gradeChecked(checkedWrong!)).toMatchObject({ percent: 0, passed: false })
  })

  it.each([
    ['the answer key put back into a stub', (item: VersionedItem) => ({ ...item, answer: 'a' }) as VersionedItem],
    ['the full item instead of the stub, keys edited', (item: VersionedItem) => ({ ...INSTRUCTOR.items.get(item.version)!, points: 50 }) as VersionedItem],
  ])('%s → snapshot-mismatch, graded from the course', async (_, edit) => {
    const entry = right()
    const first = entry.attempt.slots[0]!
    const snapshots = { ...entry.attempt.snapshots, [first.version]: edit(entry.attempt.snapshots[first.version]!) }
    const result = await check({ ...entry, attempt: { ...entry.attempt, snapshots } })
    expect(codes(result.flags)).toEqual(['snapshot-mismatch'])
    expect(result.attempt.snapshots[first.version]).toBe(INSTRUCTOR.items.get(first.version))
  })

  it('the full, unedited item in place of the stub verifies (a device that had the keys)', async () => {
    const entry = right()
    const snapshots = Object.fromEntries(entry.attempt.slots.map((s) => [s.version, INSTRUCTOR.items.get(s.version)!]))
    expect((await check({ ...entry, attempt: { ...entry.attempt, snapshots } })).flags).toEqual([])
  })

  it('not unlocked on this device: sealed-locked on every sealed slot, and needsUnlock says so first', async () => {
    const locked = { ...INSTRUCTOR, items: new Map([...INSTRUCTOR.items].map(([v, item]) => [v, item.sealed === true ? publicItem(item) : item])) }
    const entry = right()
    expect(needsUnlock(entry.attempt, locked.items)).toBe(true)
    expect(needsUnlock(entry.attempt, INSTRUCTOR.items)).toBe(false)
    expect(needsUnlock(honest({ id: 'quiz' }).attempt, locked.items)).toBe(false)
    const result = await checkImportedAttempt(entry, locked, { siblings: [] }, sha256)
    expect(result.flags.filter((f) => f.code === 'sealed-locked')).toHaveLength(entry.attempt.slots.length)
    expect(result.flags[0]!.message).toMatch(/sealed assessment that is not unlocked on this device.+Unlock sealed assessments, then import the file again\.$/)
  })
})
