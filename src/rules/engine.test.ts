import { describe, expect, it } from 'vitest';
import { checkLayout } from './engine';
import { RULES } from './registry';
import type { Rule } from './types';
import { makeLayout, makeTable, withCell } from '../../test/rules/helpers';
import { EXPENDITURE } from '../../test/rules/fixtures';

describe('runChecks', () => {
  it('gives a consistent table no findings and names its type', () => {
    const res = checkLayout(makeLayout([makeTable(EXPENDITURE, { id: 'a', title: '部门支出总表' })]));
    expect(res.findings).toEqual([]);
    expect(res.tableTypes.get('a')).toBe('ExpenditureSummary');
  });

  it('numbers findings f1…, and reports the shared wrong cell once with every identity it breaks', () => {
    // 2101101 changed: its row (合计 ≠ 基本 + 项目) and its 款 (21011 ≠ Σ项) both break.
    const res = checkLayout(makeLayout([makeTable(withCell(EXPENDITURE, 7, 3, '13.50'), { id: 'a' })]));
    const errors = res.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(res.findings.map((f) => f.id)).toEqual(res.findings.map((_, i) => `f${i + 1}`));
    expect(errors[0].refs[0]).toMatchObject({ row: 7, col: 3, text: '13.50' });
    expect(errors[0].suspects).toEqual([0]);
    expect(errors[0].message).toContain('2 个勾稽关系');
    expect(errors[0].family).toBeDefined();
  });

  it('survives a throwing rule and a table it cannot read, and says so', () => {
    const boom: Rule = { id: 'test.boom', family: 'sum', title: '', titleEn: '', check: () => { throw new Error('boom'); } };
    const broken = makeTable([['合计', '1.00'], ['x']], { id: 'b' });
    (broken.rows as unknown[])[1] = null;
    const res = checkLayout(makeLayout([makeTable(EXPENDITURE, { id: 'a' }), broken, makeTable([['说明'], ['本表无数据']], { id: 'c' })]), { rules: [...RULES, boom] });
    expect(res.unchecked.some((u) => /boom/.test(u.reason))).toBe(true);
    expect(res.unchecked.some((u) => u.tableId === 'c' && /金额列/.test(u.reason) && /amount/.test(u.reasonEn))).toBe(true);
  });
});

describe('finding refs', () => {
  it('anchor and suspects point at the same refs after the engine orders them', () => {
    const res = checkLayout(makeLayout([makeTable(withCell(EXPENDITURE, 7, 3, '13.50'), { id: 'a' })]));
    for (const f of res.findings) {
      expect(f.anchor).toBeLessThan(f.refs.length);
      for (const s of f.suspects) expect(f.refs[s]).toBeDefined();
    }
    const err = res.findings.find((f) => f.severity === 'error')!;
    expect(err.refs[err.suspects[0]]).toMatchObject({ row: 7, col: 3, text: '13.50' });
  });
});
