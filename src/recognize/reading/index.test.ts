import { describe, expect, it } from 'vitest';
import { recognizeDocument } from '..';
import { IDENTITY_SOURCES } from '.';
import { RULES } from '../../rules/registry';
import { runChecks } from '../../rules/engine';
import { makeLayout, makeTable, withCell } from '../../../test/rules/helpers';
import { EXPENDITURE, EXPENDITURE_SHIFTED as SHIFTED } from '../../../test/rules/fixtures';

const recognize = (grid: string[][]) => recognizeDocument(makeLayout([makeTable(grid, { title: '支出预算总表' })]));

describe('recognition proves each table’s reading before any rule runs', () => {
  it('a consistent table comes out of recognition confirmed, every identity held, nothing to report', () => {
    const [r] = recognize(EXPENDITURE).readings;
    expect(r.evidence).toMatchObject({ confirmed: true, smallestFix: 0 });
    expect(r.evidence.held).toBe(r.evidence.identities);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a typo is localised in recognition: the suspect cell and its finding, tagged with the identity source that states it', () => {
    const [r] = recognize(withCell(EXPENDITURE, 7, 3, '21.50')).readings;
    expect(r.evidence).toMatchObject({ confirmed: true, smallestFix: 1, suspects: [[7, 3]] });
    const loud = r.findings.filter((f) => f.severity !== 'info');
    expect(loud).toHaveLength(1);
    expect(IDENTITY_SOURCES.map((s) => s.id)).toContain(loud[0].source);
    expect(loud[0].suspects).toEqual([0]);
  });

  it('a misread table comes out unconfirmed with no findings, and the rules never see its cells', () => {
    const recognized = recognize(SHIFTED);
    const [r] = recognized.readings;
    expect(r.evidence.confirmed).toBe(false);
    expect(r.findings).toEqual([]);
    // Every rule, cross-table and narrative included, reads the confirmed tables only.
    const seen: number[] = [];
    const spy = { id: 'test.spy', family: 'cross-table' as const, title: '', titleEn: '', check: (ctx: { tables: unknown[]; readings: unknown[] }) => (seen.push(ctx.tables.length + ctx.readings.length), []) };
    const result = runChecks(recognized, { rules: [...RULES, spy] });
    expect(seen).toEqual([0]);
    expect(result.findings.filter((f) => f.refs.some((ref) => ref.tableId !== undefined))).toEqual([]);
    expect(result.unchecked.map((u) => u.reason).join()).toContain('结构未能确认');
  });

  it('an unjoined page tail is recognised but not read', () => {
    const tail = { ...makeTable(EXPENDITURE.slice(4)), continues: 't0' };
    const recognized = recognizeDocument(makeLayout([makeTable(EXPENDITURE, { title: '支出预算总表' }), tail]));
    expect(recognized.tables).toHaveLength(2);
    expect(recognized.readings.map((r) => r.rt.table.id)).not.toContain(tail.id);
  });

  it('a table whose figures were read into its name column is not confirmed, even when the identities left hold', () => {
    // No vertical rules, wrapped names: a row's figures glued to its name (LibreOffice Writer without borders).
    const grid = [
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', '12771614.00'],
      ['20819', '最低生活保障', '12771614.00'],
      ['2081901', '城市最低生活018525711.00保障金支出', ''],
      ['2081902', '农村最低生活保障金支出', '4245903.00'],
    ];
    const recognized = recognizeDocument(makeLayout([makeTable(grid, { title: '一般公共预算支出表' })]));
    const [r] = recognized.readings;
    expect(r.evidence.confirmed).toBe(false);
    const result = runChecks(recognized);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.unchecked[0].reason).toContain('名称列中混有金额');
  });

  it('a performance form’s fields (年度预算资金总额: 30.00) are text, not amounts read into names', () => {
    const grid = [
      ['项目名称', '某项目', '<'],
      ['项目资金(万元)', '年度预算资金总额: 30.00', '<'],
      ['一级指标', '二级指标', '指标值'],
      ['产出指标', '数量指标', '≥3个'],
    ];
    const [r] = recognizeDocument(makeLayout([makeTable(grid, { title: '项目支出绩效目标表' })])).readings;
    expect(r.amountInLabel).toBeNull();
  });

  it('a total column blank on every row whose parts print figures is not confirmed: the figures stand one column off', () => {
    // No vertical rules: 合计 5.80 read under 因公出国（境）费, which is blank (0) in the document.
    const grid = [
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '<', '<', '公务接待费'],
      ['^', '^', '^', '小计', '公务用车购置费', '公务用车运行维护费', '^'],
      ['2024年预算数', '', '5.80', '2.40', '', '2.40', '3.40'],
      ['2025年预算数', '', '5.33', '2.40', '', '2.40', '2.93'],
    ];
    const [r] = recognizeDocument(makeLayout([makeTable(grid, { title: '“三公”经费支出表', headerRows: 2 })])).readings;
    expect(r.blankTotal).toBe('合计');
    expect(r.evidence.confirmed).toBe(false);
    // a total left blank where its parts are blank too says nothing
    const empty = grid.map((row, i) => (i < 2 ? row : [row[0], '', '', '', '', '', '']));
    expect(recognizeDocument(makeLayout([makeTable(empty, { title: '“三公”经费支出表', headerRows: 2 })])).readings[0].blankTotal).toBeNull();
  });
  it('a table cut by the page break (its rows go on in a part not joined to it) states only the identities within each row', () => {
    // The 合计 row holds the whole table's total; the rows printed here are only the first ones.
    const firstPart = EXPENDITURE.slice(0, 5);
    const table = { ...makeTable(firstPart, { title: '支出预算总表' }), cut: true };
    const [r] = recognizeDocument(makeLayout([table])).readings;
    expect(r.evidence).toMatchObject({ confirmed: true, smallestFix: 0, cut: true });
    // 合计 = 基本支出 + 项目支出 on each of the four body rows; no 合计 row = Σ classes, no 类 = Σ 款.
    expect(r.evidence).toMatchObject({ identities: 4, held: 4 });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // Read whole, the same rows fail: 合计 100.00 ≠ 30.00.
    const [whole] = recognizeDocument(makeLayout([makeTable(firstPart, { title: '支出预算总表' })])).readings;
    expect(whole.evidence.identities).toBeGreaterThan(4);
    expect(whole.evidence.held).toBeLessThan(whole.evidence.identities);
  });
});
