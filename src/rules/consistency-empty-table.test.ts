import { describe, expect, it } from 'vitest';
import { consistencyEmptyTable } from './consistency-empty-table';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

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
