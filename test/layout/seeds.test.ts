/**
 * The five seed documents (../shared/seeds/pdf) rebuilt by the core, spot-checked cell by cell.
 * Every expected text below was read off the rendered pages (pdftoppm) and the extracted text in
 * ../shared/seeds/txt — not taken from Gouji's output. Row and column indices count the whole
 * grid, header rows included; texts are as printed, with the spaces between Chinese characters
 * that a wrapped or letter-spaced cell shows removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../src/report/types';
import { analyzeFile, expectCells, expectHeaderPaths, expectSaneCells, lastRow, pageSizes, tableTitled, useReport } from './helpers';

const SEEDS = join(resolve(__dirname, '../../../shared'), 'seeds', 'pdf');
// ../shared sits beside the repository on developer machines and CI; a bare clone has no seeds,
// and then there is nothing to check here.
const haveSeeds = existsSync(SEEDS);

const SEED_NAMES = ['000_8273a81b5d7a2812', '001_4cd56771f99f2713', '002_acf73162fca111cf', '003_de9632e190c788f1', '004_ead4dcb7dad5d379'];
const seed = (name: string) => useReport(join(SEEDS, `${name}.pdf`));

describe.skipIf(!haveSeeds)('every table of every seed', () => {
  it.each(SEED_NAMES)('%s: rectangular grid, spans over nulls only, bboxes on their pages', async (name) => {
    const path = join(SEEDS, `${name}.pdf`);
    const [report, sizes] = await Promise.all([analyzeFile(path), pageSizes(new Uint8Array(readFileSync(path)))]);
    expect(report.tables.length).toBeGreaterThan(5);
    for (const t of report.tables) expectSaneCells(t, sizes);
  });
});

describe.skipIf(!haveSeeds)('seed 000 沁阳市医疗保障局 2022 部门预算', () => {
  const report = seed('000_8273a81b5d7a2812');

  it('reads without error', () => {
    expect(report().error).toBeUndefined();
    expect(report().pages).toBe(24);
  });

  it('2022年部门收支预算表: two-sided, one grid (page 10)', () => {
    const t = tableTitled(report(), '部门收支预算表');
    expect(t.title).toBe('2022年部门收支预算表');
    expect(t.pages).toEqual([10]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(2);
    expect(t.rows).toHaveLength(35);
    expect(t.rows[0]).toHaveLength(4);
    expectHeaderPaths(t, { 0: ['收入', '项目'], 1: ['收入', '金额'], 2: ['支出', '项目'], 3: ['支出', '金额'] });
    expectCells(t, [
      [0, 0, '收入'], [0, 1, null], [0, 2, '支出'], [0, 3, null],
      [2, 0, '一、一般公共预算'], [2, 1, '6184.67'], [2, 2, '一、一般公共服务'], [2, 3, ''],
      [3, 0, '其中：财政拨款'], [3, 1, '6184.67'],
      [4, 0, '二、政府性基金预算拨款收入'], [4, 1, '36.00'], [4, 2, '三、国防'],
      [9, 2, '八、社会保障和就业'], [9, 3, '290.63'],
      [11, 0, '九、其他收入'], [11, 2, '十、卫生健康'], [11, 3, '5856.63'],
      [12, 0, ''], [12, 1, ''], [12, 2, '十一、节能环保'],
      [19, 2, '十九、援助其他地区支出'],
      [21, 2, '二十一、住房保障支出'], [21, 3, '37.41'],
      [26, 2, '二十九、其他支出'], [26, 3, '36.00'],
      [31, 2, '三十四、抗疫特别国债安排的支出'],
      [32, 0, '本年收入合计'], [32, 1, '6220.67'], [32, 2, '本年支出合计'], [32, 3, '6220.67'],
      [33, 0, '上年结转结余'], [33, 1, ''],
    ]);
    expect(lastRow(t)).toEqual(['收入总计', '6220.67', '支出总计', '6220.67']);
  });

  it('2022年部门支出预算表: three header levels, 科目编码 over 类/款/项 (page 11)', () => {
    const t = tableTitled(report(), '部门支出预算表');
    expect(t.title).toBe('2022年部门支出预算表');
    expect(t.pages).toEqual([11]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(3);
    expect(t.rows).toHaveLength(20);
    expect(t.rows[0]).toHaveLength(14);
    expectHeaderPaths(t, {
      0: ['科目编码', '类'],
      1: ['科目编码', '款'],
      2: ['科目编码', '项'],
      3: ['单位代码'],
      4: ['单位（科目名称）'],
      5: ['合计'],
      6: ['基本支出', '小计'],
      7: ['基本支出', '人员经费', '工资福利支出'],
      8: ['基本支出', '人员经费', '对个人和家庭的补助'],
      9: ['基本支出', '公用经费', '商品和服务支出'],
      10: ['基本支出', '公用经费', '资本性支出'],
      11: ['项目支出', '小计'],
      12: ['项目支出', '其他运转类'],
      13: ['项目支出', '特定目标类'],
    });
    expectCells(t, [
      [0, 0, '科目编码'], [0, 1, null], [0, 6, '基本支出'], [0, 11, '项目支出'],
      [1, 0, '类'], [1, 7, '人员经费'], [1, 9, '公用经费'], [2, 7, '工资福利支出'], [2, 0, null],
      [3, 0, ''], [3, 4, '合计'], [3, 5, '6220.67'], [3, 6, '518.59'], [3, 7, '486.73'], [3, 8, '7.86'], [3, 9, '24.00'], [3, 10, ''], [3, 11, '5702.08'], [3, 12, '100.00'], [3, 13, '5602.08'],
      [4, 3, '707'], [4, 4, '沁阳市医疗保障局'],
      [5, 0, '208'], [5, 1, '05'], [5, 2, '05'], [5, 4, '机关事业单位基本养老保险缴费支出'], [5, 5, '49.87'],
      [8, 4, '行政运行'], [8, 5, '97.64'], [8, 9, '7.85'], [8, 12, '40.00'], [8, 13, ''],
      [14, 1, '12'], [14, 4, '财政对城乡居民基本医疗保险基金的补助'], [14, 11, '3495.80'],
      [18, 2, '50'], [18, 4, '事业运行'], [18, 6, '342.43'], [18, 7, '326.28'],
    ]);
    expect(lastRow(t)).toEqual(['229', '60', '13', '', '用于城乡医疗救助的彩票公益金支出', '36.00', '', '', '', '', '', '36.00', '', '36.00']);
  });

  it('2022年一般公共预算基本支出明细表: over pages 14–15, header repeated, tall row spans', () => {
    const t = tableTitled(report(), '一般公共预算基本支出明细表');
    expect(t.pages).toEqual([14, 15]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(2);
    expect(t.rows).toHaveLength(44);
    expect(t.rows[0]).toHaveLength(12);
    expect(t.rows.filter((r) => r[2]?.text === '项目名称')).toHaveLength(1);
    expectHeaderPaths(t, {
      0: ['项目单位'],
      2: ['项目名称'],
      4: ['本年拨款', '一般公共预算'],
      6: ['本年拨款', '国有资本经营预算'],
      7: ['财政拨款结转结余', '一般公共预算'],
      10: ['财政专户管理资金'],
      11: ['单位资金'],
    });
    expectCells(t, [
      [2, 0, ''], [2, 3, '518.59'], [2, 4, '518.59'],
      [3, 1, '707'], [3, 2, '沁阳市医疗保障局'],
      [4, 0, '沁阳市医疗保障局'], [4, 1, '人员类'], [4, 2, '养老保险金（行政）'], [4, 3, '6.70'],
      [5, 0, null], [8, 2, '行政人员及机关技术工人年基本工资'], [8, 3, '28.15'],
      [20, 1, '公用经费'], [22, 1, null], [22, 2, '在职人员公用经费公务交通补贴（行政）'], [22, 3, '5.40'],
      [23, 0, '沁阳市社会医疗保险中心'], [23, 1, '人员类'], [23, 2, '养老保险金（事业）'], [23, 3, '43.17'],
      [30, 2, '70%基础性绩效工资'], [30, 3, '44.82'],
      [42, 1, '公用经费'], [42, 2, '在职人员定额公用经费（事业）'],
    ]);
    // A unit's cell spans all its rows, and stops at the page break.
    const spans = ([r, c]: [number, number]) => [t.rows[r][c]!.rowSpan, t.rows[r][c]!.page];
    expect([[4, 0], [4, 1], [20, 1], [23, 0], [23, 1], [42, 1]].map((rc) => spans(rc as [number, number]))).toEqual([
      [19, 14], [16, 14], [3, 14], [21, 15], [19, 15], [2, 15],
    ]);
    expect(lastRow(t)).toEqual([null, null, '福利费（事业）', '6.75', '6.75', '', '', '', '', '', '', '']);
  });
});

describe.skipIf(!haveSeeds)('seed 001 西安市碑林区医疗保障局 2022 部门综合预算', () => {
  const report = seed('001_4cd56771f99f2713');

  it('表1 2022年部门综合预算收支总表: 收入 | three 支出 views side by side (page 15)', () => {
    const t = tableTitled(report(), '部门综合预算收支总表');
    expect(t.title).toContain('2022年部门综合预算收支总表');
    expect(t.pages).toEqual([15]);
    expect(t.unit).toBe('万元');
    expect(t.rows).toHaveLength(39);
    expect(t.rows[0]).toHaveLength(8);
    expectHeaderPaths(t, {
      0: ['收入', '项目'],
      1: ['收入', '预算数'],
      2: ['支出', '支出功能分类科目(按大类)'],
      4: ['支出', '部门预算支出经济分类科目(按大类)'],
      7: ['支出', '预算数'],
    });
    expectCells(t, [
      [0, 0, '收入'], [0, 2, '支出'], [0, 7, null],
      [2, 0, '一、部门预算'], [2, 1, '1172.35'], [2, 7, '1172.35'],
      [4, 0, '(1)一般公共预算拨款'], [4, 4, '(1)工资福利支出'], [4, 5, '205.53'], [4, 6, '2、机关商品和服务支出'], [4, 7, '17.24'],
      [5, 0, '其中：专项资金列入部门预算的项目'],
      [6, 5, '784.92'],
      [12, 2, '10、卫生健康支出'], [12, 3, '1120.81'],
      [14, 0, ''], [14, 2, '12、城乡社区支出'],
      [18, 6, ''], [18, 7, ''],
      [22, 2, '20、住房保障支出'], [22, 3, '32.34'], [22, 4, ''],
      [31, 2, '29、债务发行费用支出'],
      [32, 0, '本年收入合计'], [32, 6, '本年支出合计'], [32, 7, '1172.35'],
      [34, 0, '上年实户资金余额'], [34, 6, '未安排支出的实户资金'],
      [36, 0, '其中：财政拨款资金结转'], [37, 0, '非财政拨款资金结余'],
    ]);
    expect(lastRow(t)).toEqual(['收入总计', '1172.35', '支出总计', '1172.35', '支出总计', '1172.35', '支出总计', '1172.35']);
  });

  it('表5 一般公共预算支出明细表（按支出功能分类科目）(page 19)', () => {
    const t = tableTitled(report(), '一般公共预算支出明细表（按支出功能分类科目');
    expect(t.title).toContain('2022年部门综合预算一般公共预算支出明细表（按支出功能分类科目');
    expect(t.pages).toEqual([19]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(1);
    expect(t.rows).toHaveLength(21);
    expectHeaderPaths(t, { 0: ['功能科目编码'], 1: ['功能科目名称'], 5: ['专项业务经费支出'], 6: ['备注'] });
    expectCells(t, [
      [1, 0, ''], [1, 1, '合计'], [1, 2, '1172.36'], [1, 3, '998.12'], [1, 4, '12.39'], [1, 5, '161.84'], [1, 6, ''],
      [2, 0, '208'], [2, 2, '19.2'],
      [4, 1, '机关事业单位基本养老保险'],
      [12, 0, '21013'], [12, 1, '医疗救助'], [12, 2, '5'], [12, 3, ''], [12, 5, '5'],
      [16, 0, '2101550'], [16, 4, '5.8'],
      [17, 1, '其他医疗保障管理事务支'],
    ]);
    expect(lastRow(t)).toEqual(['2210201', '住房公积金', '32.34', '32.34', '', '', '']);
  });

  it('表6 一般公共预算支出明细表（按支出经济分类科目）: over pages 20–21, header repeated', () => {
    const t = tableTitled(report(), '一般公共预算支出明细表（按支出经济分类科目');
    expect(t.title).toContain('按支出经济分类科目');
    expect(t.pages).toEqual([20, 21]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(1);
    // 1 header row + 合计 + 31 item rows; the header repeated on page 21 is not a row.
    expect(t.rows).toHaveLength(33);
    expect(t.rows.filter((r) => r[0]?.text === '部门经济科目编码')).toHaveLength(1);
    expectHeaderPaths(t, { 0: ['部门经济科目编码'], 2: ['政府经济科目编码'], 3: ['政府经济科目名称'], 7: ['专项业务经费支出'] });
    expectCells(t, [
      [1, 1, '合计'], [1, 4, '1172.36'], [1, 5, '998.13'],
      [3, 0, '30101'], [3, 1, '基本工资'], [3, 2, '50101'], [3, 3, '工资奖金津补贴'], [3, 4, '40.34'],
      [8, 0, '30103'], [8, 4, ''],
      [10, 1, '机关事业单位基本养老保险缴费'], [10, 2, '50102'],
      [20, 0, '302'], [20, 4, '176.91'], [20, 7, '156.84'],
      [28, 1, '其他商品和服务支出'], [28, 4, '109.8'], [28, 6, '4.8'], [28, 7, '105'],
      [29, 0, '303'], [29, 4, '789.92'],
      [30, 0, '30306'], [30, 1, '救济费'], [30, 4, '5'],
    ]);
    expect(lastRow(t)).toEqual(['30399', '其他对个人和家庭的补助', '50999', '其他对个人和家庭补助', '784.81', '784.81', '', '', '']);
    const pageOf = (r: number) => t.rows[r].find((c) => c !== null)!.page;
    expect(pageOf(29)).toBe(20);
    expect(pageOf(30)).toBe(21);
    expect(pageOf(32)).toBe(21);
  });

  it('表8 一般公共预算基本支出明细表（支出经济分类科目）: over pages 23–24, header repeated, blank rows kept', () => {
    const t = tableTitled(report(), '一般公共预算基本支出明细表（支出经济分类科目');
    expect(t.title).toMatch(/^表8/);
    expect(t.pages).toEqual([23, 24]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(1);
    expect(t.rows).toHaveLength(33);
    expect(t.rows[0]).toHaveLength(8);
    expect(t.rows.filter((r) => r[0]?.text === '部门经济科目编码')).toHaveLength(1);
    expectHeaderPaths(t, { 0: ['部门经济科目编码'], 4: ['合计'], 6: ['公用经费支出'], 7: ['备注'] });
    expectCells(t, [
      [1, 1, '合计'], [1, 4, '1010.52'], [1, 5, '998.13'], [1, 6, '12.39'],
      [20, 0, '302'], [20, 4, '20.07'],
      [22, 0, '30227'], [22, 1, '委托业务费'], [22, 4, ''], [22, 5, ''],
      [30, 0, '30306'], [30, 3, '社会福利和救助'], [30, 4, ''],
    ]);
    expect(lastRow(t)).toEqual(['30399', '其他对个人和家庭的补助', '50999', '其他对个人和家庭补助', '784.81', '784.81', '', '']);
    const pageOf = (r: number) => t.rows[r].find((c) => c !== null)!.page;
    expect([pageOf(29), pageOf(30), pageOf(32)]).toEqual([23, 24, 24]);
  });
});

describe.skipIf(!haveSeeds)('seed 002 旬阳市医疗保障局 2024 部门预算（元）', () => {
  const report = seed('002_acf73162fca111cf');

  it('表4 部门综合预算财政拨款收支总表 (page 12)', () => {
    const t = tableTitled(report(), '部门综合预算财政拨款收支总表');
    expect(t.title).toContain('部门综合预算财政拨款收支总表');
    expect(t.pages).toEqual([12]);
    expect(t.unit).toBe('元');
    expect(t.rows).toHaveLength(30);
    expect(t.rows[0]).toHaveLength(8);
    expectHeaderPaths(t, { 0: ['收入', '项目'], 3: ['支出', '预算数'], 6: ['支出', '政府预算支出经济分类科目（按大类）'] });
    expectCells(t, [
      [2, 0, '一、财政拨款'], [2, 1, '5599899.51'],
      [3, 4, '1、人员经费和公用经费支出'], [3, 5, '5362399.51'], [3, 7, '4910749.19'],
      [6, 6, '4、机关资本性支出（基本建设）'],
      [7, 0, ''], [7, 2, '5、教育支出'], [7, 3, '12000.00'],
      [10, 3, '557685.60'], [12, 3, '4630775.19'], [22, 3, '399438.72'],
      [13, 6, '11、其他支出'], [14, 6, ''],
      [27, 0, '本年收入合计'], [27, 1, '5,599,899.51'],
    ]);
    expect(lastRow(t)).toEqual(['收入总计', '5,599,899.51', '支出总计', '5,599,899.51', '支出总计', '5,599,899.51', '支出总计', '5,599,899.51']);
  });

  it('表5 部门综合预算一般公共预算支出明细表（按支出功能分类科目）(page 13)', () => {
    const t = tableTitled(report(), '一般公共预算支出明细表（按支出功能分类科目');
    expect(t.pages).toEqual([13]);
    expect(t.unit).toBe('元');
    expect(t.rows).toHaveLength(15);
    expectHeaderPaths(t, { 2: ['合计'], 3: ['人员经费支出'], 4: ['公用经费支出'] });
    expectCells(t, [
      [1, 1, '合计'], [1, 2, '5599899.51'], [1, 4, '194750'], [1, 5, '237500'],
      [2, 2, '557685.6'],
      [4, 1, '机关事业单位基本养老保险缴费支出'],
      [9, 0, '21015'], [9, 2, '4380285.88'], [9, 3, '3948035.88'],
      [11, 0, '2101502'], [11, 3, ''], [11, 5, '237500'],
    ]);
    expect(lastRow(t)).toEqual(['2210201', '住房公积金', '399438.72', '399438.72', '', '', '']);
  });
});

describe.skipIf(!haveSeeds)('seed 003 威县医疗保障局 2021 部门预算（元，栏次 row）', () => {
  const report = seed('003_de9632e190c788f1');
  const notUnit = ['单位预算'];

  it('部门预算收支总表 (page 1)', () => {
    const t = tableTitled(report(), '部门预算收支总表', notUnit);
    expect(t.pages).toEqual([1]);
    expect(t.unit).toBe('元');
    expect(t.rows[0]).toHaveLength(5);
    expect(t.rows).toHaveLength(36);
    expectHeaderPaths(t, { 0: ['序号'], 1: ['收入', '项目'], 2: ['收入', '预算数'], 3: ['支出', '项目'], 4: ['支出', '预算数'] });
    expectCells(t, [
      [0, 0, '序号'], [1, 0, null], [0, 1, '收入'], [0, 2, null],
      [2, 0, '栏次'], [2, 1, '1'], [2, 4, '4'],
      [3, 0, '1'], [3, 1, '一、一般公共预算拨款收入'], [3, 2, '90816893.00'], [3, 3, '一、一般公共服务支出'], [3, 4, '5385000.00'],
      [4, 2, ''],
      [12, 0, '10'], [12, 1, ''], [12, 3, '十、卫生健康支出'], [12, 4, '85431893.00'],
      [32, 3, '三十、抗疫特别国债安排的支出'],
      [33, 1, '本年收入合计'], [33, 4, '90816893.00'],
      [34, 1, '上年结转结余'], [34, 3, '年终结转结余'],
    ]);
    expect(lastRow(t)).toEqual(['33', '收入总计', '90816893.00', '支出总计', '90816893.00']);
  });

  it('部门预算收入总表 (page 2)', () => {
    const t = tableTitled(report(), '部门预算收入总表', notUnit);
    expect(t.pages).toEqual([2]);
    expect(t.unit).toBe('元');
    expect(t.rows[0]).toHaveLength(13);
    expect(t.rows).toHaveLength(15);
    expectHeaderPaths(t, {
      0: ['序号'],
      1: ['功能分类科目', '科目编码'],
      2: ['功能分类科目', '科目名称'],
      3: ['合计'],
      4: ['本年收入', '小计'],
      5: ['本年收入', '财政拨款收入'],
      10: ['本年收入', '附属单位上缴收入'],
      12: ['上年结转'],
    });
    expectCells(t, [
      [0, 4, '本年收入'], [0, 11, null], [1, 12, null],
      [2, 0, '栏次'], [2, 12, '12'],
      [3, 0, '1'], [3, 1, ''], [3, 2, '合计'], [3, 3, '90816893.00'], [3, 5, '90816893.00'], [3, 6, ''],
      [4, 1, '201'], [4, 2, '一般公共服务支出'],
      [9, 1, '2101202'], [9, 2, '财政对城乡居民基本医疗保险基金的补助'], [9, 4, '63450000.00'],
      [12, 2, '医疗保障管理事务'], [12, 3, '6601893.00'],
    ]);
    expect(lastRow(t)).toEqual(['12', '2101506', '医疗保障经办事务', '220000.00', '220000.00', '220000.00', '', '', '', '', '', '', '']);
  });
});

describe.skipIf(!haveSeeds)('seed 004 沁阳市医疗保障局 2020 部门决算（公开01–09表）', () => {
  const report = seed('004_ead4dcb7dad5d379');

  const check01 = (t: ReportTable) => {
    expect(t.title).toContain('收入支出决算总表');
    expect(t.pages).toEqual([4]);
    expect(t.unit).toBe('万元');
    expect(t.rows[0]).toHaveLength(6);
    expect(t.rows).toHaveLength(34);
    expectHeaderPaths(t, { 0: ['收入', '项目'], 1: ['收入', '行次'], 2: ['收入', '金额'], 3: ['支出', '项目'], 4: ['支出', '行次'], 5: ['支出', '金额'] });
    expectCells(t, [
      [0, 0, '收入'], [0, 3, '支出'],
      [2, 0, '栏次'], [2, 2, '1'], [2, 5, '2'],
      [3, 0, '一、一般公共预算财政拨款收入'], [3, 1, '1'], [3, 2, '1,767.85'], [3, 3, '一、一般公共服务支出'], [3, 4, '32'], [3, 5, '0.00'],
      [10, 0, '八、其他收入'], [10, 5, '121.85'],
      [11, 0, ''], [11, 1, '9'], [11, 2, ''], [11, 3, '九、卫生健康支出'], [11, 5, '1,711.55'],
      [28, 3, '二十六、抗疫特别国债安排的支出'], [28, 4, '57'],
      [29, 0, '本年收入合计'], [29, 2, '1,767.85'], [29, 5, '1,833.40'],
      [31, 0, '年初结转和结余'], [31, 2, '216.43'], [31, 3, '年末结转和结余'], [31, 5, '150.88'],
      [32, 1, '30'], [32, 4, '61'], [32, 5, ''],
    ]);
    expect(lastRow(t)).toEqual(['总计', '31', '1,984.28', '总计', '62', '1,984.28']);
  };

  it('公开01表 收入支出决算总表 (page 4)', () => check01(tableTitled(report(), '公开01表')));

  it('公开03表 支出决算表 (page 6)', () => {
    const t = tableTitled(report(), '公开03表');
    expect(t.title).toContain('支出决算表');
    expect(t.pages).toEqual([6]);
    expect(t.unit).toBe('万元');
    expect(t.rows[0]).toHaveLength(8);
    expect(t.rows).toHaveLength(22);
    expectHeaderPaths(t, {
      0: ['项目', '功能分类科目编码'],
      1: ['项目', '科目名称'],
      2: ['本年支出合计'],
      3: ['基本支出'],
      7: ['对附属单位补助支出'],
    });
    expectCells(t, [
      [0, 0, '项目'], [0, 1, null], [1, 2, null],
      [2, 0, '栏次'], [2, 2, '1'], [2, 7, '6'],
      [3, 0, '合计'], [3, 1, null], [3, 2, '1,833.40'], [3, 3, '1,817.57'], [3, 4, '15.84'],
      [6, 0, '2080505'], [6, 1, '机关事业单位基本养老保险缴费支出'], [6, 2, '48.35'],
      [10, 1, '卫生健康支出'], [10, 2, '1,711.55'], [10, 3, '1,695.71'],
      [14, 2, '1,167.29'],
      [19, 0, '2101504'], [19, 1, '信息化建设'], [19, 4, '15.84'],
    ]);
    expect(lastRow(t)).toEqual(['2101550', '事业运行', '337.58', '337.58', '0.00', '0.00', '0.00', '0.00']);
  });

  it('公开06表 一般公共预算财政拨款基本支出决算表: three column groups side by side (page 9)', () => {
    const t = tableTitled(report(), '公开06表');
    expect(t.title).toContain('一般公共预算财政拨款基本支出决算表');
    expect(t.pages).toEqual([9]);
    expect(t.unit).toBe('万元');
    expect(t.headerRows).toBe(2);
    expect(t.rows[0]).toHaveLength(9);
    expect(t.rows).toHaveLength(31);
    expectHeaderPaths(t, { 0: ['人员经费', '科目编码'], 2: ['人员经费', '决算数'], 3: ['公用经费', '科目编码'], 8: ['公用经费', '决算数'] });
    expectCells(t, [
      [0, 0, '人员经费'], [0, 2, null], [0, 3, '公用经费'], [0, 8, null],
      [2, 0, '301'], [2, 1, '工资福利支出'], [2, 2, '423.10'], [2, 3, '302'], [2, 5, '119.95'], [2, 6, '307'], [2, 7, '债务利息及费用支出'],
      [5, 6, '310'], [5, 8, '31.98'],
      [13, 4, '因公出国（境）费用'],
      [16, 0, '303'], [16, 2, '1,242.53'],
      [19, 1, '退职（役）费'],
      [23, 2, '1,234.36'],
      [25, 7, '对民间非营利组织和群众性自治组织补贴'],
      [27, 6, ''], [28, 0, '30399'], [28, 2, '5.34'],
      [29, 0, ''], [29, 3, '30299'], [29, 5, '2.21'],
    ]);
    expect(lastRow(t)).toEqual(['人员经费合计', null, '1,665.63', '公用经费合计', null, null, null, null, '151.93']);
  });
});
