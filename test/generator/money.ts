/** Money and percentage arithmetic for the generator: decimal.js only, never floats. */
import Decimal from 'decimal.js';

export { Decimal };

export const ZERO = new Decimal(0);
export const TEN_THOUSAND = new Decimal(10000);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Round half-up to d decimals. */
export function round(value: Decimal, d = 2): Decimal {
  return value.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
}

/** 元 → 万元 text with 2 decimals (rounded half-up). */
export function wanText(yuan: Decimal, trim = false): string {
  const text = round(yuan.div(TEN_THOUSAND), 2).toFixed(2);
  return trim ? trimZeros(text) : text;
}

/** 元 text with 2 decimals. */
export function yuanText(yuan: Decimal): string {
  return round(yuan, 2).toFixed(2);
}

export function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** part ÷ whole × 100, rounded to 2 decimals; whole must be non-zero. */
export function percent(part: Decimal, whole: Decimal): Decimal {
  if (whole.isZero()) throw new Error('percent of zero base');
  return round(part.div(whole).times(100), 2);
}

/** Number of decimals shown in a number's text. */
export function decimalsOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/** Parse a displayed number ("1,234.50", "8.34") into a Decimal; null when not a number. */
export function parseNumber(text: string): Decimal | null {
  const t = text.replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return new Decimal(t);
}

/** Insert thousands separators into a plain number text ("1767.85" → "1,767.85"). */
export function groupThousands(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
