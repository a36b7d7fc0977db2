/**
 * 尾差 — rounding by interval reasoning.
 * 合计与各项均四舍五入到 d 位小数时，|Σ各项 − 合计| ≤ (n + 1) × ½·10^−d 即为一致（尾差）；
 * A total and n items each rounded to d decimals are consistent when |Σ items − total| ≤ (n + 1) × ½·10^−d.
 *
 * Amounts printed in 元 are exact (the books are kept in 元 and 分), so their tolerance is 0;
 * amounts in 万元 (or in an unknown unit) are rounded from 元 and get the interval above.
 */
import Decimal from 'decimal.js';

export interface RoundingInterval {
  /** Half a unit in the last printed place: ½·10^−d. */
  halfUnit: Decimal;
  /** How many rounded figures the compared quantity is made of (items + the total). */
  figures: number;
  /** (figures) × halfUnit; 0 when the amounts are exact. */
  tolerance: Decimal;
}

export type Verdict = 'equal' | 'rounding' | 'mismatch';

export function halfUnit(decimals: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));
}

/**
 * The interval for comparing a total with `items` rounded figures shown to `decimals` places.
 * `exact` (元 tables) makes the tolerance 0.
 */
export function roundingInterval(items: number, decimals: number, exact: boolean): RoundingInterval {
  const h = halfUnit(decimals);
  const figures = items + 1;
  return { halfUnit: h, figures, tolerance: exact ? new Decimal(0) : h.times(figures) };
}

export function judge(difference: Decimal, interval: RoundingInterval): Verdict {
  const d = difference.abs();
  if (d.isZero()) return 'equal';
  return d.lte(interval.tolerance) ? 'rounding' : 'mismatch';
}

/** Shows a decimal with at least `decimals` places (never in exponent notation). */
export function show(v: Decimal, decimals = 2): string {
  const dp = Math.max(decimals, v.decimalPlaces());
  return v.toFixed(dp);
}
