import { describe, expect, it } from 'vitest';
import { consistencyDirection } from './consistency-direction';
import { run } from '../../test/narrative/context';
import { wordingPlaceholders } from './wording-placeholders';

const FINAL = { kind: 'final' as const, year: 2024 };

describe('consistency.direction', () => {
  it('accepts agreeing words (real 决算)', () => {
    expect(run(consistencyDirection, ['一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.46%。决算数小于预算数的主要原因：部分项目未开展完成。'], FINAL)).toEqual([]);
    expect(run(consistencyDirection, ['年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的100.00%。决算数同预算数持平。'], FINAL)).toEqual([]);
    expect(run(consistencyDirection, ['机关运行经费支出142.80万元，比2023年度减少13.52万元，下降8.65%。'], FINAL)).toEqual([]);
  });
  it('reads the paragraph’s subject pair, not its last item (三公 with items)', () => {
    const text = '“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：因公出国（境）费预算为0.00万元，决算为0.00万元；公务接待费预算为2.85万元，决算为0.39万元。决算数小于预算数的主要原因是厉行节约。';
    expect(run(consistencyDirection, [text], FINAL)).toEqual([]);
  });
  it('reports 大于 when the actual is below the budget', () => {
    const f = run(consistencyDirection, ['年初预算为 452.40 万元，支出决算为 446.11 万元，完成年初预算的 98.61%。决算数大于预算数的主要原因：缴费基数变更。'], FINAL);
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('决算数小于预算数');
  });
  it('reports 减少 … 增长', () => {
    const f = run(consistencyDirection, ['机关运行经费支出142.80万元，比2023年度减少13.52万元，增长8.65%。'], FINAL);
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('增长');
  });
  it('leaves a template alternative to wording.placeholder, which reports it once (answer key SFJU-01)', () => {
    const texts = ['财政拨款收入支出增加（减少）的主要原因是业务量增加。', '政府性基金收入预算0万元，与上年相比增加（减少）0万元，增长（减少）0%。'];
    expect(run(consistencyDirection, texts, FINAL)).toEqual([]);
    const f = run(wordingPlaceholders, texts, FINAL);
    expect(f).toHaveLength(1);
    expect(f[0].refs.map((r) => r.text)).toEqual(['增加（减少）', '增加（减少）', '增长（减少）']);
  });
});

describe('consistency.direction: 负增长 is a fall', () => {
  it('“上划中央收入完成37.78亿元,减少0.46亿元,负增长1.21%” agrees; “增加…负增长” does not', () => {
    expect(run(consistencyDirection, ['上划中央收入完成37.78亿元,减少0.46亿元,负增长1.21%。'])).toEqual([]);
    expect(run(consistencyDirection, ['上划中央收入完成37.78亿元,增加0.46亿元,负增长1.21%。'])).toHaveLength(1);
  });
});
