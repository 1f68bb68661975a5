/**
 * Whether `debrief.config.json` asks for an LRS at all, fetched once. Tiny on purpose: it is
 * all the start and assessment chunks carry of xAPI. Only when the file names an LRS (or cannot
 * be read as JSON, so the check can say what to fix) is the real reader loaded (lrsConfig.ts).
 */
let text: Promise<string | null> | undefined

/** The file's text, or null when it is absent or unreachable. */
export function lrsFileText(): Promise<string | null> {
  text ??= fetch(`${import.meta.env.BASE_URL}debrief.config.json`, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null)
  return text
}

/** False when there is no file or it says `{}` / `{ "lrs": null }`: then nothing xAPI loads. */
export async function lrsWanted(): Promise<boolean> {
  const body = await lrsFileText()
  return body !== null && !/^\s*\{\s*("lrs"\s*:\s*null\s*)?\}\s*$/u.test(body)
}
