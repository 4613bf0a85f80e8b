/**
 * Receipt codes as people type them, shared by the server (which hashes them) and the results page
 * (which hashes a code in the browser to look it up, so the code itself never leaves the device).
 */

/** A receipt code as typed: upper case, without spaces or dashes, with look-alike letters mapped. */
export function normalizeReceiptCode(code: string): string {
  return code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Whether a typed code could be a receipt (20 characters of Crockford's base 32 once normalized). */
export function looksLikeReceiptCode(code: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{20}$/.test(normalizeReceiptCode(code));
}
