import { describe, expect, it } from 'vitest';
import { recognizeTable } from './tables';
import { tableTypeFromTitle } from './table-types';
import { joinCodeParts, parseNumbering, parseSubjectCode, functionClassByName } from './codes';
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
  it('joins split code parts of either kind, a 款 printed without its leading zero included', () => {
    expect(joinCodeParts('208', '05', '05')).toEqual({ kind: 'function', code: '2080505', level: 3 });
    expect(joinCodeParts('301', '2', '')).toEqual({ kind: 'economic', code: '30102', level: 2 });
    expect(joinCodeParts('301', '', '01')).toBeNull();
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

  it('two groups side by side (预算数 | 决算数 whose own header was lost): each 合计 sums its own run of columns', () => {
    const head = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'];
    const rows = [[...head, ...head], ['3.39', '0.00', '0.00', '3.39', '2.99', '0.00', '0.00', '2.99']];
    const rt = recognizeTable(makeTable(rows, { title: '“三公”经费支出决算表', headerRows: 1 }));
    expect(rt.aggregates).toEqual([{ total: 0, parts: [1, 2, 3] }, { total: 4, parts: [5, 6, 7] }]);
    // totals closing their groups: each sums the run before it
    const closing = [[...head.slice(1), '合计', ...head.slice(1), '合计'], ['0.00', '0.00', '3.39', '3.39', '0.00', '0.00', '2.99', '2.99']];
    expect(recognizeTable(makeTable(closing, { title: '“三公”经费支出决算表', headerRows: 1 })).aggregates).toEqual([{ total: 3, parts: [0, 1, 2] }, { total: 7, parts: [4, 5, 6] }]);
  });

  it('two parts whose paths end alike, one under a level the other lacks, state no identity (a wrapped 小计 / 购置费 read as one cell)', () => {
    // 预算数 reached only the 小计 column; 小计 and 公务用车购置 wrapped into one name for both columns.
    const rows = [
      ['', '', '预算数', '', '', ''],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', '<', '<', '公务接待费'],
      ['^', '^', '公务用车购置小计费', '公务用车购置小计费', '公务用车运行费', '^'],
      ['7.98', '2.54', '2.91', '2.91', '0.00', '2.53'],
    ];
    const rt = recognizeTable(makeTable(rows, { title: '“三公”经费支出决算表', headerRows: 3 }));
    expect(rt.columns[2].path).toEqual(['预算数', '公务用车购置及运行费', '公务用车购置小计费']);
    expect(rt.columns[3].path).toEqual(['公务用车购置及运行费', '公务用车购置小计费']);
    expect(rt.aggregates.filter((a) => a.total === 0)).toEqual([]);
  });

  it('whole 元 under a money header are amounts, however much they look like economic codes (39955)', () => {
    const rows = [
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '<', '<', '公务接待费'],
      ['^', '^', '^', '小计', '公务用车购置费', '公务用车运行维护费', '^'],
      ['2022年预算数', '51678', '', '39955', '', '39955', '11724'],
      ['2023年预算数', '45262', '', '32643', '', '32643', '12620'],
    ];
    const rt = recognizeTable(makeTable(rows, { title: '“三公”经费支出表', headerRows: 2, unit: '单位：元' }));
    expect(rt.columns.map((c) => c.role)).toEqual(['label', 'amount', 'amount', 'amount', 'amount', 'amount', 'amount']);
    expect(rt.aggregates).toContainEqual({ total: 1, parts: [2, 3, 6] });
  });

  it('two parts whose headers read alike (a header cell spread over two columns) are not both summed', () => {
    // the generated hrules-wrapped 决算 公开07表 as read: 小计 and 公务用车购置费 merged into one header cell
    const rows = [
      ['', '', '预算数', '<', '', '', '', '', '决算数', '', '', ''],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', '<', '<', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', '<', '<', '公务接待费'],
      ['^', '^', '公务用车购置小计费', '<', '公务用车运行费', '^', '^', '^', '公务用车购置小计费', '<', '公务用车运行费', '^'],
      ['55,000.00', '0.00', '18,214.00', '18,214.00', '0.00', '36,786.00', '28,897.00', '0.00', '0.00', '0.00', '0.00', '28,897.00'],
    ];
    const rt = recognizeTable(makeTable(rows, { title: '一般公共预算财政拨款“三公”经费支出决算表', headerRows: 3 }));
    for (const a of rt.aggregates) expect(a.parts.includes(2) && a.parts.includes(3)).toBe(false);
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

  it('joins a 类 column headed alone to the 款 | 项 columns a 科目编码 header spans (WPS split codes, 类 on every row)', () => {
    const t = makeTable(
      [
        ['', '科目编码', '<', '科目名称', '合计'],
        ['类', '款', '项', '^', '^'],
        ['', '', '', '合计', '30.00'],
        ['208', '', '', '社会保障和就业支出', '30.00'],
        ['208', '05', '', '行政事业单位养老支出', '30.00'],
        ['208', '05', '01', '行政单位离退休', '30.00'],
      ],
      { headerRows: 2 },
    );
    const codes = recognizeTable(t).panes[0].rows.map((r) => r.code?.code ?? null);
    expect(codes).toEqual([null, '208', '20805', '2080501']);
  });

  it('reads economic codes and 人员经费/公用经费 measures', () => {
    const rt = recognizeTable(makeTable(BASIC, { title: '一般公共预算基本支出表' }));
    expect(rt.columns.map((c) => c.measure)).toEqual([undefined, undefined, 'total', 'personnel', 'public']);
    expect(rt.panes[0].rows[1].code?.kind).toBe('economic');
  });

  it('reads a flat 基本支出小计 as 人员经费 + 公用经费, and 合计 as 小计 + 项目支出', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['科目编码', '科目名称', '本年支出', '<', '<', '<', '<'],
          ['^', '^', '合计', '基本支出小计', '人员经费', '公用经费', '项目支出'],
          ['', '合计', '100.00', '60.00', '50.00', '10.00', '40.00'],
          ['201', '一般公共服务支出', '100.00', '60.00', '50.00', '10.00', '40.00'],
        ],
        { headerRows: 2, title: '支出决算表' },
      ),
    );
    expect(rt.aggregates).toContainEqual({ total: 3, parts: [4, 5] });
    expect(rt.aggregates).toContainEqual({ total: 2, parts: [3, 6] });
  });

  it('takes the cut of a named subtotal the figures bear out when the names do not tell', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['项目', '总计', '财政拨款小计', '一般公共预算', '政府性基金', '事业收入'],
          ['合计', '90.00', '70.00', '60.00', '10.00', '20.00'],
          ['甲单位', '50.00', '40.00', '35.00', '5.00', '10.00'],
          ['乙单位', '40.00', '30.00', '25.00', '5.00', '10.00'],
        ],
        { title: '收入预算表' },
      ),
    );
    expect(rt.aggregates).toContainEqual({ total: 2, parts: [3, 4] });
    expect(rt.aggregates).toContainEqual({ total: 1, parts: [2, 5] });
  });

  it('skips a 栏次 row whose text columns carry marks (** 1 2 3 …)', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['单位名称', '总计', '本年收入', '<', '<'],
          ['^', '^', '小计', '一般公共预算', '其他收入'],
          ['**', '1', '2', '3', '4'],
          ['合计', '30.00', '30.00', '20.00', '10.00'],
          ['甲单位', '30.00', '30.00', '20.00', '10.00'],
        ],
        { headerRows: 2, title: '收入预算总表' },
      ),
    );
    expect(rt.headerRows).toBe(3);
    expect(rt.columns[3].path).toEqual(['本年收入', '一般公共预算']);
    expect(rt.panes[0].rows.map((r) => r.kind)).toEqual(['total', 'data']);
  });

  it('joins 3-digit / 2-digit code columns under one 科目编码 header, economic codes included', () => {
    const fn = recognizeTable(
      makeTable(
        [
          ['科目编码', '<', '<', '科目名称', '合计'],
          ['201', '', '', '一般公共服务支出', '3.00'],
          ['201', '06', '', '财政事务', '3.00'],
          ['', '', '01', '行政运行', '1.00'],
          ['201', '06', '02', '一般行政管理事务', '2.00'],
          ['201', '', '99', '其他财政事务支出', '0.00'],
        ],
        { headerRows: 1 },
      ),
    );
    expect(fn.columns.slice(0, 3).map((c) => c.codePart)).toEqual(['class', 'section', 'item']);
    expect(fn.panes[0].rows.map((r) => r.code?.code)).toEqual(['201', '20106', '2010601', '2010602', '2010699']);
    // 部门经济分类 类 | 款 beside 政府经济分类 类 | 款: the row's code is the first pair.
    const ec = recognizeTable(
      makeTable(
        [
          ['科目编码', '<', '部门经济分类科目名称', '科目编码', '<', '政府经济分类科目名称', '小计'],
          ['类', '款', '^', '类', '款', '^', '^'],
          ['301', '', '工资福利支出', '501', '', '机关工资福利支出', '5.00'],
          ['301', '01', '基本工资', '501', '01', '工资奖金津补贴', '5.00'],
        ],
        { headerRows: 2 },
      ),
    );
    expect(ec.panes[0].rows.map((r) => r.code)).toEqual([
      { kind: 'economic', code: '301', level: 1 },
      { kind: 'economic', code: '30101', level: 2 },
    ]);
  });

  it('gives the class rows of a list of function names without codes their class code', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['项目', '预算数'],
          ['一般公共服务支出', '0.64'],
          ['社会工作事务', '0.64'],
          ['其他社会工作事务支出', '0.64'],
          ['交通运输支出', '10.00'],
          ['公路水路运输', '10.00'],
          ['本年支出合计', '10.64'],
        ],
        { title: '支出预算表' },
      ),
    );
    expect(rt.panes[0].rows.map((r) => r.code?.code ?? null)).toEqual(['201', null, null, '214', null, null]);
  });

  it('reads bracketed codes and bare codes in a label column', () => {
    const rt = recognizeTable(
      makeTable([
        ['功能科目名称', '小计'],
        ['合计', '7.00'],
        ['[212]城乡社区支出', '7.00'],
        ['[21201]城乡社区管理事务', '7.00'],
      ]),
    );
    expect(rt.panes[0].rows.map((r) => [r.code?.code ?? null, r.label])).toEqual([
      [null, '合计'],
      ['212', '城乡社区支出'],
      ['21201', '城乡社区管理事务'],
    ]);
    const bare = recognizeTable(
      makeTable([
        ['', '科目名称', '小计'],
        ['', '合计', '7.00'],
        ['212', '城乡社区支出', '7.00'],
        ['21298', '超长期特别国债安排的支出', '7.00'],
      ]),
    );
    expect(bare.panes[0].rows.map((r) => r.code?.code ?? null)).toEqual([null, '212', '21298']);
  });

  it('reads a total printed once over two expenditure sides as the second side’s total', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['收入', '<', '支出', '<', '<', '<'],
          ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'],
          ['一、财政拨款', '30.00', '一、一般公共服务支出', '20.00', '一、基本支出', '10.00'],
          ['二、其他资金', '', '二、住房保障支出', '10.00', '二、项目支出', '20.00'],
          ['收入合计', '30.00', '支出合计', '<', '<', '30.00'],
        ],
        { headerRows: 2, title: '收支预算总表' },
      ),
    );
    expect(rt.panes).toHaveLength(3);
    expect(rt.panes[1].rows[2]).toMatchObject({ kind: 'blank' });
    expect(rt.panes[2].rows[2]).toMatchObject({ kind: 'total', label: '支出合计' });
  });

  it('reads a 合计 whose figures stand on the line below its label at that line', () => {
    const rt = recognizeTable(
      makeTable(
        [
          ['科目编码', '科目名称', '合计'],
          ['', '合计', ''],
          ['', '', '3.00'],
          ['201', '一般公共服务支出', '3.00'],
        ],
        { headerRows: 1 },
      ),
    );
    expect(rt.panes[0].rows.map((r) => [r.row, r.kind, r.label])).toEqual([
      [2, 'total', '合计'],
      [3, 'data', '一般公共服务支出'],
    ]);
  });

  it('never throws on a half-rebuilt table', () => {
    const t = makeTable([['合计'], ['x', '1.00', '2.00'], []]);
    expect(() => recognizeTable(t)).not.toThrow();
    expect(() => recognizeTable({ ...t, rows: [] })).not.toThrow();
  });
});
