import { describe, expect, it } from 'vitest';
import { recognizeTable } from './tables';
import { tableTypeFromTitle } from './table-types';
import { parseNumbering, parseSubjectCode, functionClassByName } from './codes';
import { makeTable } from '../../test/rules/helpers';
import { BASIC, EXPENDITURE, SUMMARY, THREE_PUBLIC } from '../../test/rules/fixtures';

describe('table types from titles', () => {
  it.each([
    ['公开01表 收入支出决算总表', 'IncomeExpenditureSummary'],
    ['2022年部门收支预算表', 'IncomeExpenditureSummary'],
    ['部门预算收入总表', 'IncomeSummary'],
    ['公开03表 支出决算表', 'ExpenditureSummary'],
    ['财政拨款收入支出决算总表', 'FiscalAppropriationSummary'],
    ['表5 2022年部门综合预算一般公共预算支出明细表（按支出功能分类科目）', 'GeneralBudgetExpenditure'],
    ['一般公共预算财政拨款基本支出决算表', 'GeneralBudgetBasicExpenditure'],
    ['财政拨款“三公”经费支出决算表', 'ThreePublicExpenses'],
    ['预算11表 2022年政府性基金支出预算表', 'GovernmentFundExpenditure'],
    ['国有资本经营预算财政拨款支出决算表', 'StateCapitalExpenditure'],
    ['2022年项目支出预算表', 'ProjectExpenditure'],
    ['2022年行政(事业)单位机构运行经费', 'OperatingCost'],
    ['部门政府采购预算', 'GovernmentProcurement'],
    ['项目支出绩效自评表', 'PerformanceTarget'],
    ['公开08表', 'GovernmentFundExpenditure'],
    ['部门预算政府基金预算财政拨款支出表', 'GovernmentFundExpenditure'],
  ])('%s → %s', (title, type) => expect(tableTypeFromTitle(title)).toBe(type));
  it('returns null for other tables', () => expect(tableTypeFromTitle('部门固定资产占用情况表')).toBeNull());
  it('reads the last clause of a caption that carries the sentence before it', () =>
    expect(tableTypeFromTitle('本部门当年一般公共预算培训费预算支出1.20万元，与上年持平。会议费培训费明细')).toBeNull());
});

describe('codes and numbering', () => {
  it('reads function and economic codes', () => {
    expect(parseSubjectCode('2080505')).toEqual({ kind: 'function', code: '2080505', level: 3 });
    expect(parseSubjectCode('30101')).toEqual({ kind: 'economic', code: '30101', level: 2 });
    expect(parseSubjectCode('707')).toBeNull();
    expect(parseSubjectCode('12.50')).toBeNull();
  });
  it('reads numbering levels', () => {
    expect(parseNumbering('一、一般公共服务')?.level).toBe(1);
    expect(parseNumbering('（一）机构设置')?.level).toBe(2);
    expect(parseNumbering('1、财政拨款')?.level).toBe(3);
    expect(parseNumbering('(1)一般公共预算拨款')?.level).toBe(4);
    expect(parseNumbering('12.50')).toBeNull();
  });
  it('maps class names to codes', () => {
    expect(functionClassByName('十、卫生健康支出')).toBe('210');
    expect(functionClassByName('十二、城乡社区事务')).toBe('212');
    expect(functionClassByName('本年支出合计')).toBeNull();
  });
});

describe('recognizeTable', () => {
  it('finds code, label and amount columns, totals and the 合计 aggregate', () => {
    const rt = recognizeTable(makeTable(EXPENDITURE, { title: '部门支出总表' }));
    expect(rt.type).toBe('ExpenditureSummary');
    expect(rt.unit).toBe('万元');
    expect(rt.columns.map((c) => c.role)).toEqual(['code', 'label', 'amount', 'amount', 'amount']);
    expect(rt.columns.map((c) => c.measure)).toEqual([undefined, undefined, 'total', 'basic', 'project']);
    expect(rt.panes).toHaveLength(1);
    expect(rt.panes[0].rows[0].kind).toBe('total');
    expect(rt.panes[0].rows[2].code).toEqual({ kind: 'function', code: '20805', level: 2 });
    expect(rt.aggregates).toEqual([{ total: 2, parts: [3, 4] }]);
  });

  it('splits a two-sided summary into panes with their sides', () => {
    const rt = recognizeTable(makeTable(SUMMARY, { title: '收支总表', headerRows: 2 }));
    expect(rt.panes.map((p) => p.side)).toEqual(['income', 'expenditure']);
    expect(rt.panes[0].rows.map((r) => r.kind)).toEqual(['data', 'data', 'total', 'data', 'total']);
  });

  it('derives aggregates from multi-level header paths', () => {
    const rt = recognizeTable(makeTable(THREE_PUBLIC, { title: '“三公”经费预算表', headerRows: 2 }));
    expect(rt.columns[2].path).toEqual(['公务用车购置及运行费', '小计']);
    expect(rt.aggregates).toContainEqual({ total: 0, parts: [1, 2, 5] });
    expect(rt.aggregates).toContainEqual({ total: 2, parts: [3, 4] });
  });

  it('carries the class down over split 类/款/项 columns', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['科目编码', '<', '<', '科目名称', '合计'],
          ['类', '款', '项', '^', '^'],
          ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '1.00'],
          ['', '', '99', '其他行政事业单位养老支出', '2.00'],
        ],
        { headerRows: 2 },
      ),
    );
    expect(rt.panes[0].rows.map((r) => r.code?.code)).toEqual(['2080505', '2080599']);
  });

  it('reads economic codes and 人员经费/公用经费 measures', () => {
    const rt = recognizeTable(makeTable(BASIC, { title: '一般公共预算基本支出表' }));
    expect(rt.columns.map((c) => c.measure)).toEqual([undefined, undefined, 'total', 'personnel', 'public']);
    expect(rt.panes[0].rows[1].code?.kind).toBe('economic');
  });

  it('never throws on a half-rebuilt table', () => {
    const t = makeTable([['合计'], ['x', '1.00', '2.00'], []]);
    expect(() => recognizeTable(t)).not.toThrow();
    expect(() => recognizeTable({ ...t, rows: [] })).not.toThrow();
  });
});
