import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { judge, roundingInterval, show } from './rounding';

describe('rounding interval', () => {
  it('allows (n + 1) × ½·10^−d', () => {
    const i = roundingInterval(14, 2, false);
    expect(i.tolerance.toString()).toBe('0.075');
    expect(judge(new Decimal('0.01'), i)).toBe('rounding');
    expect(judge(new Decimal('0.08'), i)).toBe('mismatch');
    expect(judge(new Decimal('0'), i)).toBe('equal');
  });
  it('is exact for amounts in 元', () => {
    expect(judge(new Decimal('0.01'), roundingInterval(14, 2, true))).toBe('mismatch');
  });
  it('shows decimals as printed', () => {
    expect(show(new Decimal('6220.6'), 2)).toBe('6220.60');
    expect(show(new Decimal('0.075'), 3)).toBe('0.075');
  });
});
