import { describe, expect, it } from 'vitest';
import { rowSums } from './row-sums';
import { contextOf, statementsOf, makeTable, withCell } from '../../../../test/rules/helpers';
import { EXPENDITURE, SUMMARY } from '../../../../test/rules/fixtures';

const run = (grid: string[][], opts = {}) => statementsOf(rowSums, contextOf([makeTable(grid, opts)]));

describe('sum.rows', () => {
  it('passes when 合计 equals the sum of the classes', () => expect(run(EXPENDITURE)).toEqual([]));

  it('flags a 合计 row that is not the sum of the top-level codes', () => {
    const found = run(withCell(EXPENDITURE, 1, 3, '61.00'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.rows', severity: 'error', actual: '61.00', expected: '60.00' });
    expect(found[0].refs[0]).toMatchObject({ row: 1, col: 3, role: 'total' });
  });

  it('adds the numbered items of a summary side into 本年收入合计', () => {
    expect(run(SUMMARY, { headerRows: 2 })).toEqual([]);
    const found = run(withCell(SUMMARY, 3, 1, '11.00'), { headerRows: 2 });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('本年收入合计');
    expect(found[0].refs.some((r) => r.row === 3 && r.col === 1)).toBe(true);
  });

  it('reads unit groups and unmarked subtotals of a flat list', () => {
    const grid = [
      ['单位编码', '单位（项目）名称', '项目金额'],
      ['', '合计', '16.00'],
      ['231001', '本级', '8.00'],
      ['', '专用项目', '8.00'],
      ['', '局办公经费', '3.00'],
      ['', '医疗救助', '5.00'],
      ['231002', '经办中心', '8.00'],
      ['', '档案整理', '8.00'],
    ];
    expect(run(grid)).toEqual([]);
    const found = run(withCell(grid, 5, 2, '6.00'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity !== 'info')).toBe(true);
  });

  it('adds up the classes of a list of function names printed without codes', () => {
    const grid = [
      ['项目', '预算数'],
      ['一般公共服务支出', '0.64'],
      ['社会工作事务', '0.64'],
      ['其他社会工作事务支出', '0.64'],
      ['交通运输支出', '10.00'],
      ['公路水路运输', '10.00'],
      ['行政运行', '10.00'],
      ['本年支出合计', '10.64'],
    ];
    expect(run(grid, { title: '支出预算表' })).toEqual([]);
    const found = run(withCell(grid, 7, 1, '10.74'), { title: '支出预算表' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', actual: '10.74', expected: '10.64' });
  });

  it('reads a unit-level subtotal of a flat list within the rounding of its items', () => {
    const grid = [
      ['单位名称', '总计'],
      ['合计', '30.01'],
      ['本部门', '30.01'],
      ['甲单位', '10.00'],
      ['乙单位', '10.00'],
      ['丙单位', '10.00'],
    ];
    expect(run(grid).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reads a numbered subtotal whose parts are numbered alike (一、本年支出 › 一、… 四、)', () => {
    const grid = [
      ['项目', '本年预算'],
      ['一、本年支出', '10.00'],
      ['一、一般公共服务支出', '6.00'],
      ['二、社会保障和就业支出', '4.00'],
      ['二、结转下年支出', ''],
      ['支出总计', '10.00'],
    ];
    expect(run(grid)).toEqual([]);
    const found = run(withCell(grid, 5, 1, '11.00'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', actual: '11.00' });
  });
});
