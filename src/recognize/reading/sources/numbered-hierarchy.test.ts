import { describe, expect, it } from 'vitest';
import { numberedHierarchy } from './numbered-hierarchy';
import { contextOf, statementsOf, makeTable, withCell } from '../../../../test/rules/helpers';

const GRID = [
  ['项目', '预算数'],
  ['一、部门预算', '100.00'],
  ['1、财政拨款', '90.00'],
  ['(1)一般公共预算拨款', '90.00'],
  ['其中：专项资金', '20.00'],
  ['(2)政府性基金拨款', '0.00'],
  ['2、事业收入', '10.00'],
  ['本年收入合计', '100.00'],
];

const run = (grid: string[][]) => statementsOf(numberedHierarchy, contextOf([makeTable(grid)]));

describe('hierarchy.numbered', () => {
  it('passes when numbered items add up and 其中 fits', () => expect(run(GRID)).toEqual([]));

  it('flags a numbered parent that is not the sum of its children', () => {
    const found = run(withCell(GRID, 2, 1, '95.00'));
    expect(found.map((f) => f.actual)).toContain('95.00');
    expect(found.some((f) => f.severity === 'error')).toBe(true);
  });

  it('flags a 其中 row larger than its parent', () => {
    const found = run(withCell(GRID, 4, 1, '95.00'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'hierarchy.of-which', severity: 'error', actual: '95.00' });
    expect(found[0].refs[0].text).toBe('95.00');
  });
});
