/**
 * Bad input never throws: every registered rule runs over half-rebuilt tables (ragged rows, null
 * rows, a missing column, text with no numbers, no rows at all) and the report says which tables
 * could not be checked.
 */
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/layout/types';
import { checkLayout } from '../../src/rules/engine';
import { RULES } from '../../src/rules/registry';
import { contextOf, makeLayout, makeTable } from './helpers';
import { EXPENDITURE, FISCAL, SUMMARY } from './fixtures';

function ragged(t: Table): Table {
  return { ...t, rows: t.rows.map((r, i) => (i % 3 === 2 ? r.slice(0, 2) : r)) };
}

const BAD: [string, Table][] = [
  ['ragged rows', ragged(makeTable(EXPENDITURE, { title: '部门支出总表' }))],
  ['a null row', { ...makeTable(EXPENDITURE, { title: '部门支出总表' }), rows: [...makeTable(EXPENDITURE).rows.slice(0, 3), null as never, ...makeTable(EXPENDITURE).rows.slice(4)] }],
  ['a missing column', makeTable(EXPENDITURE.map((r) => r.slice(0, 4)), { title: '部门支出总表' })],
  ['text with no numbers', makeTable([['项目', '说明'], ['合计', '无'], ['一、说明', '本表无数据']], { title: '收支总表' })],
  ['no rows', { ...makeTable([['合计']], { title: '财政拨款收支总表' }), rows: [] }],
  ['header only', makeTable([SUMMARY[0], SUMMARY[1]], { title: '收支总表', headerRows: 2 })],
  ['garbage cells', makeTable([['科目编码', '合计'], ['2080505', 'abc'], ['', '（）'], ['合计', '1,2,3']], { title: '一般公共预算支出表' })],
  ['fiscal summary cut short', makeTable(FISCAL.slice(0, 5), { title: '财政拨款收入支出决算总表', headerRows: 2 })],
];

describe('bad input to the rules', () => {
  it.each(BAD)('%s: no rule throws', (_, table) => {
    const ctx = contextOf([table]);
    for (const rule of RULES) expect(() => rule.check(ctx), rule.id).not.toThrow();
  });

  it('the report lists the tables that could not be checked', () => {
    const res = checkLayout(makeLayout(BAD.map(([, t], i) => ({ ...t, id: `bad${i}` }))));
    const ids = res.unchecked.map((u) => u.tableId);
    expect(ids).toContain('bad3');
    expect(ids).toContain('bad4');
    for (const u of res.unchecked) {
      expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(u.reasonEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
