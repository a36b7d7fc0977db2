import { describe, expect, it } from 'vitest';
import { columnSums } from './column-sums';
import { contextOf, statementsOf, makeTable, withCell } from '../../../../test/rules/helpers';
import { EXPENDITURE, THREE_PUBLIC } from '../../../../test/rules/fixtures';

const run = (grid: string[][], opts = {}) => statementsOf(columnSums, contextOf([makeTable(grid, opts)]));

describe('sum.columns', () => {
  it('passes when 合计 = 基本支出 + 项目支出 in every row', () => expect(run(EXPENDITURE)).toEqual([]));

  it('flags a row whose 合计 differs from its parts, with the arithmetic and refs', () => {
    const found = run(withCell(EXPENDITURE, 7, 2, '13.50'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.columns', severity: 'error', actual: '13.50', expected: '12.50', difference: '1.00' });
    expect(found[0].message).toContain('13.50 ≠');
    expect(found[0].refs[0]).toMatchObject({ row: 7, col: 2, role: 'total', text: '13.50' });
    expect(found[0].refs.map((r) => r.col)).toEqual([2, 3, 4]);
  });

  it('reports a difference inside the rounding interval as 尾差 info', () => {
    const found = run(withCell(EXPENDITURE, 7, 2, '12.51'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'rounding.tail', severity: 'info' });
    expect(found[0].message).toMatch(/^尾差/);
    // Marked at the total whose items it adds, not at its first item.
    expect(found[0].refs[0]).toMatchObject({ row: 7, col: 2, role: 'total' });
  });

  it('is exact for tables in 元', () => {
    const found = run(withCell(EXPENDITURE, 7, 2, '12.51'), { unit: '单位：元' });
    expect(found[0]).toMatchObject({ severity: 'error', rule: 'sum.columns' });
  });

  it('checks “三公” 合计 and 公务用车 小计 from a two-level header', () => {
    expect(run(THREE_PUBLIC, { headerRows: 2 })).toEqual([]);
    const found = run(withCell(THREE_PUBLIC, 2, 4, '5.00'), { headerRows: 2 });
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0].refs.some((r) => r.col === 4)).toBe(true);
  });
});
