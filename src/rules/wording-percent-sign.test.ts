import { describe, expect, it } from 'vitest';
import { wordingPercentSign } from './wording-percent-sign';
import { run } from '../../test/narrative/context';

describe('wording.percent-sign', () => {
  it('reports a rate written without % (real 决算: 增长 13.95。)', () => {
    const f = run(wordingPercentSign, ['一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%。与2023年度相比，一般公共预算财政拨款支出增加1193.20万元，增长13.95。'], { kind: 'final', year: 2024 });
    expect(f).toHaveLength(1);
    expect(f[0].refs[0].text).toBe('13.95');
  });
  it('accepts rates with %', () => {
    expect(run(wordingPercentSign, ['我单位2022年收入总计6220.67万元，与2021年相比，增加1614.17万元，增长35.04%。'])).toEqual([]);
  });
});
