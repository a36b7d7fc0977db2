/**
 * 尾差 — rounding from the precision each figure is printed with.
 * 每个数按其列示精度计容差：以分列示（元两位小数、万元六位小数）或为 0 的数是精确值；
 * 其余每个数 ±½·10^−d（整元 ±0.5 元，两位小数的万元 ±0.005 万元）。一个等式的容差是各数容差之和。
 * Each figure's tolerance comes from how it is printed: figures printed to the 分 (元 with two
 * decimals, 万元 with six) and zeros are exact; any other figure is ±½·10^−d (whole 元 ±0.5 元,
 * 2-decimal 万元 ±0.005 万元). An identity's tolerance is the sum over its figures.
 */
import Decimal from 'decimal.js';

export type Verdict = 'equal' | 'rounding' | 'mismatch';
export type AmountUnit = '元' | '万元' | null;

// (asked for on every figure compared: one Decimal per number of places; Decimals are immutable)
const HALF_UNITS = new Map<number, Decimal>();

export function halfUnit(decimals: number): Decimal {
  let h = HALF_UNITS.get(decimals);
  if (!h) HALF_UNITS.set(decimals, (h = new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)))));
  return h;
}

/** Decimals a figure in `unit` needs to be printed to the 分 (exact). */
function fenDecimals(unit: AmountUnit): number {
  return unit === '元' ? 2 : unit === '万元' ? 6 : Number.POSITIVE_INFINITY;
}

/**
 * The rounding half-width of one printed figure: 0 when it is exact (printed to the 分, a zero, a
 * blank or a dash), else half a unit of its last printed place.
 */
export function figureTolerance(value: Decimal, decimals: number, unit: AmountUnit, printed = true): Decimal {
  if (!printed || value.isZero()) return new Decimal(0);
  if (decimals >= fenDecimals(unit)) return new Decimal(0);
  return halfUnit(decimals);
}

/** A figure as the tolerance text needs it. */
export interface PrintedFigure {
  value: Decimal;
  decimals: number;
  blank: boolean;
}

/** The sum of the figures' tolerances and how it was made, in both languages. */
export function describeTolerance(figs: PrintedFigure[], unit: AmountUnit): { tolerance: Decimal; text: string; textEn: string } {
  const byHalf = new Map<string, number>();
  let exact = 0;
  let tolerance = new Decimal(0);
  for (const f of figs) {
    const t = figureTolerance(f.value, f.decimals, unit, !f.blank);
    if (t.isZero()) {
      exact++;
      continue;
    }
    tolerance = tolerance.plus(t);
    byHalf.set(t.toString(), (byHalf.get(t.toString()) ?? 0) + 1);
  }
  if (tolerance.isZero()) {
    const why = unit === '元' ? '各数以分列示，应精确相等' : '各数均为精确值，应精确相等';
    const whyEn = unit === '元' ? 'every figure is printed to the fen (0.01 元), they must agree exactly' : 'every figure is exact, they must agree exactly';
    return { tolerance, text: why, textEn: whyEn };
  }
  const parts = [...byHalf].map(([h, n]) => (n > 1 ? `${n} 个数各 ±${h}` : `1 个数 ±${h}`));
  const partsEn = [...byHalf].map(([h, n]) => (n > 1 ? `${n} figures ±${h} each` : `1 figure ±${h}`));
  const exactText = exact ? `，${exact} 个精确值` : '';
  const exactEn = exact ? `, ${exact} exact` : '';
  return {
    tolerance,
    text: `四舍五入容差 ${tolerance.toString()}（${parts.join('、')}${exactText}）`,
    textEn: `rounding tolerance ${tolerance.toString()} (${partsEn.join(', ')}${exactEn})`,
  };
}

export function judge(difference: Decimal, interval: { tolerance: Decimal }): Verdict {
  const d = difference.abs();
  if (d.isZero()) return 'equal';
  return d.lte(interval.tolerance) ? 'rounding' : 'mismatch';
}

/** Shows a decimal with at least `decimals` places (never in exponent notation). */
export function show(v: Decimal, decimals = 2): string {
  const dp = Math.max(decimals, v.decimalPlaces());
  return v.toFixed(dp);
}
