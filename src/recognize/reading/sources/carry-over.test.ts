import { describe, expect, it } from 'vitest';
import { carryOver } from './carry-over';
import { contextOf, statementsOf, makeTable, withCell } from '../../../../test/rules/helpers';
import { FISCAL } from '../../../../test/rules/fixtures';

const run = (grid: string[][]) => statementsOf(carryOver, contextOf([makeTable(grid, { title: '财政拨款收入支出决算总表', headerRows: 2 })]));

describe('identity.carry-over', () => {
  it('passes when 年末 = 年初 + 本年收入 − 本年支出 per fund column', () => expect(run(FISCAL)).toEqual([]));

  it('flags a year-end balance that does not follow', () => {
    const found = run(withCell(FISCAL, 5, 4, '12.00'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'identity.carry-over', severity: 'error', actual: '12.00', expected: '10.00' });
    expect(found[0].message).toContain('20.00 + 100.00 − 110.00 = 10.00');
  });

  it('checks tables with 年初/本年收入/本年支出/年末 columns row by row', () => {
    const grid = [
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '<', '<', '年末结转和结余'],
      ['^', '^', '^', '^', '小计', '基本支出', '项目支出', '^'],
      ['', '合计', '5.00', '10.00', '12.00', '2.00', '10.00', '3.00'],
    ];
    const ctx = contextOf([makeTable(grid, { title: '政府性基金预算财政拨款收入支出决算表', headerRows: 2 })]);
    expect(statementsOf(carryOver, ctx)).toEqual([]);
    const bad = contextOf([makeTable(withCell(grid, 2, 7, '4.00'), { title: '政府性基金预算财政拨款收入支出决算表', headerRows: 2 })]);
    expect(statementsOf(carryOver, bad).map((f) => f.actual)).toEqual(['4.00']);
  });
});
