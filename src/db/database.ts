/**
 * The Dexie database: one typed table per record, one instance per app.
 * Only `src/db` touches IndexedDB.
 */
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie'
import type {
  AttemptRecord,
  DeviceKeyRecord,
  GradeHistoryRecord,
  ImportConflictRecord,
  ImportFlagRecord,
  LearnerRecord,
  LessonProgressRecord,
  OutboxRecord,
  ManualGradeRecord,
  PinnedKeyRecord,
  ResponseRecord,
  SealedItemsRecord,
  ReviewCardRecord,
  SettingRecord,
} from './records.ts'
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema.ts'

export class DebriefDb extends Dexie {
  learners!: EntityTable<LearnerRecord, 'id'>
  lessonProgress!: Table<LessonProgressRecord, [string, string, string]>
  attempts!: EntityTable<AttemptRecord, 'id'>
  responses!: Table<ResponseRecord, [string, string]>
  reviewCards!: Table<ReviewCardRecord, [string, string, string]>
  settings!: EntityTable<SettingRecord, 'key'>
  manualGrades!: Table<ManualGradeRecord, [string, string]>
  gradeHistory!: EntityTable<GradeHistoryRecord, 'id'>
  importFlags!: EntityTable<ImportFlagRecord, 'attemptId'>
  importConflicts!: EntityTable<ImportConflictRecord, 'id'>
  sealedItems!: EntityTable<SealedItemsRecord, 'courseId'>
  deviceKeys!: EntityTable<DeviceKeyRecord, 'learnerId'>
  pinnedKeys!: EntityTable<PinnedKeyRecord, 'learnerId'>
  outbox!: EntityTable<OutboxRecord, 'id'>

  constructor(name = DB_NAME, options?: DexieOptions, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, options)
    applyVersions(this, versions)
  }
}

/** Declares a version chain on a Dexie instance (also used by the upgrade tests). */
export function applyVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const step of versions) {
    const version = db.version(step.version).stores(step.stores)
    if (step.upgrade) version.upgrade(step.upgrade)
  }
}
