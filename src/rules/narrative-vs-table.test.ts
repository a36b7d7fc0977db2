import { describe, expect, it } from 'vitest';
import { narrativeVsTable } from './narrative-vs-table';
import { run } from '../../test/narrative/context';
import { paragraph, tableOf } from '../../test/narrative/seed-text';
import type { Paragraph, Table } from '../layout/types';
import { readNarrative } from '../recognize/narrative';
import { recognizeTables } from '../recognize/tables';

const expenditure = (basic: string) =>
  tableOf(
    '支出决算表',
    '万元',
    [
      ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['', '合计', '1833.40', basic, '15.84'],
      ['208', '社会保障和就业支出', '121.85', '121.85', '0.00'],
      ['210', '卫生健康支出', '1711.55', '1695.71', '15.84'],
    ],
    't3',
  );

const basicTable = tableOf(
  '一般公共预算财政拨款基本支出决算表',
  '元',
  [
    ['科目编码', '科目名称', '决算数'],
    ['301', '工资福利支出', '4231000.00'],
    ['', '人员经费合计', '16656300.00'],
    ['', '公用经费合计', '1519300.00'],
  ],
  't6',
);

const FINAL = { kind: 'final' as const, year: 2020 };

describe('narrative.table', () => {
  it('accepts narrative amounts equal to the tables, with 元 → 万元 conversion', () => {
    expect(run(narrativeVsTable, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1817.57 万元，占 99.14%；项目支出 15.84 万元，占 0.86%。'], FINAL, [expenditure('1817.57')])).toEqual([]);
    expect(run(narrativeVsTable, ['2020 年度一般公共预算财政拨款基本支出 1817.56 万元。其中：人员经费 1665.63 万元；公用经费 151.93 万元。'], FINAL, [basicTable])).toEqual([]);
    expect(run(narrativeVsTable, ['主要用于以下方面：社会保障和就业支出（类）支出 121.85 万元，占 6.65%；卫生健康支出（类）支出 1711.55 万元，占 93.35%。'], FINAL, [expenditure('1817.57')])).toEqual([]);
  });

  it('reports an amount that differs from the table (error), narrative number first', () => {
    const f = run(narrativeVsTable, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1871.57 万元，占 99.14%；项目支出 15.84 万元。'], FINAL, [expenditure('1817.57')]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].refs[0].role).toBe('text');
    expect(f[0].refs[0].text).toBe('1871.57 万元');
    expect(f[0].refs[1].tableId).toBe('t3');
    expect(f[0].difference).toBe('54');
  });

  it('calls a difference of one in the last place 尾差 (seed 004: 1817.56 vs 1817.57)', () => {
    const f = run(narrativeVsTable, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1817.56 万元。'], FINAL, [expenditure('1817.57')]);
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });

  it('compares 人员经费 with the 基本支出 table (real 决算: 4896.98 vs 4884.09)', () => {
    const t = tableOf('一般公共预算财政拨款基本支出决算表', '万元', [
      ['科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '4816.14'],
      ['', '人员经费合计', '4884.09'],
      ['', '公用经费合计', '480.66'],
    ]);
    const f = run(narrativeVsTable, ['一般公共预算财政拨款基本支出5377.64万元。其中：人员经费4896.98万元，主要包括：基本工资、绩效工资；公用经费480.66万元。'], { kind: 'final', year: 2024 }, [t]);
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('4896.98');
    expect(f[0].expected).toBe('4884.09');
  });

  it('the pay of one kind of staff (临聘人员经费, a project) is not the 人员经费 of 基本支出 (长春信访局 2026: 15.56 vs 997.20)', () => {
    const t = tableOf('本年一般公共预算基本支出表', '万元', [
      ['科目编码', '科目名称', '人员经费'],
      ['301', '工资福利支出', '911.21'],
      ['', '合计', '997.20'],
    ]);
    expect(run(narrativeVsTable, ['2026年长春市信访局项目支出预算474.56万元，2026信访接待中心运行费116万元，信访局临聘人员经费15.56万元。'], { kind: 'budget', year: 2026 }, [t])).toEqual([]);
    expect(run(narrativeVsTable, ['2026年基本支出预算1208.20万元，其中人员经费996.20万元。'], { kind: 'budget', year: 2026 }, [t])).toHaveLength(1);
  });

  it('links a 款 named on its own, as a warning, against the 项目支出 column (seed 003)', () => {
    const t = tableOf('部门预算支出总表', '元', [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '90816893.00', '3271893.00', '87545000.00'],
      ['21013', '医疗救助', '15380000.00', '', '15380000.00'],
      ['21015', '医疗保障管理事务', '6601893.00', '3271893.00', '3330000.00'],
    ]);
    const f = run(narrativeVsTable, ['项目支出8754.5万元，主要为城乡医疗救助支出1538万元，医疗保障管理事务32万元。'], { kind: 'budget', year: 2021 }, [t]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].expected).toBe('333');
  });

  it('skips budget figures of a 决算 (年初预算) and performance paragraphs', () => {
    expect(run(narrativeVsTable, ['2020 年度基本支出年初预算为 2000.00 万元，支出决算为 1817.57 万元。'], FINAL, [expenditure('1817.57')])).toEqual([]);
    expect(run(narrativeVsTable, ['2020年，我部门纳入预算绩效管理的支出总额为 23174.70 万元，其中基本支出 504.93 万元。'], FINAL, [expenditure('1817.57')])).toEqual([]);
  });

  describe('a 类（）款（）项（） path meets its most specific level; last year’s 执行数 meets nothing', () => {
    // a 部门支出预算总表 whose 项 names the 科目 list here does not hold (专项普查活动 2010507)
    const byFunction = tableOf(
      '2024年部门支出预算总表',
      '元',
      [
        ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', '3190400', '0', '3190400'],
        ['201', '一般公共服务支出', '2932700', '0', '2932700'],
        ['20105', '统计信息事务', '257700', '0', '257700'],
        ['2010507', '专项普查活动', '257700', '0', '257700'],
        ['20129', '群众团体事务', '426000', '0', '426000'],
        ['2012902', '一般行政管理事务', '426000', '0', '426000'],
        ['221', '住房保障支出', '257700', '0', '257700'],
      ],
      't2',
    );
    const B24 = { kind: 'budget' as const, year: 2024 };
    const para = (head: string, last: string, now: string, rate: string) =>
      `1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”${head}万元，主要用于专项普查活动。2023年当年预算执行数为${last}万元，2024年预算安排${now}万元，比2023年预算执行数减少${rate}%。主要原因是：项目调整。`;
    it('compares the 项 figures with that 项’s row only (万里街道 wording), with and without quotes', () => {
      expect(run(narrativeVsTable, [para('25.77', '60.13', '25.77', '57.14')], B24, [byFunction])).toEqual([]);
      expect(run(narrativeVsTable, [para('25.77', '60.13', '25.77', '57.14').replace(/[“”]/g, '')], B24, [byFunction])).toEqual([]);
      // the same 项 name under another 款 is another row
      expect(run(narrativeVsTable, ['2. “一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”42.60万元。2023年当年预算执行数为45.41万元，2024年预算安排42.60万元。'], B24, [byFunction])).toEqual([]);
    });
    it('reports this year’s figure that differs from the 项’s row, never the 执行数', () => {
      const f = run(narrativeVsTable, [para('25.77', '60.13', '26.77', '57.14')], B24, [byFunction]);
      expect(f).toHaveLength(1);
      expect(f[0].refs[0].text).toBe('26.77万元');
      expect(f[0].message).toContain('257700');
    });
    it('abstains when the path names a 项 the tables do not print under that 款', () => {
      expect(run(narrativeVsTable, ['“一般公共服务支出（类）统计信息事务（款）其他统计信息事务支出（项）”99.00万元。'], B24, [byFunction])).toEqual([]);
    });
  });

  it('compares 财政拨款收入 with the 财政拨款 aggregate or the sum of its parts, never with 一般公共预算 alone', () => {
    const summary = tableOf(
      '收支预算总表',
      '万元',
      [
        ['收入', '', '支出', ''],
        ['项目', '预算数', '项目', '预算数'],
        ['一般公共预算财政拨款收入', '1928.08', '一般公共服务支出', '2091.82'],
        ['政府性基金预算财政拨款收入', '163.74', '', ''],
        ['国有资本经营预算财政拨款收入', '0.00', '', ''],
        ['收入总计', '2091.82', '支出总计', '2091.82'],
      ],
      't1',
    );
    expect(run(narrativeVsTable, ['2024年收入预算2091.82万元，其中：财政拨款收入2091.82万元。'], { kind: 'budget', year: 2024 }, [summary])).toEqual([]);
  });


  it('reads a 收支总表 row’s figure on its own side: a blank income line meets no figure the expenditure side prints on the same line (江苏人大办公厅 2018: 政府性基金预算 blank | 单位预留机动经费 1685.72)', () => {
    const rows = (fund: string) => [
      ['收入', '', '支出', '', '', ''],
      ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'],
      ['一、财政拨款', '15897.44', '一、一般公共服务支出', '12706.28', '一、基本支出', '7877.76'],
      ['1. 一般公共预算', '15897.44', '二、外交支出', '', '二、项目支出', '6333.96'],
      ['2. 政府性基金预算', fund, '三、国防支出', '', '三、单位预留机动经费', '1685.72'],
      ['收入合计', '15897.44', '支出合计', '', '', '15897.44'],
    ];
    const B18 = { kind: 'budget' as const, year: 2018 };
    const text = ['政府性基金收入预算0万元，与上年相比增加0万元。', '本年支出预算合计15897.44万元。'];
    expect(run(narrativeVsTable, text, B18, [tableOf('收支预算总表', '万元', rows(''), 't1')])).toEqual([]);
    // a figure on its own side is still compared (and a merged total row's figure still found right of its label)
    const f = run(narrativeVsTable, text, B18, [tableOf('收支预算总表', '万元', rows('10.00'), 't1')]);
    expect(f.map((x) => `${x.actual} ${x.expected}`)).toEqual(['0 10']);
  });
  it('meets 财政拨款支出 with the 财政拨款收支总表’s year total, also when its only listed part is 一般公共预算支出', () => {
    const fiscal = tableOf(
      '2024年财政拨款收支总表',
      '万元',
      [
        ['收入', '', '支出', '', '', ''],
        ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算'],
        ['一、一般公共预算拨款收入', '549.31', '一、社会保障和就业支出', '100.00', '100.00', '0.00'],
        ['二、政府性基金预算拨款收入', '0.00', '二、卫生健康支出', '449.31', '449.31', '0.00'],
        ['本年收入合计', '549.31', '本年支出合计', '549.31', '549.31', '0.00'],
        ['收入总计', '549.31', '支出总计', '549.31', '549.31', '0.00'],
      ],
      't4',
    );
    const BUDGET = { kind: 'budget' as const, year: 2024 };
    const say = (total: string) => `财政拨款支出预算${total}万，其中：一般公共预算支出549.31万。`;
    expect(run(narrativeVsTable, [say('549.31')], BUDGET, [fiscal])).toEqual([]);
    // the sole part agrees with the table; the total does not (594.31 vs 549.31)
    const f = run(narrativeVsTable, [say('594.31')], BUDGET, [fiscal]);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].refs[0].text).toContain('594.31');
    expect(f[0].refs.some((r) => r.text === '549.31')).toBe(true);
    // one fund's figure is not 财政拨款 as a whole: 政府性基金预算财政拨款支出 meets that fund's column
    // of the year total (0.00 here), never the 合计 — and a figure against 0 is no 元/万元 slip
    const fund = run(narrativeVsTable, ['政府性基金预算财政拨款支出12.00万元。'], BUDGET, [fiscal]);
    expect(fund.map((x) => [x.actual, Number(x.expected)])).toEqual([['12.00', 0]]);
    expect(fund[0].message).not.toContain('一万倍');
  });

  it('a 三公 table with two 合计 columns whose 预算数 | 决算数 header was lost meets no statement (which one is meant is not certain)', () => {
    const head = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'];
    const t = tableOf('一般公共预算财政拨款“三公”经费支出决算表', '万元', [head.concat(head), ['3.39', '0.00', '0.00', '3.39', '2.99', '0.00', '0.00', '2.99']]);
    const text = ['2023年度“三公”经费财政拨款支出预算为3.39万元，支出决算为2.99万元，完成预算的88.20%。'];
    expect(run(narrativeVsTable, text, { kind: 'final', year: 2023 }, [t]).filter((f) => f.severity !== 'info')).toEqual([]);
    // with its halves named, the 决算数 合计 is the one the 支出决算 meets
    const named = tableOf('一般公共预算财政拨款“三公”经费支出决算表', '万元', [['预算数', '<', '<', '<', '决算数', '<', '<', '<'], head.concat(head), ['3.39', '0.00', '0.00', '3.39', '2.90', '0.00', '0.00', '2.90']]);
    expect(run(narrativeVsTable, text, { kind: 'final', year: 2023 }, [named]).map((f) => Number(f.expected))).toContain(2.9);
  });

  it('“2022年支出预算X” is the 支出合计 (wording sweep, phrasing 2)', () => {
    const summary = tableOf('2022年部门支出总表', '万元', [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '1739.25', '531.27', '1207.98'],
      ['208', '社会保障和就业支出', '1739.25', '531.27', '1207.98'],
    ]);
    const say = (total: string) => [`2022年支出预算${total}万，其中安排531.27万用于基本支出，占30.55%；安排1207.98万用于项目支出，占69.45%。`];
    expect(run(narrativeVsTable, say('1739.25'), {}, [summary])).toEqual([]);
    expect(run(narrativeVsTable, say('1739.52'), {}, [summary]).map((x) => [x.severity, x.actual])).toEqual([['error', '1739.52']]);
    // a 支出预算 of something named is not the whole, nor a 项's bare “支出决算为X” (普陀区 决算)
    expect(run(narrativeVsTable, ['2022年培训费支出预算1739.52万元。'], {}, [summary])).toEqual([]);
    expect(run(narrativeVsTable, ['年初预算为54.53万元，支出决算为54.53万元，完成年初预算的100.00%。'], { kind: 'final' }, [summary])).toEqual([]);
  });

  it('a 预算’s change of a “三公” item meets last year’s row of the “三公” table (a figure now 0: the rate is 100% whatever the amount)', () => {
    const three = tableOf('2022年一般公共预算“三公”经费支出表', '万元', [
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'],
      ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
      ['2021年预算数', '20.63', '0.00', '18.78', '0.00', '18.78', '1.85'],
      ['2022年预算数', '1.62', '0.00', '0.00', '0.00', '0.00', '1.62'],
    ]);
    const say = (delta: string) => [`公务用车购置及运行费0.00万元，比上年减少${delta}万元，下降100.00%；公务接待费1.62万元，比上年减少0.23万元，下降12.43%。`];
    expect(run(narrativeVsTable, say('18.78'), {}, [three])).toEqual([]);
    const f = run(narrativeVsTable, say('81.78'), {}, [three]);
    expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['warning', '81.78', '18.78']]);
    // a 决算 (its table has no 上年 row of the same kind) is not read this way
    expect(run(narrativeVsTable, say('81.78'), { kind: 'final' }, [three])).toEqual([]);
  });

  describe('the 财政拨款 paragraph (wording sweep: no table link before)', () => {
    // the generator's 财政拨款收支总表 (预算): 本年收入 and 上年结转 by fund, 本年支出 by fund
    const fiscal = tableOf(
      '2023年财政拨款收支总表',
      '万元',
      [
        ['收入', '', '支出', '', '', '', ''],
        ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        ['一、本年收入', '759.50', '一、本年支出', '1034.07', '982.22', '51.85', ''],
        ['（一）一般公共预算拨款', '707.65', '（一）社会保障和就业支出', '1034.07', '982.22', '51.85', ''],
        ['（二）政府性基金预算拨款', '51.85', '', '', '', '', ''],
        ['二、上年结转', '274.57', '二、结转下年', '0.00', '0.00', '0.00', ''],
        ['收入总计', '1034.07', '支出总计', '1034.07', '982.22', '51.85', '0.00'],
      ],
      't4',
    );
    const fund = tableOf(
      '2023年政府性基金预算支出表',
      '万元',
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', '51.85', '0.00', '51.85'],
        ['208', '社会保障和就业支出', '51.85', '0.00', '51.85'],
      ],
      't8',
    );
    const say = (carry: string, spent: string, fundSpent: string, bracket = false) => [
      `2023年财政拨款收支总预算1034.07万元。收入包括：一般公共预算当年拨款收入707.65万元，政府性基金预算当年拨款收入51.85万元，上年结转${carry}万元；支出包括：一般公共预算支出982.22万元，政府性基金预算支出${fundSpent}万元。`,
      bracket ? `财政拨款支出预算${spent}万元，其中：一般公共预算支出982.22万元、政府性基金预算支出51.85万元。` : `2023年政府性基金预算支出${fundSpent}万元，全部为项目支出。`,
    ];
    it('上年结转 of a 财政拨款 list is the 财政拨款收支总表’s 上年结转', () => {
      expect(run(narrativeVsTable, say('274.57', '1034.07', '51.85'), {}, [fiscal, fund])).toEqual([]);
      const f = run(narrativeVsTable, say('247.57', '1034.07', '51.85'), {}, [fiscal, fund]);
      expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['warning', '247.57', '274.57']]);
      // an all-funds 上年结转 (部门 收入) may count other money: not compared
      expect(run(narrativeVsTable, ['2023年收入预算总计1323.28万元，其中：一般公共预算拨款收入707.65万元，上年结转247.57万元。'], {}, [fiscal])).toEqual([]);
    });
    it('财政拨款支出 is the 本年支出 of the 财政拨款收支总表; 政府性基金预算支出 its 政府性基金 column and the fund table’s total', () => {
      expect(run(narrativeVsTable, say('274.57', '1034.07', '51.85', true), {}, [fiscal, fund])).toEqual([]);
      const spent = run(narrativeVsTable, say('274.57', '1043.07', '51.85', true), {}, [fiscal, fund]);
      expect(spent.map((x) => [x.severity, x.actual, x.expected])).toEqual([['warning', '1043.07', '1034.07']]);
      const fundSpent = run(narrativeVsTable, say('274.57', '1034.07', '15.85'), {}, [fiscal, fund]);
      // the 支出包括 list's item and the fund paragraph's own figure
      expect(fundSpent.map((x) => [x.severity, x.actual, x.expected])).toEqual([
        ['warning', '15.85', '51.85'],
        ['warning', '15.85', '51.85'],
      ]);
    });
  });

  it('“X收支预算” is X’s 收支总计 (both sides, carry-overs in), not its 支出; 一般公共预算’s is that fund’s column', () => {
    const fiscal = tableOf(
      '2023年财政拨款收支总表',
      '万元',
      [
        ['收入', '', '支出', '', '', ''],
        ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算'],
        ['一、本年收入', '759.50', '一、本年支出', '1034.07', '982.22', '51.85'],
        ['二、上年结转', '294.57', '二、结转下年', '20.00', '20.00', '0.00'],
        ['收入总计', '1054.07', '支出总计', '1054.07', '1002.22', '51.85'],
      ],
      't4',
    );
    const say = (t: string) => run(narrativeVsTable, [t], { kind: 'budget', year: 2023 }, [fiscal]).map((x) => `${x.actual} ${x.expected}`);
    expect(say('2023年财政拨款收支预算1054.07万元。')).toEqual([]);
    expect(say('2023年部门财政拨款收支预算均为1034.07万元。')).toEqual(['1034.07 1054.07']);
    expect(say('2023年一般公共预算收支预算1002.22万元。')).toEqual([]);
    expect(say('2023年一般公共预算收支预算1054.07万元。')).toEqual(['1054.07 1002.22']);
    // a fund the 财政拨款收支总表 gives no 总计 of its own is compared with nothing
    expect(say('2023年政府性基金收支预算10.00万元。')).toEqual([]);
  });

  it('meets a project named in the text at its row of the 项目支出表 (name link: a warning)', () => {
    const projects = tableOf('项目支出预算表', '万元', [
      ['项目名称', '合计'],
      ['合计', '155.50'],
      ['智慧司法建设项目', '120.00'],
      ['法律援助服务项目', '35.50'],
    ]);
    const say = (v: string) => [`（1）智慧司法建设项目：该项目预算${v}万元，主要用于系统建设。`];
    expect(run(narrativeVsTable, say('120.00'), { kind: 'budget', year: 2024 }, [projects])).toEqual([]);
    const f = run(narrativeVsTable, say('102.00'), { kind: 'budget', year: 2024 }, [projects]);
    expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['warning', '102.00', '120']]);
    expect(f[0].message).toMatch(/“智慧司法建设项目”行“合计”列/);
    // a project the table does not list is compared with nothing
    expect(run(narrativeVsTable, ['（1）档案数字化项目：该项目预算12.00万元。'], { kind: 'budget', year: 2024 }, [projects])).toEqual([]);
  });

  it('meets a project the text names exactly as a row’s 项目名称 cell, however it is named (长春信访局 2026: 15.56 vs 16.56)', () => {
    const projects = tableOf('项目支出表(预算表 9)', '万元', [
      ['项目名称', '项目单位', '合计'],
      ['2026 信访接待中心运行费', '长春市信访局', '116.00'],
      ['信访局临聘人员经费', '长春市信访局', '16.56'],
    ]);
    const say = (v: string) => [`2026年长春市信访局项目支出预算132.56万元，2026信访接待中心运行费116万元，信访局临聘人员经费${v}万元。`];
    expect(run(narrativeVsTable, say('16.56'), { kind: 'budget', year: 2026 }, [projects])).toEqual([]);
    const f = run(narrativeVsTable, say('15.56'), { kind: 'budget', year: 2026 }, [projects]);
    expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['warning', '15.56', '16.56']]);
    // (the 项目单位, printed on every row, names no project)
    expect(run(narrativeVsTable, ['长春市信访局15.56万元。'], { kind: 'budget', year: 2026 }, [projects])).toEqual([]);
  });

  it('a project in last year’s list is last year’s figure: never met at this year’s 项目支出表 row', () => {
    const projects = tableOf('项目支出预算表', '万元', [
      ['项目名称', '合计'],
      ['合计', '155.50'],
      ['智慧司法建设项目', '120.00'],
      ['法律援助服务项目', '35.50'],
    ]);
    expect(run(narrativeVsTable, ['2023年项目支出预算为130.00万元，其中：智慧司法建设项目102.00万元，法律援助服务项目28.00万元。'], { kind: 'budget', year: 2024 }, [projects])).toEqual([]);
    // this year's list is met
    expect(run(narrativeVsTable, ['2024年项目支出预算为155.50万元，其中：智慧司法建设项目102.00万元，法律援助服务项目35.50万元。'], { kind: 'budget', year: 2024 }, [projects]).map((f) => f.actual)).toEqual(['102.00']);
  });

  it('last year’s 决算数 in a 决算 (2019年度人员经费决算数) is never set against this year’s 决算 column', () => {
    expect(run(narrativeVsTable, ['与上年相比，2019年度人员经费决算数为 1700.00 万元。'], FINAL, [basicTable])).toEqual([]);
    expect(run(narrativeVsTable, ['2020年度人员经费决算数为 1700.00 万元。'], FINAL, [basicTable]).map((f) => f.expected)).toEqual(['1665.63']);
  });

  describe('a 部门 document with 单位 parts', () => {
    const box = (top: number): [number, number, number, number] => [0, top, 100, top + 10];
    const at = (p: Paragraph, page: number, top: number): Paragraph => ({ ...p, page, bbox: box(top) });
    const onPage = (t: Table, page: number): Table => ({ ...t, pages: [page], rows: t.rows.map((r) => r.map((c) => (c ? { ...c, page, bbox: box(200) } : c))) });
    const unitTable = tableOf(
      '支出决算表',
      '万元',
      [
        ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
        ['', '合计', '1015.84', '1000.00', '15.84'],
        ['210', '卫生健康支出', '1015.84', '1000.00', '15.84'],
      ],
      'u3',
    );
    const check = (unitSays: string) => {
      const paragraphs = [
        at(paragraph('某某局2020年部门决算'), 1, 10),
        at(paragraph('2020 年度支出合计 1833.40 万元，其中：基本支出 1817.57 万元；项目支出 15.84 万元。'), 1, 40),
        at(paragraph('某某中心2020年单位决算'), 3, 10),
        at(paragraph(`2020 年度支出合计 1015.84 万元，其中：基本支出 ${unitSays} 万元；项目支出 15.84 万元。`), 3, 40),
      ];
      const tables = [onPage(expenditure('1817.57'), 2), onPage(unitTable, 4)];
      const document = { title: '', department: '', year: 2020, kind: 'final' as const };
      return narrativeVsTable.check({ layout: { pages: [], tables, paragraphs }, document, tables: recognizeTables(tables), readings: [], narrative: readNarrative(paragraphs, { year: 2020, kind: 'final' }) });
    };

    it('compares a unit’s 说明 with that unit’s tables only, and names the table, row and column', () => {
      expect(check('1000.00')).toEqual([]);
      // the department's figure copied into the unit's 说明: equal to a table of the document, but not the unit's
      const f = check('1817.57');
      expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['error', '1817.57', '1000']]);
      expect(f[0].refs[1].tableId).toBe('u3');
      expect(f[0].message).toMatch(/“合计”行“基本支出”列/);
    });
  });
});
