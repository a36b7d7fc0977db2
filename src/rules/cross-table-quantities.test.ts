import { describe, expect, it } from 'vitest';
import { crossTableQuantities } from './cross-table-quantities';
import { contextOf, makeTable, withCell } from '../../test/rules/helpers';
import { EXPENDITURE } from '../../test/rules/fixtures';

const SUMMARY = [
  ['收入', '<', '支出', '<'],
  ['项目', '金额', '项目', '金额'],
  ['一、一般公共预算拨款收入', '100.00', '一、一般公共服务支出', ''],
  ['二、政府性基金预算拨款收入', '', '二、社会保障和就业支出', '30.00'],
  ['', '', '三、卫生健康支出', '70.00'],
  ['本年收入合计', '100.00', '本年支出合计', '100.00'],
  ['收入总计', '100.00', '支出总计', '100.00'],
];

const run = (summary: string[][], detail: string[][], unit = '单位：万元') =>
  crossTableQuantities.check(
    contextOf([makeTable(summary, { id: 's', title: '部门收支总表', headerRows: 2, unit }), makeTable(detail, { id: 'd', title: '一般公共预算支出表', unit })]),
  );

describe('cross-table.same-quantity', () => {
  it('passes when the summary’s class amounts and totals match the detail table', () => expect(run(SUMMARY, EXPENDITURE)).toEqual([]));

  it('flags a class amount that differs, the summary copy first', () => {
    const found = run(withCell(SUMMARY, 4, 3, '71.00'), EXPENDITURE);
    const err = found.filter((f) => f.severity === 'error');
    expect(err).toHaveLength(1);
    expect(err[0].refs[0]).toMatchObject({ tableId: 's', text: '71.00' });
    expect(err[0].refs[1]).toMatchObject({ tableId: 'd', text: '70.00' });
  });

  it('a 支出表 titled 财政拨款 is of that scope: its classes are not compared with the all-funds summary', () => {
    // 江苏 公开05表 财政拨款支出预算表 201 7,747.46 vs 公开01表 收支预算总表 201 7,827.46: 80.00 of other funds.
    const summary = [
      ['收入', '<', '支出', '<'],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算拨款收入', '90.00', '一、一般公共服务支出', ''],
      ['二、事业收入', '10.00', '二、社会保障和就业支出', '30.00'],
      ['', '', '三、卫生健康支出', '70.00'],
      ['本年收入合计', '100.00', '本年支出合计', '100.00'],
      ['收入总计', '100.00', '支出总计', '100.00'],
    ];
    const fiscal = withCell(withCell(EXPENDITURE, 5, 2, '60.00'), 1, 2, '90.00');
    const check = (title: string) =>
      crossTableQuantities
        .check(contextOf([makeTable(summary, { id: 's', title: '收支预算总表', headerRows: 2 }), makeTable(fiscal, { id: 'd', title })]))
        .filter((f) => f.severity !== 'info');
    expect(check('公开05表 财政拨款支出预算表')).toEqual([]);
    // The same figures in a table of all funds do disagree.
    expect(check('公开03表 支出预算总表').length).toBeGreaterThan(0);
  });

  it('flags a class the detail table does not have', () => {
    const found = run(withCell(SUMMARY, 2, 3, '5.00'), EXPENDITURE);
    expect(found.some((f) => f.severity === 'error' && f.actual === '5.00' && f.message.includes('201'))).toBe(true);
  });

  it('treats a difference of totals within the rounding interval as 尾差', () => {
    const found = run(SUMMARY, withCell(EXPENDITURE, 5, 2, '70.01'));
    expect(found.map((f) => f.severity)).toEqual(['info']);
  });

  it('converts 元 to 万元: within half a 万元 unit is 尾差, beyond it an error', () => {
    const yuan = (v: string) => EXPENDITURE.map((r, i) => (i === 0 ? r : r.map((t, j) => (j >= 2 && t ? (Number(t) * 10000).toFixed(2) : t))));
    const ctx = (detail: string[][]) =>
      crossTableQuantities.check(
        contextOf([makeTable(SUMMARY, { id: 's', title: '部门收支总表', headerRows: 2 }), makeTable(detail, { id: 'd', title: '一般公共预算支出表', unit: '单位：元' })]),
      );
    expect(ctx(yuan(''))).toEqual([]);
    const near = withCell(withCell(yuan(''), 5, 2, '700040.00'), 9, 2, '400040.00');
    expect(ctx(withCell(near, 10, 2, '400040.00')).map((f) => f.severity)).toEqual(['info']);
    const far = withCell(withCell(withCell(yuan(''), 5, 2, '701000.00'), 9, 2, '401000.00'), 10, 2, '401000.00');
    const found = ctx(far);
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0].difference).toBe('1000.00 元');
  });

  it('compares a department with its single unit table by table, and with several units as a sum', () => {
    const copy = (id: string, grid: string[][], title: string, headerRows = 1) => makeTable(grid, { id, title, headerRows });
    const one = crossTableQuantities.check(
      contextOf([copy('s0', SUMMARY, '部门收支总表', 2), copy('d0', EXPENDITURE, '部门支出总表'), copy('s1', SUMMARY, '单位收支总表', 2), copy('d1', withCell(EXPENDITURE, 1, 2, '101.00'), '单位支出总表')]),
    );
    expect(one.some((f) => f.severity === 'error' && f.refs.some((r) => r.tableId === 'd1' && r.text === '101.00'))).toBe(true);
    const half = (g: string[][]) => g.map((r, i) => (i === 0 ? r : r.map((t, j) => (j >= 2 && t ? (Number(t) / 2).toFixed(2) : t))));
    const halfSummary = SUMMARY.map((r, i) => (i < 2 ? r : r.map((t, j) => (j % 2 === 1 && t ? (Number(t) / 2).toFixed(2) : t))));
    const tables = (x: string) => [copy('s0', SUMMARY, '部门收支总表', 2), copy('d0', EXPENDITURE, '部门支出总表'), copy('s1', halfSummary, '单位收支总表', 2), copy('d1', half(EXPENDITURE), '单位支出总表'), copy('s2', halfSummary, '单位收支总表', 2), copy('d2', withCell(half(EXPENDITURE), 1, 2, x), '单位支出总表')];
    expect(crossTableQuantities.check(contextOf(tables('50.00'))).filter((f) => f.rule === 'cross-table.units')).toEqual([]);
    const off = crossTableQuantities.check(contextOf(tables('51.00'))).filter((f) => f.rule === 'cross-table.units');
    expect(off.map((f) => f.severity)).toEqual(['warning']);
    expect(off[0].refs.map((r) => r.text)).toContain('51.00');
  });

  it('is exact in 元', () => {
    const yuan = (g: string[][]) => g.map((r) => r.map((t) => t));
    const found = run(yuan(SUMMARY), withCell(EXPENDITURE, 5, 2, '70.01'), '单位：元');
    expect(found.map((f) => f.severity)).toEqual(['error']);
  });
});
