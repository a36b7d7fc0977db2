import { describe, expect, it } from 'vitest';
import { summaryIdentities } from './summary';
import { contextOf, statementsOf, makeTable, withCell } from '../../../../test/rules/helpers';
import { SUMMARY } from '../../../../test/rules/fixtures';

const run = (grid: string[][]) => statementsOf(summaryIdentities, contextOf([makeTable(grid, { title: '部门收支总表', headerRows: 2 })]));

describe('identity.summary', () => {
  it('passes when 总计 = 本年合计 + 结转 and 收入总计 = 支出总计', () => expect(run(SUMMARY)).toEqual([]));

  it('flags 收入总计 that is not 本年收入合计 + 上年结转结余', () => {
    const found = run(withCell(SUMMARY, 6, 1, '106.00'));
    expect(found.map((f) => f.rule).sort()).toEqual(['identity.balance', 'identity.grand-total']);
    expect(found.every((f) => f.refs.some((r) => r.text === '106.00'))).toBe(true);
  });

  it('flags unbalanced sides', () => {
    const g = withCell(withCell(SUMMARY, 6, 3, '104.00'), 5, 3, '4.00');
    const found = run(g);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'identity.balance', severity: 'error', difference: '-1.00' });
  });
});
