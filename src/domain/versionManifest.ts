/**
 * The manifest of every item version a course has ever published
 * (`questions/<course>/versions.json`): version → the item it belongs to and where it was first
 * seen. The instructor's side checks imported attempts against it (importChecks.ts): a version
 * not in it was never published by this course. Entries are only ever added, never rewritten.
 */

export interface VersionEntry {
  /** The item id this version belongs to. */
  item: string
  lesson: string
  /** Where the version was first recorded: `<commit> <date>` from the seed, or `content:check`. */
  firstSeen: string
}

export interface VersionManifest {
  course: string
  versions: Record<string, VersionEntry>
}

export interface NewVersion {
  version: string
  item: string
  lesson: string
}

/** The versions `found` that the manifest lacks (each once, sorted by version). */
export function missingVersions(manifest: VersionManifest, found: readonly NewVersion[]): NewVersion[] {
  const missing = new Map<string, NewVersion>()
  for (const v of found) if (!Object.hasOwn(manifest.versions, v.version)) missing.set(v.version, v)
  return [...missing.values()].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
}

/** A new manifest with `added` appended (existing entries are kept exactly as they are). */
export function appendVersions(manifest: VersionManifest, added: readonly NewVersion[], firstSeen: string): VersionManifest {
  const versions: Record<string, VersionEntry> = { ...manifest.versions }
  for (const v of added) if (!Object.hasOwn(versions, v.version)) versions[v.version] = { item: v.item, lesson: v.lesson, firstSeen }
  return { course: manifest.course, versions }
}

/** The manifest as committed: versions sorted, two-space indent, one trailing newline (stable). */
export function manifestText(manifest: VersionManifest): string {
  const versions: Record<string, VersionEntry> = {}
  for (const key of Object.keys(manifest.versions).sort()) {
    const e = manifest.versions[key]!
    versions[key] = { item: e.item, lesson: e.lesson, firstSeen: e.firstSeen }
  }
  return `${JSON.stringify({ course: manifest.course, versions }, null, 2)}\n`
}

/** Reads a manifest's JSON; undefined when it is not shaped as one. */
export function parseManifest(data: unknown): VersionManifest | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { course, versions } = data as { course?: unknown; versions?: unknown }
  if (typeof course !== 'string' || typeof versions !== 'object' || versions === null || Array.isArray(versions)) return undefined
  const out: Record<string, VersionEntry> = {}
  for (const [key, value] of Object.entries(versions)) {
    const e = value as Partial<VersionEntry> | null
    if (typeof e !== 'object' || e === null || typeof e.item !== 'string' || typeof e.lesson !== 'string' || typeof e.firstSeen !== 'string') return undefined
    out[key] = { item: e.item, lesson: e.lesson, firstSeen: e.firstSeen }
  }
  return { course, versions: out }
}
