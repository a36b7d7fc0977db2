import { describe, expect, it } from 'vitest';
import { wordingCopiedReason } from './wording-copied-reason';
import { run } from '../../test/narrative/context';

const item = (n: number, section: string, name: string, amount: string, purpose: string, reason: string) =>
  `${n}. “城乡社区支出（类）${section}（款）${name}（项）”${amount}万元，主要用于${purpose}。2023年当年预算执行数为700.00万元，2024年预算安排${amount}万元，比2023年预算执行数减少10.00%。主要原因是：${reason}经费减少。`;

describe('wording.copied-reason', () => {
  it('reports a purpose and reason that name another item of the list (万里街道 2024, item 26)', () => {
    const f = run(wordingCopiedReason, [
      item(25, '城乡社区管理事务', '一般行政管理事务', '1759.10', '城乡社区管理事务一般行政管理事务', '城乡社区管理事务一般行政管理事务'),
      item(26, '城乡社区管理事务', '城管执法', '604.34', '城乡社区管理事务一般行政管理事务', '城乡社区管理事务一般行政管理事务'),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('城管执法');
    expect(f[0].actual).toBe('城乡社区管理事务一般行政管理事务');
    expect(f[0].message).toContain('用途和原因');
    expect(f[0].refs).toHaveLength(3);
    expect(f[0].suspects).toEqual([0, 1]);
  });

  it('accepts own names, a level above or below, names no item of the narrative has, and free text', () => {
    expect(run(wordingCopiedReason, [
      item(25, '城乡社区管理事务', '一般行政管理事务', '1759.10', '城乡社区管理事务一般行政管理事务', '一般行政管理事务'),
      item(26, '城乡社区管理事务', '城管执法', '604.34', '城管执法', '城乡社区管理事务城管执法'),
      item(27, '城乡社区管理事务', '其他城乡社区管理事务支出', '50.00', '城乡社区管理事务', '社区治理项目'),
      item(28, '城乡社区公共设施', '其他城乡社区公共设施支出', '50.00', '道路养护和绿化', '人员调整'),
    ])).toEqual([]);
  });
});
