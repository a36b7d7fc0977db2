import { describe, expect, it } from 'vitest';
import { checkLayout } from './engine';
import { makeLayout, makeTable, withCell } from '../../test/rules/helpers';
import { BASIC, EXPENDITURE, EXPENDITURE_SHIFTED, THREE_PUBLIC } from '../../test/rules/fixtures';

const check = (grid: string[][], opts: Parameters<typeof makeTable>[1] = {}) => {
  const table = makeTable(grid, { title: '支出预算总表', ...opts });
  return { table, result: checkLayout(makeLayout([table])) };
};
const loud = (r: ReturnType<typeof checkLayout>) => r.findings.filter((f) => f.severity !== 'info');

describe('confirmed readings', () => {
  it('a consistent table is confirmed: every identity it implies holds', () => {
    const { table, result } = check(EXPENDITURE);
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(true);
    expect(ev.identities).toBeGreaterThan(10);
    expect(ev.held).toBe(ev.identities);
    expect(loud(result)).toEqual([]);
  });

  it('a single typo in an item breaks its column and row identities and is named as the one suspect', () => {
    // 2101101 行政单位医疗 基本支出 12.50 → 21.50: 21011 = Σ项 and 合计 = 基本 + 项目 on its row both fail.
    const { table, result } = check(withCell(EXPENDITURE, 7, 3, '21.50'));
    const ev = result.readings.get(table.id)!;
    expect(ev).toMatchObject({ confirmed: true, smallestFix: 1, suspects: [[7, 3]] });
    const found = loud(result);
    expect(found).toHaveLength(1);
    expect(found[0].suspects).toEqual([0]);
    expect(found[0].refs[0]).toMatchObject({ row: 7, col: 3, text: '21.50' });
    expect(found[0].expected).toBe('12.50');
    expect(found[0].message).toContain('疑有误');
    expect(found[0].message).toContain('2 个勾稽关系');
    expect(found[0].key).toBe('sum.columns|ExpenditureSummary|function:2101101|基本支出');
  });

  it('two wrong items under one total: each is named, and the identity they share holds only when both are corrected — the message says so', () => {
    // 2101101 and 2101102 基本支出 printed 0.00: each breaks its row; together they break 21011 = Σ项.
    const { result } = check(withCell(withCell(EXPENDITURE, 7, 3, '0.00'), 8, 3, '0.00'));
    const found = loud(result);
    expect(found).toHaveLength(2);
    const withShared = found.find((f) => /2 个勾稽关系/.test(f.message))!;
    // (the shared identity is listed under one of the two; its message names the other correction)
    expect(withShared.message).toMatch(/并与.*2101102.*0\.00（应为 17\.50）一同更正后，方能使以下 2 个勾稽关系同时成立/);
    expect(withShared.messageEn).toMatch(/together with .*2101102.*0\.00 \(implied 17\.50\), makes both failing identities hold/);
    const alone = found.find((f) => f !== withShared)!;
    expect(alone.message).not.toContain('一同更正');
  });

  it('a small table (三公) with one typo is still reported; 车 = 购置 + 运行 cannot tell which part is wrong', () => {
    const { table, result } = check(withCell(THREE_PUBLIC, 2, 4, '5.00'), { headerRows: 2, title: '“三公”经费支出预算表' });
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(true);
    expect(ev.suspects).toEqual([]);
    expect(ev.candidates).toEqual(expect.arrayContaining([[2, 3], [2, 4]]));
    // 小计 is not a candidate: changing it would break 合计 = 出国 + 小计 + 接待, which holds.
    expect(ev.candidates).not.toContainEqual([2, 2]);
    const found = loud(result);
    expect(found).toHaveLength(1);
    expect(found[0].suspects).toEqual([]);
  });

  it('a typo in a 三公 part that two identities share is named', () => {
    // 公务用车运行费 and 合计 both printed wrong by the same slip would need two cells; a wrong 小计 alone breaks both identities.
    const { table, result } = check(withCell(THREE_PUBLIC, 2, 2, '7.00'), { headerRows: 2, title: '“三公”经费支出预算表' });
    expect(result.readings.get(table.id)).toMatchObject({ confirmed: true, suspects: [[2, 2]] });
    const found = loud(result);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ suspects: [0], expected: '6.00' });
  });

  it('when two figures could each be the wrong one, every candidate is listed and none blamed', () => {
    // 合计 row's 合计 is the only copy of that figure: changing it or any one item fixes the column.
    const grid = [
      ['项目', '金额'],
      ['合计', '10.00'],
      ['一、甲', '4.00'],
      ['二、乙', '5.00'],
    ];
    const { table, result } = check(grid, { title: '项目支出表' });
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(true);
    expect(ev.suspects).toEqual([]);
    expect(ev.candidates.length).toBe(3);
    const found = loud(result);
    expect(found).toHaveLength(1);
    expect(found[0].suspects).toEqual([]);
    expect(found[0].message).toContain('无法确定哪个数有误');
  });

  it('a misread (every row shifted) is not confirmed: nothing is reported from the table, it is listed unchecked', () => {
    const { table, result } = check(EXPENDITURE_SHIFTED);
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(false);
    expect(ev.identities - ev.held).toBeGreaterThan(2);
    expect(result.findings.filter((f) => f.refs.some((r) => r.tableId === table.id))).toEqual([]);
    expect(result.unchecked.find((u) => u.tableId === table.id)?.reason).toMatch(/^结构未能确认/);
  });

  it('whole-元 figures are rounded: a 分 total against whole-元 items is 尾差, not an error', () => {
    const grid = [
      ['项目', '合计', '人员经费', '公用经费', '项目支出'],
      ['一、公共安全支出', '79,189,400.34', '12,604,173', '1,744,680', '64,840,547'],
    ];
    const { result } = check(grid, { unit: '单位：元', title: '财务收支预算总表' });
    expect(loud(result)).toEqual([]);
    const info = result.findings.find((f) => f.rule === 'rounding.tail');
    expect(info?.message).toContain('3 个数各 ±0.5');
  });

  it('a blank item counts as 0 when the total and every other item are printed: the blank is the suspect', () => {
    const { table, result } = check(withCell(EXPENDITURE, 5, 2, ''));
    expect(result.readings.get(table.id)).toMatchObject({ confirmed: true, suspects: [[5, 2]] });
    const found = loud(result);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ suspects: [0], expected: '70.00' });
  });

  it('a blank total, or two blank items, leave the identity unchecked; a total over nothing is reported', () => {
    const list = (total: string, ...items: string[]) => [['项目', '金额'], ['合计', total], ...items.map((v, i) => [`${'一二三'[i]}、项${i}`, v])];
    expect(loud(check(list('10.00', '4.00', '', '')).result)).toEqual([]);
    expect(loud(check(list('', '4.00', '5.00', '1.00')).result)).toEqual([]);
    expect(loud(check(list('10.00', '4.00', '', '5.00')).result)).toHaveLength(1);
    // Every item blank under a printed total: the rows are missing from the page.
    const missing = loud(check(list('10.00', '', '', '')).result);
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain('各项均为空');
  });

  it('a flat header 合计 | 基本支出小计 | 人员经费 | 公用经费 | 项目支出 is re-read: 小计 = 人员 + 公用, 合计 = 小计 + 项目', () => {
    const grid = [
      ['科目编码', '科目名称', '本年支出', '<', '<', '<', '<'],
      ['^', '^', '合计', '基本支出小计', '人员经费', '公用经费', '项目支出'],
      ['', '合计', '100.00', '60.00', '50.00', '10.00', '40.00'],
      ['208', '社会保障和就业支出', '30.00', '30.00', '30.00', '', ''],
      ['210', '卫生健康支出', '70.00', '30.00', '20.00', '10.00', '40.00'],
    ];
    const { table, result } = check(grid, { headerRows: 2, title: '支出决算表' });
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(true);
    expect(ev.held).toBe(ev.identities);
    expect(loud(result)).toEqual([]);
    // …and a real typo under the re-reading is still named.
    const typo = check(withCell(grid, 4, 5, '1.00'), { headerRows: 2, title: '支出决算表' });
    expect(typo.result.readings.get(typo.table.id)).toMatchObject({ confirmed: true, suspects: [[4, 5]] });
  });

  it('a re-reading that leaves a total over blanks only is not better: a 三公 typo with 购置费 left blank is still found', () => {
    // 小计 = 购置费 + 运行维护费 with 购置费 blank; 运行维护费 4.50 → 9.50. Read as 小计 = 购置费 alone, the
    // failing identity would vanish into two 'rows missing' errors — that reading explains nothing.
    const grid = [
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '<', '<', '公务接待费'],
      ['^', '^', '^', '小计', '公务用车购置费', '公务用车运行维护费', '^'],
      ['2023年预算数', '15.13', '7.16', '3.54', '', '3.54', '4.43'],
      ['2024年预算数', '15.43', '7.16', '4.50', '', '9.50', '3.77'],
    ];
    const { table, result } = check(grid, { headerRows: 2, title: '“三公”经费支出表' });
    expect(result.readings.get(table.id)).toMatchObject({ confirmed: true, smallestFix: 1 });
    expect(result.readings.get(table.id)?.alternative).toBeUndefined();
    const found = loud(result);
    expect(found).toHaveLength(1);
    expect(found[0].refs.map((r) => r.text)).toContain('9.50');
    expect(found.some((f) => f.message.includes('各项均为空'))).toBe(false);
  });

  it('a wrong class total copied in 合计 and 人员经费 of its row is one figure: two such errors still confirm the reading', () => {
    // 301 printed 45.00 → 40.00 in both columns, 303 5.00 → 6.00 in both: four cells, two figures.
    const grid = withCell(withCell(withCell(withCell(BASIC, 2, 2, '40.00'), 2, 3, '40.00'), 8, 2, '6.00'), 8, 3, '6.00');
    const { table, result } = check(grid, { title: '一般公共预算基本支出表' });
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(true);
    expect(ev.suspects).toEqual(expect.arrayContaining([[2, 2], [2, 3], [8, 2], [8, 3]]));
  });

  it('items adding up to exactly twice their total (类 and 款 both read as items) is a misread, not a typo', () => {
    // The WPS split-code form with the 类 on every row, its 款 fragments lost: every row reads as a 类.
    const grid = [
      ['科目编码', '科目名称', '金额'],
      ['', '合计', '100.00'],
      ['208', '社会保障和就业支出', '30.00'],
      ['208', '行政事业单位养老支出', '30.00'],
      ['210', '卫生健康支出', '70.00'],
      ['210', '行政事业单位医疗', '70.00'],
    ];
    const { table, result } = check(grid, { title: '一般公共预算支出表' });
    const ev = result.readings.get(table.id)!;
    expect(ev.confirmed).toBe(false);
    expect(result.unchecked.find((u) => u.tableId === table.id)?.reason).toContain('层级');
    expect(loud(result)).toEqual([]);
  });
});

