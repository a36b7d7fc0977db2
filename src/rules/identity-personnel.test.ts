import { describe, expect, it } from 'vitest';
import { identityPersonnel } from './identity-personnel';
import { contextOf, makeTable, withCell } from '../../test/rules/helpers';
import { BASIC } from '../../test/rules/fixtures';

const run = (grid: string[][]) => identityPersonnel.check(contextOf([makeTable(grid, { title: '一般公共预算基本支出表' })]));

const PANES = [
  ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
  ['301', '工资福利支出', '45.00', '302', '商品和服务支出', '10.00'],
  ['30101', '基本工资', '45.00', '30201', '办公费', '10.00'],
  ['303', '对个人和家庭的补助', '5.00', '310', '资本性支出', '2.00'],
  ['30302', '退休费', '5.00', '31002', '办公设备购置', '2.00'],
  ['人员经费合计', '<', '50.00', '公用经费合计', '<', '12.00'],
];

describe('identity.personnel-public', () => {
  it('passes when 人员经费 = 301 + 303 and 公用经费 = 302 + 310', () => {
    expect(run(BASIC)).toEqual([]);
    expect(run(PANES)).toEqual([]);
  });

  it('flags a 人员经费合计 row that is not 301 + 303 (公开06表 layout) as an error', () => {
    const found = run(withCell(PANES, 5, 2, '51.00'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', actual: '51.00', expected: '50.00' });
  });

  it('warns when the table’s own 人员经费 column includes other classes', () => {
    const g = withCell(withCell(withCell(BASIC, 1, 3, '54.00'), 1, 4, '6.00'), 6, 3, '4.00');
    const found = run(withCell(g, 6, 4, ''));
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });
});
