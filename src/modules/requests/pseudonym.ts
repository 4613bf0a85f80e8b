/**
 * The name a requester may be shown by instead of their own. Pure checks: 2 to 40 letters, digits,
 * spaces and . _ - ' (any script); not an e-mail address, a web address or a phone number (which
 * would identify the person); not the requester's own display name.
 */
export type PseudonymProblem = 'pseudonym_invalid' | 'pseudonym_reveals_identity';

export function normalizePseudonym(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function pseudonymProblem(value: string, ownName: string): PseudonymProblem | null {
  const name = normalizePseudonym(value);
  if ([...name].length < 2 || [...name].length > 40) return 'pseudonym_invalid';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._'-]*$/u.test(name)) return 'pseudonym_invalid';
  if (/\d{6,}/.test(name.replace(/[ ._-]/g, ''))) return 'pseudonym_reveals_identity';
  if (/(^|[ .])(www|https?)([ .]|$)|\.(com|org|net|cn|demo|test)$/i.test(name)) return 'pseudonym_reveals_identity';
  if (name.toLowerCase() === normalizePseudonym(ownName).toLowerCase()) return 'pseudonym_reveals_identity';
  return null;
}
