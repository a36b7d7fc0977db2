import { describe, expect, it } from 'vitest';
import { narrativeCounts } from './narrative-counts';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

const projects = tableOf('2022年项目支出预算表', '万元', [
  ['类型', '项目名称', '项目单位', '合计'],
  ['', '', '', '43.00'],
  ['其他运转类', '运转保障经费', '沁阳市医疗保障局', '40.00'],
  ['特定目标类', '打击欺诈骗保及投诉举报奖励专项经费', '沁阳市医疗保障局', '3.00'],
]);

describe('narrative.counts', () => {
  it('accepts a count that equals the listed projects (seed 000: 涉及项目15个)', () => {
    expect(run(narrativeCounts, ['其中：人员经费支出494.59万元；公用经费支出24万元；项目支出43万元，涉及项目2个。'], {}, [projects])).toEqual([]);
  });
  it('warns when the count differs', () => {
    const f = run(narrativeCounts, ['其中：项目支出43万元，涉及项目3个。'], {}, [projects]);
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('2');
  });
  it('counts projects that print their 项 code beside their name (the generator’s 项目支出表)', () => {
    const coded = tableOf('2023年项目支出表', '万元', [
      ['项目名称', '单位名称', '项目类型', '科目编码', '科目名称', '合计'],
      ['合计', '', '', '', '', '41.55'],
      ['机关业务工作经费', '河西区民政局', '其他运转类', '2080202', '一般行政管理事务', '10.40'],
      ['社会组织管理经费', '河西区民政局', '其他运转类', '2080202', '一般行政管理事务', '31.15'],
    ]);
    expect(run(narrativeCounts, ['2023年本部门纳入绩效目标管理的项目共2个，涉及项目支出41.55万元。'], {}, [coded])).toEqual([]);
    expect(run(narrativeCounts, ['2023年本部门纳入绩效目标管理的项目共4个，涉及项目支出41.55万元。'], {}, [coded])[0]?.expected).toBe('2');
  });
});
