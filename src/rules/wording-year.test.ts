import { describe, expect, it } from 'vitest';
import { citesAnotherYear, wordingYear } from './wording-year';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

const FINAL_2024 = { year: 2024, kind: 'final' as const, title: '上海市普陀区规划和自然资源局2024年度部门决算' };

describe('wording.year', () => {
  it('reports a table title with another year', () => {
    const t = tableOf('2021年部门收支预算表', '万元', [['项目', '金额'], ['收入总计', '1.00']]);
    const f = run(wordingYear, [], { year: 2022 }, [t]);
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('2021');
  });
  it('accepts a table that reports another year on purpose (执行情况, 对比)', () => {
    const t = tableOf('2024年预算执行情况表', '万元', [['项目', '金额'], ['收入总计', '1.00']]);
    expect(run(wordingYear, [], { year: 2025 }, [t])).toEqual([]);
  });
  it('checks 截至 dates against the kind of report the title proves', () => {
    expect(run(wordingYear, ['截止 2021 年底，本部门人员编制 20 人。'], { year: 2022, kind: 'budget', title: 'X局2022年部门预算' })).toEqual([]);
    expect(run(wordingYear, ['截至2024年12月31日，本部门共有车辆0辆。'], FINAL_2024)).toEqual([]);
    expect(run(wordingYear, ['截至2023年12月31日，本部门共有车辆0辆。'], FINAL_2024)).toHaveLength(1);
    // no title: the kind is a guess (a 2025 budget read as 决算 would make 截至2024年8月31日 look wrong)
    expect(run(wordingYear, ['截至2024年8月31日，财政局共有车辆0辆，其中：部级领导干部用车0辆。'], { year: 2025, kind: 'final', title: '' })).toEqual([]);
  });
  it('a heading naming the report’s year beside another sets them side by side (项目 | 2014年预算 | 2015年预算 | 增长额): nothing', () => {
    expect(run(wordingYear, ['项目 | 2014年预算 | 2015年预算 | 增长额 | 增长率 |'], { year: 2015, kind: 'budget', title: 'X区2015年预算' })).toEqual([]);
    expect(run(wordingYear, ['项目 | 2014年预算 | 增长额 | 增长率 |'], { year: 2015, kind: 'budget', title: 'X区2015年预算' })).toHaveLength(1);
  });
  it('reports a heading with another year', () => {
    expect(run(wordingYear, ['沁阳市医疗保障局 2021 年度部门预算表'], { year: 2022 })).toHaveLength(1);
    expect(run(wordingYear, ['沁阳市医疗保障局 2022 年度部门预算表'], { year: 2022 })).toEqual([]);
    expect(run(wordingYear, ['上海市普陀区商务委员会2024年部门预算'], { year: 2025 })).toHaveLength(1);
  });
  it('accepts sentences that compare with or cite another year (real 2025/2026 budgets)', () => {
    const real = [
      '2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：',
      '2026年“三公”经费预算数为10.71万元，与2025年预算数持平。其中：',
      '2025年“三公”经费预算数为1.00万元，与2024年预算持平。其中：',
      '2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：',
    ];
    for (const t of real) expect(run(wordingYear, [t], { year: Number(t.slice(0, 4)) })).toEqual([]);
    // short synthetic headings of the same kind: the other year is the point of the line
    expect(run(wordingYear, ['比2024年预算增加'], { year: 2025 })).toEqual([]);
    expect(run(wordingYear, ['较2024年决算减少'], { year: 2025 })).toEqual([]);
    expect(run(wordingYear, ['2024年预算执行情况'], { year: 2025 })).toEqual([]);
    expect(run(wordingYear, ['2024年决算数与2025年预算数对比'], { year: 2025 })).toEqual([]);
  });
  it('tells a cited year from the report’s own year', () => {
    const t = '2025年部门预算与2024年预算执行数对比';
    expect(citesAnotherYear(t, 0, 4)).toBe(false);
    expect(citesAnotherYear(t, t.indexOf('2024'), t.indexOf('2024') + 4)).toBe(true);
    expect(citesAnotherYear('比2024年度减少13.52万元', 1, 5)).toBe(true);
    expect(citesAnotherYear('2024年执行数为60.13万元', 0, 4)).toBe(true);
  });
});
