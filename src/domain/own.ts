/**
 * Reading records keyed by ids that came from outside (item versions, blank, criterion and
 * objective ids in a result file). A plain `record[key]` also finds what every object inherits, so
 * a version named "toString" or "constructor" would find a function where an item was expected;
 * these read own keys only.
 */
import type { Attempt, VersionedItem } from './types.ts'

/** `record[key]` when it is the record's own key, else undefined. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined
}

/** The item an attempt showed at `version` (its snapshot), or undefined. */
export function snapshotOf(attempt: Pick<Attempt, 'snapshots'>, version: string): VersionedItem | undefined {
  return own(attempt.snapshots, version)
}
