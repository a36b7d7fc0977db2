import { describe, expect, it } from 'vitest';
import { consistencyReasonDirection } from './consistency-reason-direction';
import { run } from '../../test/narrative/context';

const item = (name: string, budget: string, lastYear: string, word: string, rate: string, reason: string) =>
  `4. “一般公共服务支出（类）宣传事务（款）${name}（项）”${budget}万元，主要用于宣传事务${name}。2023年当年预算执行数为${lastYear}万元，2024年预算安排${budget}万元，比2023年预算执行数${word}${rate}%。主要原因是：${reason}。`;

describe('consistency.reason-direction', () => {
  it('reports a reason naming the item itself that goes against its figures (万里街道 2024, item 4)', () => {
    const f = run(consistencyReasonDirection, [item('一般行政管理事务', '110.60', '114.00', '减少', '2.98', '宣传事务一般行政管理事务经费增加')]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain('110.60万元比 114.00万元减少');
    expect(f[0].refs[0].text).toBe('宣传事务一般行政管理事务经费增加');
    expect(f[0].suspects).toEqual([]);
  });

  it('accepts a reason that agrees, one about something else, and a free-text reason', () => {
    expect(run(consistencyReasonDirection, [
      item('一般行政管理事务', '88.87', '60.79', '增加', '46.19', '宣传事务一般行政管理事务经费增加'),
      item('一般行政管理事务', '110.60', '114.00', '减少', '2.98', '人员经费增加'),
      item('一般行政管理事务', '110.60', '114.00', '减少', '2.98', '项目调整，部分经费压减后增加了宣传活动'),
      item('一般行政管理事务', '11.00', '11.00', '持平', '0.00', '宣传事务一般行政管理事务经费增加'),
    ])).toEqual([]);
  });

  it('leaves a change word that contradicts its own figures to the arithmetic rules', () => {
    // 110.60 < 114.00 but the text says 增加: narrative.growth's finding, not this one's
    expect(run(consistencyReasonDirection, [item('一般行政管理事务', '110.60', '114.00', '增加', '2.98', '宣传事务一般行政管理事务经费减少')])).toEqual([]);
  });
});
