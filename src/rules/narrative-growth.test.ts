import { describe, expect, it } from 'vitest';
import { narrativeGrowth } from './narrative-growth';
import { run } from '../../test/narrative/context';

describe('narrative.growth', () => {
  it('accepts a growth rate computed on last year (seed 000: 1614.17 ÷ 4606.50 = 35.04%)', () => {
    expect(run(narrativeGrowth, ['我单位2022年收入总计6220.67万元，支出总计6220.67万元，与2021年相比，收、支总计各增加1614.17万元，增长35.04%。'])).toEqual([]);
  });

  it('accepts a decrease rate (seed 000 三公: 0.1 ÷ 4.3 = 2.33%)', () => {
    expect(run(narrativeGrowth, ['我单位2022年“三公”经费支出预算为4.2万元，比2021年预算数减少0.1万元，减少2.33%。'])).toEqual([]);
  });

  it('reports a wrong rate with the arithmetic', () => {
    const f = run(narrativeGrowth, ['我单位2022年机构运行经费支出预算10.8万元，比2021年减少3.64万元,减少26.21%，主要原因：其他交通费用减少。']);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].expected).toBe('25.21%');
    expect(f[0].refs[0].text).toBe('26.21%');
  });

  it('reports a growth rate on a zero base (seed 000: 政府性基金 增加36万元，增长100%)', () => {
    const f = run(narrativeGrowth, ['我单位2022年一般公共预算收支预算6184.67万元，政府性基金收支预算36万元。与2021年相比，一般公共预算收支预算增加1578.17万元，增长34.26%；政府性基金收支预算增加36万元，增长100%。']);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('36 − 36 = 0');
  });

  it('finds the figure a change refers to in an earlier sentence (real 决算 三公)', () => {
    const texts = ['“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%。', '2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%。'];
    expect(run(narrativeGrowth, texts, { kind: 'final', year: 2024 })).toEqual([]);
    const bad = ['“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%。', '2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降38.46%。'];
    expect(run(narrativeGrowth, bad, { kind: 'final', year: 2024 })).toHaveLength(1);
  });

  it('reports 持平 next to a non-zero change of the same figure', () => {
    const f = run(narrativeGrowth, ['本部门当年机关运行经费预算安排16万元，较上年减少27万元，与上年持平。']);
    expect(f.some((x) => x.message.includes('持平'))).toBe(true);
  });
});
