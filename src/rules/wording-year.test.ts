import { describe, expect, it } from 'vitest';
import { wordingYear } from './wording-year';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

describe('wording.year', () => {
  it('reports a table title with another year', () => {
    const t = tableOf('2021年部门收支预算表', '万元', [['项目', '金额'], ['收入总计', '1.00']]);
    const f = run(wordingYear, [], { year: 2022 }, [t]);
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('2021');
  });
  it('checks 截至 dates against the kind of report', () => {
    expect(run(wordingYear, ['截止 2021 年底，本部门人员编制 20 人。'], { year: 2022, kind: 'budget' })).toEqual([]);
    expect(run(wordingYear, ['截至2024年12月31日，本部门共有车辆0辆。'], { year: 2024, kind: 'final' })).toEqual([]);
    expect(run(wordingYear, ['截至2023年12月31日，本部门共有车辆0辆。'], { year: 2024, kind: 'final' })).toHaveLength(1);
  });
  it('reports a heading with another year', () => {
    expect(run(wordingYear, ['沁阳市医疗保障局 2021 年度部门预算表'], { year: 2022 })).toHaveLength(1);
    expect(run(wordingYear, ['沁阳市医疗保障局 2022 年度部门预算表'], { year: 2022 })).toEqual([]);
  });
});
