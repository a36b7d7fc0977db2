import { describe, expect, it } from 'vitest';
import { crossTableThreePublic } from './cross-table-three-public';
import { contextOf, makeTable, withCell } from '../../test/rules/helpers';
import { BASIC, THREE_PUBLIC } from '../../test/rules/fixtures';

const run = (basic: string[][], three: string[][]) =>
  crossTableThreePublic.check(contextOf([makeTable(basic, { title: '一般公共预算基本支出表' }), makeTable(three, { title: '“三公”经费预算表', headerRows: 2 })]));

describe('cross-table.three-public', () => {
  it('passes when 30231 equals the 公务用车运行费 of the “三公” table', () => expect(run(BASIC, THREE_PUBLIC)).toEqual([]));
  it('passes when the “三公” table is larger (project spending)', () => expect(run(BASIC, withCell(THREE_PUBLIC, 2, 4, '7.00'))).toEqual([]));
  it('compares with the report year’s row when the table lists two years', () => {
    const twoYears = [['项目', ...THREE_PUBLIC[0]], ['^', ...THREE_PUBLIC[1]], ['2021年预算数', '1.00', '0.00', '1.00', '0.00', '1.00', '0.00'], ['2022年预算数', ...THREE_PUBLIC[2]]];
    expect(run(BASIC, twoYears)).toEqual([]);
  });
  it('warns when 30231 exceeds it, the basic table’s figure first', () => {
    const found = run(withCell(BASIC, 7, 2, '6.50'), THREE_PUBLIC);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', actual: '6.50' });
    expect(found[0].refs[0].text).toBe('6.50');
  });
  it('tables in 元 printed to the 分 are exact: 0.01 元 over is reported; whole 元 keep ±0.5 each', () => {
    const yuan = (rows: string[][]) => rows.map((r) => r.map((c) => (/^\d+\.\d\d$/.test(c) ? `${c.split('.')[0]}0000.${c.split('.')[1]}` : c)));
    const inYuan = (basic: string[][], three: string[][]) =>
      crossTableThreePublic.check(contextOf([makeTable(basic, { title: '一般公共预算基本支出表', unit: '单位：元' }), makeTable(three, { title: '“三公”经费预算表', headerRows: 2, unit: '单位：元' })]));
    // 30231 60000.01 against 公务用车运行费 60000.00: printed to the 分 on both sides, so 0.01 over is real
    expect(inYuan(withCell(yuan(BASIC), 7, 2, '60000.01'), yuan(THREE_PUBLIC))).toHaveLength(1);
    // whole 元 rounded from 元.角分: 60001 against 60000 can be 60000.50 against 60000.49 — nothing proven
    expect(inYuan(withCell(yuan(BASIC), 7, 2, '60001'), withCell(yuan(THREE_PUBLIC), 2, 4, '60000'))).toEqual([]);
  });
  it('in a table of units, compares with the 合计 row, not the last unit’s', () => {
    const units = [['单位', ...THREE_PUBLIC[0]], ['^', ...THREE_PUBLIC[1]], ['合计', ...THREE_PUBLIC[2]], ['甲单位', '1.00', '0.00', '1.00', '0.00', '1.00', '0.00']];
    expect(run(BASIC, units)).toEqual([]);
  });
  it('does not compare a table in 万元 with one whose unit is unknown', () => {
    const found = crossTableThreePublic.check(
      contextOf([makeTable(withCell(BASIC, 7, 2, '6.50'), { title: '一般公共预算基本支出表' }), makeTable(THREE_PUBLIC, { title: '“三公”经费预算表', headerRows: 2, unit: null })]),
    );
    expect(found).toEqual([]);
  });
});
