/**
 * Draws the app icons (a document with a check mark on the brand blue) as PNGs,
 * so the icons are reproducible without an image editor: `npx tsx scripts/makeIcons.ts`.
 */
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const BLUE = [31, 58, 95]
const PAPER = [247, 245, 240]
const ACCENT = [179, 84, 30]

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc((size * 3 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 3 + 1) + 1 + x * 3)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** `inset` shrinks the drawing toward the centre (maskable icons need a safe zone). */
function icon(inset: number) {
  return (u: number, v: number): number[] => {
    const x = (u - 0.5) / (1 - inset) + 0.5
    const y = (v - 0.5) / (1 - inset) + 0.5
    const inPage = x > 0.27 && x < 0.73 && y > 0.2 && y < 0.8
    if (!inPage) return BLUE
    const line = (y0: number) => y > y0 && y < y0 + 0.035 && x > 0.34 && x < 0.66
    if (line(0.3) || line(0.38) || line(0.46)) return BLUE
    // A check mark in the lower part of the page.
    const d1 = Math.abs(y - (0.62 + (x - 0.4))) < 0.035 && x > 0.38 && x < 0.47
    const d2 = Math.abs(y - (0.71 - (x - 0.47) * 1.2)) < 0.035 && x >= 0.46 && x < 0.63
    if (d1 || d2) return ACCENT
    return PAPER
  }
}

writeFileSync('public/icons/icon-192.png', png(192, icon(0)))
writeFileSync('public/icons/icon-512.png', png(512, icon(0)))
writeFileSync('public/icons/icon-512-maskable.png', png(512, icon(0.2)))
console.log('Wrote public/icons/icon-192.png, icon-512.png, icon-512-maskable.png')
