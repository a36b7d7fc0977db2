import { describe, expect, it } from 'vitest';
import { mergeContinuations, type CaptionedTable } from './continuation';
import type { TableCell } from './types';

/** A ruled page table: rows of texts, columns at `xs`, top at `y` with 20-point rows. */
function table(page: number, texts: string[][], xs: number[], y = 100, title = ''): CaptionedTable {
  const rows = texts.map((row, r) =>
    row.map((text, c): TableCell => ({ text, page, bbox: [xs[c], y + 20 * r, xs[c + 1], y + 20 * (r + 1)], rowSpan: 1, colSpan: 1 })),
  );
  return { page, bbox: [xs[0], y, xs[xs.length - 1], y + 20 * texts.length], rows, xs, ruled: true, used: new Set(), title, unit: '万元', captionLines: [] };
}

const XS = [50, 120, 300, 400];
const ECONOMIC = [
  ['科目编码', '科目名称', '金额'],
  ['303', '对个人和家庭的补助', '3,151.74'],
  ['30301', '离休费', '2,133.73'],
];

describe('tables across a page break', () => {
  it('a one-row ruled grid topping the next page, in the same columns, is the table’s last row', () => {
    const { tables, joinedFragments } = mergeContinuations([
      { page: 14, tables: [table(14, ECONOMIC, XS, 100, '一般公共预算基本支出预算表')] },
      { page: 15, tables: [table(15, [['功能科目代码', '功能科目名称', '金额'], ['', '合计', '']], XS, 200, '政府性基金支出预算表')], fragment: table(15, [['30312', '提租补贴', '1,018.01']], XS, 40) },
    ]);
    expect(tables.map((t) => t.rows.length)).toEqual([4, 2]);
    expect(tables[0].pages).toEqual([14, 15]);
    expect(tables[0].rows[3].map((c) => c?.text)).toEqual(['30312', '提租补贴', '1,018.01']);
    expect(joinedFragments).toEqual(new Set([15]));
  });

  it('a fragment in other columns is left alone (its text stays the page’s text)', () => {
    const { tables, joinedFragments } = mergeContinuations([
      { page: 14, tables: [table(14, ECONOMIC, XS)] },
      { page: 15, tables: [], fragment: table(15, [['注', '本表不含政府性基金']], [50, 90, 400], 40) },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([14]);
    expect(joinedFragments.size).toBe(0);
  });

  it('a ruled tail whose rows merge cells — fewer column borders, each one of the page before’s — is joined over the page before’s columns', () => {
    const summary = table(8, [['收入', '金额', '支出', '金额'], ['当年收入', '13,649.07', '当年支出小计', '13,649.07']], [50, 120, 200, 300, 400], 100, '收支预算总表');
    const tail = table(9, [['小计', '', ''], ['收入合计', '13,649.07', '13,649.07']], [51, 121, 199, 399], 40);
    const { tables } = mergeContinuations([{ page: 8, tables: [summary] }, { page: 9, tables: [tail] }]);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([8, 9]);
    // 收入合计 | 13,649.07 | one cell over 支出 and its 金额
    const last = tables[0].rows[tables[0].rows.length - 1];
    expect(last.map((c) => c?.text ?? null)).toEqual(['收入合计', '13,649.07', '13,649.07', null]);
    expect(last.map((c) => c?.colSpan ?? 0)).toEqual([1, 1, 2, 0]);
  });

  it('a page of a table without rules that repeats its header, where columns without a figure were not found, is laid under the page before’s columns', () => {
    const unruled = (t: CaptionedTable): CaptionedTable => ({ ...t, ruled: false });
    const head = [['科目编码', '科目名称', '合计', '上年结转', '一般公共预算', '事业收入']];
    const p8 = unruled(table(8, [...head, ['', '合计', '700.00', '0.00', '700.00', '0.00'], ['201', '一般公共服务支出', '300.00', '', '300.00', '']], [50, 100, 200, 260, 320, 400, 460], 100, '部门收入总表'));
    // Page 9: the same header, but only the columns with figures there were found (上年结转 and 事业收入 are blank).
    const p9 = unruled(table(9, [['科目编码', '科目名称', '合计', '上年结转一般公共预算事业收入'], ['221', '住房保障支出', '400.00', '400.00']], [50, 100, 200, 260, 460], 40));
    // (each text where a producer sets it: the 一般公共预算 figure under its own column)
    p9.rows[1][3] = { ...p9.rows[1][3]!, bbox: [330, 60, 390, 80] };
    p8.endsPage = true;
    const { tables } = mergeContinuations([{ page: 8, tables: [p8] }, { page: 9, tables: [p9] }]);
    expect(tables).toHaveLength(1);
    expect(tables[0].cut).toBeUndefined();
    expect(tables[0].rows[tables[0].rows.length - 1].map((c) => c?.text)).toEqual(['221', '住房保障支出', '400.00', '', '400.00', '']);
  });

  it('an untitled, headerless tail in columns of its own is marked as continuing the table before, not joined', () => {
    const summary = table(8, [['收入', '金额', '支出', '金额'], ['当年收入', '13,649.07', '当年支出小计', '13,649.07']], [50, 120, 200, 300, 400], 100, '收支预算总表');
    const tail = table(9, [['小计', '', ''], ['收入合计', '13,649.07', '13,649.07']], [50, 160, 250, 400], 40);
    const { tables } = mergeContinuations([{ page: 8, tables: [summary] }, { page: 9, tables: [tail] }]);
    expect(tables.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(tables[1].continues).toBe('t1');
    expect(tables[0].continues).toBeUndefined();
  });

  it('a titled table on the next page is a table of its own, never a tail', () => {
    const next = table(9, [['小计', '', ''], ['收入合计', '13,649.07', '13,649.07']], XS, 60, '收入预算总表');
    const { tables } = mergeContinuations([{ page: 8, tables: [table(8, ECONOMIC, [50, 120, 200, 400])] }, { page: 9, tables: [next] }]);
    expect(tables[1].continues).toBeUndefined();
  });

  it('a row the break cut in two is one row again: the figure’s last digit on the next page joins it', () => {
    const head = [['科目编码', '科目名称', '合计', '人员经费']];
    const p11 = table(11, [...head, ['', '合计', '2528208.0', '2528208.0']], [50, 120, 300, 400, 500]);
    const p12 = table(12, [...head, ['', '', '0', '0'], ['301', '工资福利支出', '1652775.00', '1652775.00']], [50, 120, 300, 400, 500], 40);
    const { tables } = mergeContinuations([{ page: 11, tables: [p11] }, { page: 12, tables: [p12] }]);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.map((c) => c?.text))).toEqual([...head, ['', '合计', '2528208.00', '2528208.00'], ['301', '工资福利支出', '1652775.00', '1652775.00']]);
  });

  it('a whole row under the header of the next page is its own row (行次 15 under 14, a numbered item)', () => {
    const head = [['收入', '行次', '金额', '支出', '行次', '金额']];
    const xs = [50, 100, 150, 200, 300, 350, 400];
    const p6 = table(6, [...head, ['', '14', '', '十四、资源勘探工业信息等支出', '45', '0.00']], xs);
    const p7 = table(7, [...head, ['', '15', '', '十五、商业服务业等支出', '46', '0.00']], xs, 40);
    const { tables } = mergeContinuations([{ page: 6, tables: [p6] }, { page: 7, tables: [p7] }]);
    expect(tables[0].rows.map((r) => r[1]?.text)).toEqual(['行次', '14', '15']);
  });
  it('a table that ends its page, followed by an untitled table without a header of its own that cannot be joined, is cut: its rows go on there', () => {
    const endOfPage = { ...table(14, ECONOMIC, XS, 100, '一般公共预算基本支出预算表'), endsPage: true };
    // Next page: rows of the same table drawn in other columns (a name broken over the page), no header.
    const tail = table(15, [['春节系列', '2070108', '816,508.00', ''], ['文化活动', '2070109', '358,928.00', '']], [50, 100, 200, 300, 400], 60);
    const { tables } = mergeContinuations([{ page: 14, tables: [endOfPage] }, { page: 15, tables: [tail] }]);
    expect(tables).toHaveLength(2);
    expect(tables[0].cut).toBe(true);
  });

  it('an untitled table on the next page with a header of its own is a table of its own: the one before is whole', () => {
    const endOfPage = { ...table(14, ECONOMIC, XS, 100, '一般公共预算基本支出预算表'), endsPage: true };
    const own = table(15, [['项目名称', '合计', '财政拨款', '其他'], ['合计', '12.00', '12.00', '0.00'], ['办公楼维修', '12.00', '12.00', '0.00']], [50, 100, 200, 300, 400], 60);
    const { tables } = mergeContinuations([{ page: 14, tables: [endOfPage] }, { page: 15, tables: [own] }]);
    expect(tables).toHaveLength(2);
    expect(tables[0].cut).toBeUndefined();
  });

  it('a table followed on its page by notes is whole even when an untitled table opens the next page', () => {
    const notFull = { ...table(14, ECONOMIC, XS, 100, '一般公共预算基本支出预算表'), endsPage: false };
    const tail = table(15, [['春节系列', '2070108', '816,508.00', '']], [50, 100, 200, 300, 400], 60);
    const { tables } = mergeContinuations([{ page: 14, tables: [notFull] }, { page: 15, tables: [tail] }]);
    expect(tables[0].cut).toBeUndefined();
  });
});
