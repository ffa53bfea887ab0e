/**
 * Exact decimal arithmetic for money, rates and scores, and the one place where rounding happens.
 *
 * Why: binary floats cannot hold 0.01 exactly (127208.53 + 574.29 would print 127782.81999…), and the
 * form's rounding convention is half-up (四舍五入), which `Math.round` and `toFixed` do not implement for
 * decimals. Every value is turned into an exact fraction of two bigints from its shortest decimal
 * representation (what the user typed), combined exactly, and rounded half-up once at the end.
 */

/** An exact rational number `num / den`, `den > 0`. */
export interface Exact {
  readonly num: bigint;
  readonly den: bigint;
}

const TEN = 10n;

const POW10: readonly bigint[] = Array.from({ length: 32 }, (_, i) => TEN ** BigInt(i));

function pow10(exponent: number): bigint {
  return POW10[exponent] ?? TEN ** BigInt(exponent);
}

/** Decimal places tried by the fast path of `exact`: amounts, scores and rates rarely carry more. */
const FAST_DECIMALS = 6;

/** The exact value of a finite number as written in its shortest decimal form (0.1 is 1/10, not 0.1000000000000000055…). */
export function exact(value: number): Exact {
  // Forms repeat the same few weights and scores many times over: remember recent conversions.
  const known = RECENT.get(value);
  if (known !== undefined) return known;
  const converted = convert(value);
  if (RECENT.size >= RECENT_LIMIT) RECENT.clear();
  RECENT.set(value, converted);
  return converted;
}

const RECENT = new Map<number, Exact>();
const RECENT_LIMIT = 4096;

function convert(value: number): Exact {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isSafeInteger(value)) return { num: BigInt(value), den: 1n };
  // Fast path: the fewest decimal places k whose rounding gives the same float back is the shortest
  // decimal form, the one String(value) would print; it avoids formatting and parsing a string.
  let scale = 1;
  for (let k = 1; k <= FAST_DECIMALS; k++) {
    scale *= 10;
    const scaled = Math.round(value * scale);
    if (Number.isSafeInteger(scaled) && scaled / scale === value) return { num: BigInt(scaled), den: pow10(k) };
  }
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`cannot read number: ${text}`);
  const [, sign, whole = '0', fraction = '', exponentText] = match;
  const exponent = Number(exponentText ?? '0') - fraction.length;
  let num = BigInt(whole + fraction);
  let den = 1n;
  if (exponent >= 0) num *= pow10(exponent);
  else den = pow10(-exponent);
  if (sign === '-') num = -num;
  return { num, den };
}

/** An exact fraction of two integers. */
export function fraction(num: bigint | number, den: bigint | number): Exact {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d === 0n) throw new RangeError('division by zero');
  return d < 0n ? { num: -n, den: -d } : { num: n, den: d };
}

export function add(a: Exact, b: Exact): Exact {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  // Decimal denominators (powers of ten) divide each other: keep the larger instead of multiplying, so
  // a long sum does not grow ever larger bigints.
  if (a.den > b.den && a.den % b.den === 0n) return { num: a.num + b.num * (a.den / b.den), den: a.den };
  if (b.den > a.den && b.den % a.den === 0n) return { num: b.num + a.num * (b.den / a.den), den: b.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function sub(a: Exact, b: Exact): Exact {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Exact, b: Exact): Exact {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function div(a: Exact, b: Exact): Exact {
  return fraction(a.num * b.den, a.den * b.num);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function min(a: Exact, b: Exact): Exact {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Exact, b: Exact): Exact {
  return compare(a, b) >= 0 ? a : b;
}

/** The exact sum of numbers; blanks (`null`) count as nothing. */
export function sumOf(values: Iterable<number | null | undefined>): Exact {
  let total: Exact = { num: 0n, den: 1n };
  for (const value of values) if (value !== null && value !== undefined) total = add(total, exact(value));
  return total;
}

/** The absolute difference |a − b|. */
export function distance(a: Exact, b: Exact): Exact {
  const d = sub(a, b);
  return d.num < 0n ? { num: -d.num, den: d.den } : d;
}

/** Rounds half-up (四舍五入, away from zero at .5) to `decimals` places and returns the scaled integer. */
function roundedScaled(value: Exact, decimals: number): bigint {
  const scaled = value.num * pow10(decimals);
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const rounded = (2n * magnitude + value.den) / (2n * value.den);
  return negative ? -rounded : rounded;
}

/** Rounds half-up to `decimals` places; the result is the nearest float to that decimal, safe to print. */
export function roundHalfUp(value: Exact | number, decimals: number): number {
  const v = typeof value === 'number' ? exact(value) : value;
  return Number(roundedScaled(v, decimals)) / 10 ** decimals;
}

/** Formats with exactly `decimals` places, rounded half-up: 1.965 → "1.97", 127782.82 → "127782.82". */
export function formatFixed(value: Exact | number, decimals: number): string {
  const v = typeof value === 'number' ? exact(value) : value;
  const scaled = roundedScaled(v, decimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const part = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${part}`;
}

/** The closest float, for display and JSON; use only after the arithmetic is done. */
export function toNumber(value: Exact): number {
  return Number(value.num) / Number(value.den);
}

/** True when the value has no more than `decimals` decimal places. */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const v = exact(value);
  return (v.num * pow10(decimals)) % v.den === 0n;
}

/** Scores and amounts are printed with two decimals; rates with one (as a percentage). */
export const SCORE_DECIMALS = 2;
export const AMOUNT_DECIMALS = 2;
export const RATE_PERCENT_DECIMALS = 1;

/** Zero, for folds. */
export const ZERO: Exact = { num: 0n, den: 1n };

/** Up to `maxDecimals` places, rounded half-up, without trailing zeros: 2 → "2", 1.965 → "1.97". */
export function formatPlain(value: Exact | number, maxDecimals = 2): string {
  const fixed = formatFixed(value, maxDecimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/u, '') : fixed;
}
