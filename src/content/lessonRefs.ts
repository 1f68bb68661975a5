/**
 * What a lesson's links and images may point at. Checked on the Markdown
 * tokens, so `content:check` names the line; the sanitiser (markdown.ts)
 * drops the same things again in case a check is ever bypassed.
 */
import { posix } from 'node:path'

/** Schemes a link may use; anything else (and `//host`) is refused. Relative links and `#anchors` are fine. */
export const LINK_SCHEMES = ['https', 'mailto']
/** Image files the build copies and the service worker precaches (vite.config.ts globPatterns). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg']
/** Larger images would be left out of the precache (Workbox skips files over 2 MiB) and slow the page. */
export const MAX_IMAGE_BYTES = 1024 * 1024

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
/** Browsers read `//host`, `\\host`, `/\host` as another site on the page's scheme. */
const PROTOCOL_RELATIVE = /^[/\\]{2}/

/** Why a link is refused, or undefined when it is allowed. */
export function linkProblem(href: string): string | undefined {
  const url = href.trim()
  if (PROTOCOL_RELATIVE.test(url)) {
    return `links to "${url}", a protocol-relative address (another site); write the address in full with https://, or use a relative link`
  }
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase()
  if (scheme !== undefined && !LINK_SCHEMES.includes(scheme)) {
    return `links to "${url}"; a link may only use ${LINK_SCHEMES.map((s) => `${s}:`).join(' or ')}, or be relative`
  }
  return undefined
}

/**
 * Checks an image's address and alt text. Returns the path relative to the
 * lesson's folder (posix, decoded), or the reason the image is refused.
 */
export function imagePath(src: string, alt: string): { path: string } | { problem: string } {
  const raw = src.trim()
  let path: string
  try {
    path = decodeURI(raw)
  } catch {
    return { problem: `image "${raw}" is not a readable path` }
  }
  const own = `images come only from the course's own files: put the image in the lesson's folder and write a relative path such as images/map.png`
  if (raw === '') return { problem: `an image needs a file: ${own}` }
  if (PROTOCOL_RELATIVE.test(path) || SCHEME.test(path)) return { problem: `image "${raw}" is a URL; ${own}` }
  if (path.startsWith('/') || path.includes('\\')) return { problem: `image "${raw}" is an absolute path or uses "\\"; ${own}` }
  if (path.split('/').includes('..')) return { problem: `image "${raw}" leaves the lesson's folder (".."); ${own}` }
  const extension = posix.extname(path).slice(1).toLowerCase()
  if (!IMAGE_EXTENSIONS.includes(extension)) {
    return { problem: `image "${raw}" is not an image file; use one of ${IMAGE_EXTENSIONS.map((e) => `.${e}`).join(', ')}` }
  }
  if (alt.trim() === '') {
    return { problem: `image "${raw}" has no alt text: write what the image shows between the brackets, ![like this](${raw})` }
  }
  return { path: posix.normalize(path) }
}
