import { describe, expect, it } from 'vitest';
import { itemName, narrativeSameChange } from './narrative-same-change';
import { run } from '../../test/narrative/context';
import { partsContext } from '../../test/narrative/parts-context';

describe('narrative.same-change', () => {
  it('names without codes, numbering or 支出 match across the two classifications', () => {
    expect(itemName('对个人和家庭的补助支出（303）')).toBe(itemName('对个人和家庭的补助（509）'));
    expect(itemName('(3) 行政单位医疗(2101101)')).toBe('行政单位医疗');
  });

  it('reports one item whose two changes imply different last-year figures (seed 001: 303 vs 509)', () => {
    const f = run(narrativeSameChange, [
      '对个人和家庭的补助支出（303）789.92万元，较上年减少6580.08万元，原因是政策变更。',
      '对个人和家庭的补助（509）789.92万元，较上年减少6570.08万元，原因是政策变更。',
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].difference).toBe('10.00');
    expect(f[0].refs.map((r) => r.text)).toEqual(expect.arrayContaining(['6580.08万元', '6570.08万元']));
  });

  it('accepts the same change stated twice, and different items with different changes', () => {
    expect(run(narrativeSameChange, [
      '对个人和家庭的补助支出（303）789.92万元，较上年减少6580.08万元。',
      '对个人和家庭的补助（509）789.92万元，较上年减少6580.08万元。',
      '工资福利支出(301)205.53万元，较上年减少69.17万元。',
      '机关工资福利支出（501）129.39万元，较上年减少40.91万元。',
    ])).toEqual([]);
  });

  it('never throws on sentences without figures', () => {
    expect(run(narrativeSameChange, ['与上年持平。', '较上年减少。'])).toEqual([]);
  });
});

describe('narrative.same-change on the statement model', () => {
  it('the same 项 in the 部门 part and in a 单位 part may change differently (each part tells its own)', () => {
    const parts = [
      { heading: '上海市某某局2024年部门预算', texts: ['行政运行（2010101）500.00万元，比上年增加10.00万元。'] },
      { heading: '上海市某某中心2024年单位预算', texts: ['行政运行（2010101）500.00万元，比上年增加20.00万元。'] },
    ];
    expect(narrativeSameChange.check(partsContext(parts))).toEqual([]);
    // told twice in one part, the two changes disagree
    const one = partsContext([{ heading: '上海市某某局2024年部门预算', texts: [...parts[0].texts, ...parts[1].texts] }]);
    expect(narrativeSameChange.check(one).map((f) => f.severity)).toEqual(['warning']);
  });

  it('a change told against 上年预算 and one against 上年执行数 imply two different last-year figures, rightly', () => {
    expect(run(narrativeSameChange, ['行政运行（2010101）500.00万元，比上年预算增加10.00万元。', '行政运行（2010101）500.00万元，比上年执行数增加20.00万元。'], { year: 2024 })).toEqual([]);
    expect(run(narrativeSameChange, ['行政运行（2010101）500.00万元，比上年预算增加10.00万元。', '行政运行（2010101）500.00万元，比上年预算增加20.00万元。'], { year: 2024 })).toHaveLength(1);
  });
  it('小学 2025 预算 (set K): “一般公共预算拨款” in the 收入 list and “一般公共预算财政拨款收入” are one figure told twice', () => {
    const text = (delta: string) => [
      '(一)收入预算2025年年初预算数1282.73万元,其中:一般公共预算拨款1125.76万元,上年结转0.00万元。事业收入86.97万元,其他收入70.00万元。收入较2024增加39.39万元,主要是由于教师社保缴费基数的增加,一般公共预算拨款增加了32.42万元。',
      `2025年一般公共预算财政拨款收入1125.76万元,较2024年增加${delta} 万元。`,
    ];
    expect(run(narrativeSameChange, text('32.42'), { year: 2025 })).toEqual([]);
    expect(run(narrativeSameChange, text('34.42'), { year: 2025 }).map((f) => [f.severity, f.difference])).toEqual([['warning', '2.00']]);
    // the 支出 of the same fund and the same figure is another quantity: its change may differ
    expect(itemName('一般公共预算财政拨款支出')).not.toBe(itemName('一般公共预算财政拨款收入'));
  });
});
