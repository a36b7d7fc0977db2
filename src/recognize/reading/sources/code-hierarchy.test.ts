import { describe, expect, it } from 'vitest';
import { codeHierarchy } from './code-hierarchy';
import { contextOf, statementsOf, makeTable, withCell } from '../../../../test/rules/helpers';
import { BASIC, EXPENDITURE } from '../../../../test/rules/fixtures';

const run = (grid: string[][]) => statementsOf(codeHierarchy, contextOf([makeTable(grid)]));

describe('hierarchy.codes', () => {
  it('passes when 类 = Σ款 and 款 = Σ项', () => expect(run(EXPENDITURE)).toEqual([]));

  it('flags a 款 that is not the sum of its 项', () => {
    const found = run(withCell(EXPENDITURE, 6, 3, '31.00'));
    // 21011 ≠ its items, and 210 ≠ its sections now that 21011 changed.
    expect(found.map((f) => f.rule)).toEqual(['hierarchy.function-code', 'hierarchy.function-code']);
    expect(found.every((f) => f.refs.some((r) => r.row === 6 && r.col === 3))).toBe(true);
  });

  it('says the items are the more likely wrong when the parent still adds up into the level above — yet lists and marks the finding at its total, blaming no one item', () => {
    const found = run(withCell(EXPENDITURE, 8, 2, '18.50'));
    expect(found).toHaveLength(1);
    expect(found[0].refs[0]).toMatchObject({ role: 'total', text: '30.00' });
    expect(found[0].refs.some((r) => r.text === '18.50')).toBe(true);
    expect(found[0].message).toContain('其上一级相加相符，差异更可能出在所属各数');
    expect(found[0].messageEn).toContain('the level above adds up, so the difference more likely lies in the items');
    // When the parent itself is off (as the total of its items and as an item of 210), its own finding says nothing of a side.
    const parent = run(withCell(EXPENDITURE, 6, 2, '31.00'));
    expect(parent).toHaveLength(2);
    expect(parent.map((f) => f.refs[0].text).sort()).toEqual(['31.00', '70.00']);
    expect(parent.every((f) => f.refs.some((r) => r.text === '31.00'))).toBe(true);
    expect(parent.find((f) => f.refs[0].text === '31.00')!.message).not.toContain('更可能');
    // (210 still adds up into 合计: of its own identity, its sections — 21011 among them — are the likelier wrong)
    expect(parent.find((f) => f.refs[0].text === '70.00')!.message).toContain('更可能出在所属各数');
  });

  it('in 公开06表 panes, a class that adds up into 人员经费合计 points at its items as the more likely wrong', () => {
    const grid = [
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '45.00', '302', '商品和服务支出', '10.00'],
      ['30101', '基本工资', '25.00', '30201', '办公费', '10.00'],
      ['30102', '津贴补贴', '21.00', '', '', ''],
      ['303', '对个人和家庭的补助', '5.00', '', '', ''],
      ['30302', '退休费', '5.00', '', '', ''],
      ['人员经费合计', '<', '50.00', '公用经费合计', '<', '10.00'],
    ];
    const found = run(grid);
    expect(found).toHaveLength(1);
    expect(found[0].refs[0]).toMatchObject({ role: 'total', text: '45.00' });
    expect(found[0].message).toContain('差异更可能出在所属各数');
    expect(found[0].refs.map((r) => r.text)).toContain('21.00');
  });

  it('checks economic classes: 301 = Σ301xx', () => {
    expect(run(BASIC)).toEqual([]);
    const found = run(withCell(BASIC, 3, 2, '52.00'));
    expect(found[0]).toMatchObject({ rule: 'hierarchy.economic-code', severity: 'error', actual: '45.00', expected: '72.00' });
    expect(found[0].refs.map((r) => r.text)).toContain('52.00');
  });

  it('a class printed twice heads only its own run of items (301 under 501, again under 505)', () => {
    const grid = [
      ['科目编码', '<', '部门经济分类科目名称', '科目编码', '<', '政府经济分类科目名称', '小计'],
      ['类', '款', '^', '类', '款', '^', '^'],
      ['', '', '合计', '', '', '', '12.00'],
      ['301', '', '工资福利支出', '501', '', '机关工资福利支出', '5.00'],
      ['301', '01', '基本工资', '501', '01', '工资奖金津补贴', '3.00'],
      ['301', '02', '津贴补贴', '501', '01', '工资奖金津补贴', '2.00'],
      ['301', '', '工资福利支出', '505', '', '对事业单位经常性补助', '7.00'],
      ['301', '01', '基本工资', '505', '01', '工资福利支出', '7.00'],
    ];
    const runH = (g: string[][]) => statementsOf(codeHierarchy, contextOf([makeTable(g, { headerRows: 2 })]));
    expect(runH(grid)).toEqual([]);
    const found = runH(withCell(grid, 7, 6, '6.00'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'hierarchy.economic-code', actual: '7.00', expected: '6.00' });
  });
});
