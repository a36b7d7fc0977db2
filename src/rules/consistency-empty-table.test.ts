import { describe, expect, it } from 'vitest';
import { consistencyEmptyTable } from './consistency-empty-table';
import { contextOf, run } from '../../test/narrative/context';
import { paragraph, tableOf } from '../../test/narrative/seed-text';

const fund = () =>
  tableOf('政府性基金预算财政拨款收入支出决算表', '万元', [
    ['功能分类科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
    ['', '合计', '', '', '', ''],
  ]);

describe('consistency.empty-table', () => {
  it('accepts an empty table with its own note (seed 004, real 决算)', () => {
    expect(run(consistencyEmptyTable, ['说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。'], { kind: 'final' }, [fund()])).toEqual([]);
    expect(run(consistencyEmptyTable, ['注：无政府基金预算财政拨款预算，空表列示。'], { kind: 'final' }, [fund()])).toEqual([]);
  });
  it('warns when the empty table has no note', () => {
    const f = run(consistencyEmptyTable, ['注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'], { kind: 'final' }, [fund()]);
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('无说明');
  });
  it('warns when the note beside it is another table’s', () => {
    const f = run(consistencyEmptyTable, ['说明：我部门没有国有资本经营收入，也没有使用国有资本经营安排的支出，故本表无数据。'], { kind: 'final' }, [fund()]);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('别的表');
  });
  it('leaves a table with figures alone', () => {
    const t = tableOf('政府性基金预算财政拨款收入支出决算表', '万元', [
      ['功能分类科目编码', '科目名称', '本年收入', '本年支出'],
      ['', '合计', '36.00', '36.00'],
    ]);
    expect(run(consistencyEmptyTable, [], { kind: 'final' }, [t])).toEqual([]);
  });
});

describe('consistency.empty-table: a note saying “empty” under a table with figures', () => {
  // the real 2024 street-office budget, p.31: 三公 47.91 and 机关运行经费 443.18 printed, the note left from the template
  const threePublic = () =>
    tableOf('部门“三公”经费和机关运行经费预算表', '万元', [
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '机关运行经费预算数'],
      ['47.91', '0', '1.35', '46.56', '443.18'],
    ]);
  const under = (text: string) => ({ ...paragraph(text), bbox: [0, 40, 400, 52] as [number, number, number, number] });
  const check = (note: string, t = threePublic()) => {
    const ctx = contextOf([], { year: 2024 }, [t]);
    ctx.layout.paragraphs = [under(note)];
    return consistencyEmptyTable.check(ctx);
  };
  it('reports the template note under a table with figures (answer key WL24-02)', () => {
    const f = check('注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].refs.map((r) => r.text)).toEqual(expect.arrayContaining(['本表为空表。', '47.91']));
  });
  it('leaves an ordinary note, and a note about another table, alone', () => {
    expect(check('注：本表反映部门本年度“三公”经费和机关运行经费预算情况。')).toEqual([]);
    expect(check('注:本部门2024年无政府性基金预算，故本表为空表。')).toEqual([]);
  });
  it('leaves a note saying empty under a table of zeros alone', () => {
    const zeros = tableOf('部门“三公”经费和机关运行经费预算表', '万元', [
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '机关运行经费预算数'],
      ['0.00', '0.00', '0.00', '0.00', '0.00'],
    ]);
    expect(check('注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。', zeros)).toEqual([]);
  });
});

describe('consistency.empty-table: the notes real documents write', () => {
  it('accepts 此表为空 and 本部门无该项目 (Jiangsu 2018–2019 预算表)', () => {
    expect(run(consistencyEmptyTable, ['此表为空'], { kind: 'budget' }, [fund()])).toEqual([]);
    expect(run(consistencyEmptyTable, ['注：本部门无该项目'], { kind: 'budget' }, [fund()])).toEqual([]);
  });
  it('accepts a note written inside the grid (Jiangsu 2019: a row reading 此表为空)', () => {
    const t = tableOf('政府性基金预算财政拨款支出预算表', '万元', [
      ['功能科目编码', '功能科目名称', '金额'],
      ['合计', '', ''],
      ['此表为空', '', ''],
    ]);
    expect(run(consistencyEmptyTable, ['注：“科目编码”和“科目名称”为必填项'], { kind: 'budget' }, [t])).toEqual([]);
    expect(run(consistencyEmptyTable, ['注：“科目编码”和“科目名称”为必填项'], { kind: 'budget' }, [fund()])).toHaveLength(1);
  });
});
