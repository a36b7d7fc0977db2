import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { describeTolerance, figureTolerance, judge, show } from './precision';

describe('rounding interval', () => {
  /** n figures printed to two decimals, none of them zero. */
  const twoDecimals = (n: number, unit: '元' | '万元') => describeTolerance(Array.from({ length: n }, () => ({ value: new Decimal('1.25'), decimals: 2, blank: false })), unit);
  it('allows (n + 1) × ½·10^−d for n items and their total printed to d places', () => {
    const i = twoDecimals(15, '万元');
    expect(i.tolerance.toString()).toBe('0.075');
    expect(judge(new Decimal('0.01'), i)).toBe('rounding');
    expect(judge(new Decimal('0.08'), i)).toBe('mismatch');
    expect(judge(new Decimal('0'), i)).toBe('equal');
  });
  it('is exact for amounts in 元 printed to the 分', () => {
    expect(judge(new Decimal('0.01'), twoDecimals(15, '元'))).toBe('mismatch');
  });
  it('shows decimals as printed', () => {
    expect(show(new Decimal('6220.6'), 2)).toBe('6220.60');
    expect(show(new Decimal('0.075'), 3)).toBe('0.075');
  });
});

describe('tolerance from printed precision', () => {
  const fig = (v: string, decimals: number, blank = false) => ({ value: new Decimal(v), decimals, blank });
  it('whole 元 figures are rounded: ±0.5 each', () => {
    // 79,189,400.34 = 12,604,173 + 1,744,680 + 64,840,547 (diff 0.34): the items are printed without 分.
    const t = describeTolerance([fig('79189400.34', 2), fig('12604173', 0), fig('1744680', 0), fig('64840547', 0)], '元');
    expect(t.tolerance.toString()).toBe('1.5');
    expect(judge(new Decimal('0.34'), t)).toBe('rounding');
    expect(t.text).toContain('3 个数各 ±0.5');
    expect(t.textEn).toContain('3 figures ±0.5 each');
  });
  it('one rounded figure among exact ones is said in the singular', () => {
    const t = describeTolerance([fig('100.34', 2), fig('100', 0), fig('0.34', 2)], '元');
    expect(t.text).toContain('1 个数 ±0.5');
    expect(t.text).not.toContain('1 个数各');
    expect(t.textEn).toContain('1 figure ±0.5,');
    expect(t.textEn).not.toContain('1 figure ±0.5 each');
  });
  it('figures printed to the 分 in 元 are exact', () => {
    const t = describeTolerance([fig('100.34', 2), fig('50.17', 2), fig('50.16', 2)], '元');
    expect(t.tolerance.isZero()).toBe(true);
    expect(judge(new Decimal('0.01'), t)).toBe('mismatch');
  });
  it('2-decimal 万元 figures are ±0.005 each; zeros and blanks are exact', () => {
    const t = describeTolerance([fig('10.00', 2), fig('4.00', 2), fig('0.00', 2), fig('0', 0, true), fig('6.01', 2)], '万元');
    expect(t.tolerance.toString()).toBe('0.015');
    expect(judge(new Decimal('0.01'), t)).toBe('rounding');
    expect(judge(new Decimal('0.02'), t)).toBe('mismatch');
  });
  it('an unknown unit is never taken for exact', () => {
    expect(figureTolerance(new Decimal('12.34'), 2, null).toString()).toBe('0.005');
  });
});
