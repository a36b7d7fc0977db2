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

describe('narrative.counts abstains where rows are not the projects counted', () => {
  const table = tableOf('项目支出预算情况表', '万元', [
    ['项目名称', '项目类别', '合计'],
    ['合计', '', '445.00'],
    ['公车统管费用', '其他运转类', '30.00'],
    ['财政工作专项经费', '其他运转类', '315.00'],
    ['公车统管费用', '其他运转类', '0.50'],
    ['会计工作经费', '其他运转类', '99.50'],
  ]);
  it('a name printed on two rows (烟台 2026: 12 rows, 7 names)', () => {
    expect(run(narrativeCounts, ['2026年全面实施绩效目标管理，涉及项目6个，预算资金445.00万元。'], {}, [table])).toEqual([]);
  });
  it('a count of 一级项目 (the rows may be 二级 ones)', () => {
    expect(run(narrativeCounts, ['2026年全面实施绩效目标管理，涉及一级预算项目1个，预算资金43.00万元。'], {}, [projects])).toEqual([]);
    expect(run(narrativeCounts, ['2026年全面实施绩效目标管理，涉及项目3个，预算资金43.00万元。'], {}, [projects])).toHaveLength(1);
  });
});
