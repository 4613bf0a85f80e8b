/**
 * Exact rational numbers on BigInt, for the decisions floating point cannot make: near-ties between
 * projects and comparisons that land on the budget. Always reduced, denominator positive.
 */

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mulInt(a: Rational, k: bigint): Rational {
  return rat(a.n * k, a.d);
}

export function divInt(a: Rational, k: bigint): Rational {
  return rat(a.n, a.d * k);
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** The nearest double (good to the last bit or so, also for huge numerators and denominators). */
export function toNumber(a: Rational): number {
  const n = a.n;
  const d = a.d;
  const direct = Number(n) / Number(d);
  if (Number.isFinite(direct) && Math.abs(Number(n)) < 2 ** 53 && Number(d) < 2 ** 53) return direct;
  // Scale both to about 64 significant bits before dividing.
  const nb = (n < 0n ? -n : n).toString(2).length;
  const db = d.toString(2).length;
  const shiftN = BigInt(Math.max(0, nb - 64));
  const shiftD = BigInt(Math.max(0, db - 64));
  const value = (Number(n >> shiftN) / Number(d >> shiftD)) * 2 ** (Number(shiftN) - Number(shiftD));
  return value;
}

/** A decimal string with `digits` significant digits (for explanations). */
export function toDecimalString(a: Rational, digits = 12): string {
  const value = toNumber(a);
  if (value === 0) return '0';
  return Number(value.toPrecision(digits)).toString();
}
