import { describe, expect, it } from 'vitest';
import { consistencyToc } from './consistency-toc';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

const TOC = ['目录', '第一部分 概况', '一、部门收支预算表', '二、部门收入预算表', '三、部门支出预算表', '第一部分 概况', '一、主要职能'];
const income = tableOf('2022年部门收支预算表', '万元', [['项目', '金额'], ['收入总计', '1.00']], 't1');
const expenditure = tableOf('2022年部门支出预算表', '万元', [['科目', '合计'], ['合计', '1.00']], 't2');
const revenue = tableOf('2022年部门收入预算表', '万元', [['科目', '合计'], ['合计', '1.00']], 't3');

describe('consistency.toc', () => {
  it('accepts a document with every listed table', () => {
    expect(run(consistencyToc, TOC, { department: '沁阳市医疗保障局' }, [income, expenditure, revenue])).toEqual([]);
  });
  it('reports a listed table that is missing (seed 000: 部门收入预算表)', () => {
    const f = run(consistencyToc, TOC, { department: '沁阳市医疗保障局' }, [income, expenditure]);
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('部门收入预算表');
    expect(f[0].severity).toBe('warning');
  });
  it('says when only the title is printed (seed 001: 表2 收入总表)', () => {
    const f = run(consistencyToc, [...TOC, '2022年部门收入预算表', '单位：万元'], { department: '沁阳市医疗保障局' }, [income, expenditure]);
    expect(f[0].actual).toBe('只有表名');
  });
});
