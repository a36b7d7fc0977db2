import { describe, expect, it } from 'vitest';
import { narrativeChangeParts } from './narrative-change-parts';
import { run } from '../../test/narrative/context';

describe('narrative.change-parts', () => {
  const budget = { year: 2025, kind: 'budget' as const };
  it('accepts a change of spending that its 基本支出 and 项目支出 changes add up to, signed (重庆 2024 预算)', () => {
    expect(run(narrativeChangeParts, ['支出较去年减少133.66万元,主要是基本支出增加146.75万元,项目支出减少280.41万元。'], budget)).toEqual([]);
    expect(run(narrativeChangeParts, ['支出预算较2024年减少95.33万元,主要是基本支出预算减少55.08万元,项目支出预算减少40.25万元。'], budget)).toEqual([]);
  });

  it('小学 2025 预算 (set K): 130.95 told for 39.39 + 1.78 = 41.17, the parts run together without a comma', () => {
    const f = run(narrativeChangeParts, ['(二)支出预算2025年年初预算数1282.734万元。支出预算较2024年增加了130.95万元,主要是基本支出预算增加39.39万元项目支出预算增加1.78万元'], budget);
    expect(f.map((x) => [x.severity, x.expected, x.actual, x.difference])).toEqual([['error', '41.17万元', '130.95万元', '89.78万元']]);
    expect(f[0].refs.map((r) => r.text)).toEqual(['130.95万元', '39.39万元', '1.78万元']);
  });

  it('a sign slip is an error: 减少 where the parts add up to an increase', () => {
    const f = run(narrativeChangeParts, ['支出较去年减少105.77万元,主要是基本支出增加39.77万元,项目支出增加66.00万元。'], budget);
    expect(f.map((x) => x.expected)).toEqual(['105.77万元']);
  });

  it('stays silent on the rounding of three figures, on one part alone, on other parts, and in a 决算', () => {
    expect(run(narrativeChangeParts, ['支出较去年增加85.42万元,主要是基本支出增加72.38万元,项目支出增加13.03万元。'], budget)).toEqual([]);
    expect(run(narrativeChangeParts, ['支出预算较2024年增加16.26万元,主要是基本支出预算增加10.26万元。'], budget)).toEqual([]);
    expect(run(narrativeChangeParts, ['支出较去年增加85.41万元,主要是人员经费增加72.38万元,项目支出增加3.03万元。'], budget)).toEqual([]);
    // a 决算's 支出 also holds 经营支出, 上缴上级支出 …
    expect(run(narrativeChangeParts, ['支出较去年增加130.95万元,主要是基本支出增加39.39万元,项目支出增加1.78万元。'], { year: 2024, kind: 'final' })).toEqual([]);
  });
});
