import { describe, expect, it } from 'vitest';
import { consistencyToc } from './consistency-toc';
import { contextOf, run } from '../../test/narrative/context';
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
  it('says nothing of a table printed empty: its header and 本表无数据 under the title (rules too faint to be read as a table)', () => {
    const lines = [...TOC, '2022年部门收入预算表', '单位：万元', '科目编码 科目名称 合计 基本支出 项目支出', '合计', '注：本部门2022年无此项收入，本表无数据。'];
    const ctx = contextOf(lines, { department: '沁阳市医疗保障局' }, [income, expenditure]);
    // one paragraph under the other, in reading order
    ctx.layout.paragraphs.forEach((p, i) => (p.bbox = [0, i * 20, 100, i * 20 + 10]));
    expect(consistencyToc.check(ctx)).toEqual([]);
    // without the header and the note, only the title stands where the table should be
    const bare = contextOf(lines.slice(0, -3), { department: '沁阳市医疗保障局' }, [income, expenditure]);
    bare.layout.paragraphs.forEach((p, i) => (p.bbox = [0, i * 20, 100, i * 20 + 10]));
    expect(consistencyToc.check(bare).map((f) => f.actual)).toEqual(['只有表名']);
  });
});

describe('consistency.toc: a 说明 published apart from its tables', () => {
  // the Jiangsu 2018–2019 说明 files: a 目录 of twelve tables, the body says “部门预算公开表附后”
  const JIANGSU = [
    '目录',
    '第一部分 江苏省委办公厅2019年度部门预算情况说明',
    '一、收支预算总表',
    '二、收入预算总表',
    '三、支出预算总表',
    '四、财政拨款收支预算总表',
    '五、财政拨款支出预算表',
    '六、一般公共预算“三公”经费、会议费、培训费支',
    '出预算表',
    '第一部分 江苏省委办公厅2019年度部门预算情况说明',
    '一、收支预算总表情况说明',
    '本表反映部门年度总体收支预算情况。',
    '二、收入预算总表情况说明',
  ];
  it('gives one info finding for the whole 目录, every missing table a ref', () => {
    const f = run(consistencyToc, JIANGSU, { department: '江苏省委办公厅' });
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    expect(f[0].refs).toHaveLength(6);
    // the entry wrapped over two lines is one entry, pointed at where it starts
    expect(f[0].refs[5].text).toBe('一般公共预算“三公”经费、会议费、培训费支');
  });
  it('reads a wrapped entry as one name, not “出预算表”', () => {
    const f = run(consistencyToc, JIANGSU, { department: '江苏省委办公厅' });
    expect(f[0].refs.map((r) => r.text)).not.toContain('出预算表');
    expect(f[0].actual).toBe('0');
  });
  it('still warns table by table when most listed tables are there', () => {
    const tables = [
      tableOf('收支预算总表', '万元', [['项目', '金额'], ['收入总计', '1.00']], 't1'),
      tableOf('收入预算总表', '万元', [['科目', '合计'], ['合计', '1.00']], 't2'),
      tableOf('支出预算总表', '万元', [['科目', '合计'], ['合计', '1.00']], 't3'),
      tableOf('财政拨款收支预算总表', '万元', [['项目', '金额'], ['收入总计', '1.00']], 't4'),
      tableOf('财政拨款支出预算表', '万元', [['科目', '合计'], ['合计', '1.00']], 't5'),
    ];
    const f = run(consistencyToc, JIANGSU, { department: '江苏省委办公厅' }, tables);
    expect(f.map((x) => [x.severity, x.expected])).toEqual([['warning', '一般公共预算“三公”经费、会议费、培训费支出预算表']]);
  });
});

describe('consistency.toc: where a listed table stands', () => {
  const TOC3 = ['目录', '一、收支总表', '二、收入总表', '三、支出总表'];
  it('finds a table titled inside its grid (Changchun 2026: “收支总表（预算表 1）” as the top header row)', () => {
    const grid = (title: string, id: string) => tableOf('', '万元', [[title, title], ['项目', '金额'], ['合计', '1.00']], id);
    const f = run(consistencyToc, TOC3, { department: '长春市信访局' }, [grid('收支总表（预算表 1）', 't1'), grid('收入总表(预算表 2)', 't2'), grid('支出总表（预算表 3）', 't3')]);
    expect(f).toEqual([]);
  });
  it('does not take a “…表情况说明” section heading for the table', () => {
    const f = run(consistencyToc, [...TOC3, '一、收支总表情况说明', '本表反映部门年度总体收支预算情况。'], { department: '长春市信访局' }, [
      tableOf('收入总表', '万元', [['科目', '合计'], ['合计', '1.00']], 't2'),
      tableOf('支出总表', '万元', [['科目', '合计'], ['合计', '1.00']], 't3'),
    ]);
    expect(f.map((x) => x.actual)).toEqual(['缺表']);
  });
});
