import { describe, expect, it } from 'vitest';
import { wordingPlaceholders } from './wording-placeholders';
import { run } from '../../test/narrative/context';

describe('wording.placeholder', () => {
  it('reports placeholders left from the template, one finding per page', () => {
    const f = run(wordingPlaceholders, ['上海市XX局2024年度收入支出总计XXX万元，增长XX%。']);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].refs.map((r) => r.text)).toEqual(['XX局', 'XXX万元', 'XX%']);
  });
  it('reports an unresolved 下降（增长） (real 决算) and instructions left in (seed 002)', () => {
    expect(run(wordingPlaceholders, ['2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降（增长）27.78%。'])[0].actual).toBe('下降（增长）');
    expect(run(wordingPlaceholders, ['注：1. 封面和目录的格式不得随意改变。'])).toHaveLength(1);
  });
  it('leaves ordinary text alone', () => {
    expect(run(wordingPlaceholders, ['我单位2022年收入合计6220.67万元，其中：一般公共预算收入6184.67万元（含上级补助）。', '单价50万元以上通用设备0台（套）。'])).toEqual([]);
  });
});
