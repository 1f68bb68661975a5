/**
 * A ZIP archive writer (PKWARE APPNOTE 6.3: local file headers, central directory, end record),
 * small enough to own instead of a dependency. What LMSs need of a package and nothing more:
 * - deflate (method 8) where it makes a file smaller, else stored (method 0: PNGs, fonts);
 *   the deflater is passed in (`deflateRawSync` from node:zlib in scripts/package.ts), so this
 *   module stays pure;
 * - names are UTF-8 (general purpose flag bit 11), with `/` separators;
 * - deterministic: entries sorted by name, every timestamp 1980-01-01 00:00, no extra fields, so
 *   the same files always give the same bytes;
 * - no ZIP64: more than 65,535 entries or 4 GiB is refused with a plain error.
 */

export interface ZipEntry {
  /** Relative path with `/` separators. */
  name: string
  data: Uint8Array
}

export interface ZipOptions {
  /** Raw DEFLATE (no zlib header), e.g. `(b) => deflateRawSync(b, { level: 9 })`. */
  deflate: (data: Uint8Array) => Uint8Array
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (IEEE 802.3, the one ZIP uses). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const UTF8 = 0x0800
const VERSION = 20
/** Made by: Unix (3), version 2.0, so the external attributes carry file modes. */
const MADE_BY = (3 << 8) | VERSION
/** 1980-01-01 00:00 in MS-DOS form (the earliest date ZIP can hold). */
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1
/** -rw-r--r-- regular file, in the high 16 bits. */
const FILE_MODE = (0o100644 << 16) >>> 0
const MAX_32 = 0xffffffff

interface Written {
  name: Uint8Array
  crc: number
  method: number
  compressed: number
  size: number
  offset: number
}

function header(size: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(size)
  return { bytes, view: new DataView(bytes.buffer) }
}

function localHeader(w: Written): Uint8Array {
  const { bytes, view } = header(30 + w.name.length)
  view.setUint32(0, 0x04034b50, true)
  view.setUint16(4, VERSION, true)
  view.setUint16(6, UTF8, true)
  view.setUint16(8, w.method, true)
  view.setUint16(10, DOS_TIME, true)
  view.setUint16(12, DOS_DATE, true)
  view.setUint32(14, w.crc, true)
  view.setUint32(18, w.compressed, true)
  view.setUint32(22, w.size, true)
  view.setUint16(26, w.name.length, true)
  view.setUint16(28, 0, true)
  bytes.set(w.name, 30)
  return bytes
}

function centralHeader(w: Written): Uint8Array {
  const { bytes, view } = header(46 + w.name.length)
  view.setUint32(0, 0x02014b50, true)
  view.setUint16(4, MADE_BY, true)
  view.setUint16(6, VERSION, true)
  view.setUint16(8, UTF8, true)
  view.setUint16(10, w.method, true)
  view.setUint16(12, DOS_TIME, true)
  view.setUint16(14, DOS_DATE, true)
  view.setUint32(16, w.crc, true)
  view.setUint32(20, w.compressed, true)
  view.setUint32(24, w.size, true)
  view.setUint16(28, w.name.length, true)
  // extra field, comment, disk number, internal attributes: all 0 (bytes 30..37)
  view.setUint32(38, FILE_MODE, true)
  view.setUint32(42, w.offset, true)
  bytes.set(w.name, 46)
  return bytes
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const { bytes, view } = header(22)
  view.setUint32(0, 0x06054b50, true)
  view.setUint16(8, count, true)
  view.setUint16(10, count, true)
  view.setUint32(12, directorySize, true)
  view.setUint32(16, directoryOffset, true)
  return bytes
}

function checkName(name: string): void {
  const segments = name.split('/')
  if (name.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`"${name}" cannot be a file in a package: names are relative paths with "/" between folders, and no "..".`)
  }
}

/** The bytes of a ZIP archive holding `entries` (sorted by name; duplicate names refused). */
export function zip(entries: readonly ZipEntry[], options: ZipOptions): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  if (sorted.length > 0xffff) throw new Error(`A package can hold at most 65,535 files; this one has ${sorted.length}.`)
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const written: Written[] = []
  let offset = 0
  for (const [i, entry] of sorted.entries()) {
    checkName(entry.name)
    if (i > 0 && sorted[i - 1]!.name === entry.name) throw new Error(`"${entry.name}" is in the package twice.`)
    const deflated = options.deflate(entry.data)
    const stored = deflated.length >= entry.data.length
    const body = stored ? entry.data : deflated
    const w: Written = { name: encoder.encode(entry.name), crc: crc32(entry.data), method: stored ? 0 : 8, compressed: body.length, size: entry.data.length, offset }
    const local = localHeader(w)
    parts.push(local, body)
    written.push(w)
    offset += local.length + body.length
    if (offset > MAX_32 || entry.data.length > MAX_32) throw new Error('A package can be at most 4 GiB.')
  }
  const directoryOffset = offset
  for (const w of written) {
    const central = centralHeader(w)
    parts.push(central)
    offset += central.length
  }
  if (offset > MAX_32) throw new Error('A package can be at most 4 GiB.')
  parts.push(endRecord(written.length, offset - directoryOffset, directoryOffset))
  const out = new Uint8Array(offset + 22)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
