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

describe('cross-table.same-quantity: 人员经费 / 公用经费 of the summary and of the basic-expenditure table', () => {
  // 财务收支预算总表 splitting 支出总计 into 基本支出 (人员经费 / 公用经费) and 项目支出, in 元
  const summary = (personnel: string, pub: string, otherIncome = '0.00') => [
    ['本年收入', '<', '本年支出', '<', '<', '<', '<'],
    ['项目', '预算数', '项目', '预算数', '<', '<', '<'],
    ['^', '^', '^', '合计', '基本支出', '<', '项目支出'],
    ['^', '^', '^', '^', '人员经费', '公用经费', '^'],
    ['一、财政拨款收入', '1,000,000.00', '一、社会保障和就业支出', '300,000.00', '300,000.00', '0.00', '0.00'],
    ['1、一般公共预算', '1,000,000.00', '二、卫生健康支出', String(700000 + Number(otherIncome.replace(/,/g, ''))) + '.00', personnel === '500,000' ? '200,000' : String(Number(personnel.replace(/,/g, '')) - 300000), pub, '400,000'],
    ['2、政府性基金预算', '0.00', '', '', '', '', ''],
    ['二、事业收入', otherIncome, '', '', '', '', ''],
    ['收入总计', String(1000000 + Number(otherIncome.replace(/,/g, ''))) + '.00', '支出总计', String(1000000 + Number(otherIncome.replace(/,/g, ''))) + '.00', personnel, pub, '400,000'],
  ];
  // 基本支出 by economic class, 类 and 款 in their own columns, 合计 printed under 编码
  const basic = (personnel: string, pub: string) => [
    ['经济分类科目编码', '<', '经济分类科目名称', '合计', '人员经费', '公用经费'],
    ['类', '款', '^', '^', '^', '^'],
    ['301', '', '工资福利支出', '450,000.00', '450,000.00', '0.00'],
    ['301', '01', '基本工资', '450,000.00', '450,000.00', '0.00'],
    ['302', '', '商品和服务支出', pub, '0.00', pub],
    ['302', '01', '办公费', pub, '0.00', pub],
    ['303', '', '对个人和家庭的补助', '50,000.00', '50,000.00', '0.00'],
    ['303', '02', '退休费', '50,000.00', '50,000.00', '0.00'],
    ['合计', '', '', (450000 + 50000 + Number(pub.replace(/,/g, ''))).toLocaleString('en-US', { minimumFractionDigits: 2 }), personnel, pub],
  ];
  const check = (s: string[][], b: string[][]) =>
    crossTableQuantities.check(
      contextOf([makeTable(s, { id: 's', title: '财务收支预算总表', headerRows: 4, unit: '单位：元' }), makeTable(b, { id: 'b', title: '一般公共预算基本支出部门预算经济分类预算表', headerRows: 2, unit: '单位：元' })]),
    );
  const loud = (found: ReturnType<typeof check>) => found.filter((f) => f.severity !== 'info');

  it('passes when the summary’s split agrees with the basic table’s 合计 (within whole 元)', () => {
    expect(loud(check(summary('500,000', '100,000'), basic('500,000.00', '100,000.00')))).toEqual([]);
    // printed to the whole 元 beside a 合计 with 分: ±0.5 元 a figure is the printed precision
    expect(loud(check(summary('500,000', '100,000'), basic('500,000.00', '100,000.34')))).toEqual([]);
  });

  it('reports both parts when the two tables split 基本支出 differently, naming neither as the wrong one', () => {
    // 1,200 元 of 公用经费 counted as 人员经费 in the summary: 501,200 / 98,800 vs 500,000.00 / 100,000.00
    const found = loud(check(summary('501,200', '98,800'), basic('500,000.00', '100,000.00')));
    expect(found.map((f) => f.rule)).toEqual(['cross-table.same-quantity', 'cross-table.same-quantity']);
    expect(found[0].message).toContain('人员经费合计');
    expect(found[1].message).toContain('公用经费合计');
    expect(found[0].refs.map((r) => r.text).sort()).toEqual(['500,000.00', '501,200']);
    expect(found[1].refs.map((r) => r.text).sort()).toEqual(['100,000.00', '98,800']);
    expect(found.every((f) => !f.suspects?.length)).toBe(true);
    expect(found[0].difference).toBe('1200.00');
  });

  it('compares nothing when the summary also holds other funds than the basic table’s 一般公共预算', () => {
    // 事业收入 50,000: the summary's 人员经费 covers money the 一般公共预算 table does not
    expect(loud(check(summary('550,000', '100,000', '50,000.00'), basic('500,000.00', '100,000.00')))).toEqual([]);
  });
});
