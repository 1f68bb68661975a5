/** This browser's WebCrypto (`crypto.subtle`), or undefined where there is none (no secure context, a very old browser). */
export function webSubtle(): SubtleCrypto | undefined {
  return typeof crypto === 'object' && crypto !== null && typeof crypto.subtle === 'object' ? crypto.subtle : undefined
}
