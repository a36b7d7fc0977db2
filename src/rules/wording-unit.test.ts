import { describe, expect, it } from 'vitest';
import { wordingUnit } from './wording-unit';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

const expenditure = tableOf('支出决算表', '万元', [
  ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['', '合计', '1833.40', '1817.57', '15.84'],
]);
const FINAL = { kind: 'final' as const, year: 2020 };

describe('wording.unit', () => {
  it('reports 万元 written as 元 next to a figure of the tables', () => {
    const f = run(wordingUnit, ['2020 年度支出合计 1833.40 元，其中：基本支出 1817.57 万元；项目支出 15.84 万元。'], FINAL, [expenditure]);
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('1833.40万元');
  });
  it('reports a bare 万 (real 决算: 国内公务接待支出 0.39 万)', () => {
    const f = run(wordingUnit, ['国内公务接待支出0.39万（含外宾接待支出0.00万元）。'], FINAL);
    expect(f.map((x) => x.actual)).toEqual(['0.39万']);
  });
  it('accepts figures in the right unit', () => {
    expect(run(wordingUnit, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1817.57 万元。'], FINAL, [expenditure])).toEqual([]);
  });
});
