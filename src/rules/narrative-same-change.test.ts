import { describe, expect, it } from 'vitest';
import { itemName, narrativeSameChange } from './narrative-same-change';
import { run } from '../../test/narrative/context';

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
