/**
 * The two real published PDFs in ../shared/real (Shanghai Putuo district, 2024 部门决算): the
 * official template made with WPS and one bureau's final accounts made with Word. Their fonts,
 * rules and text runs differ from the Chromium renders of the fixtures and seeds. Every one of
 * their nine 公开 tables must be found, and each is spot-checked cell by cell. Expected texts were
 * read off the rendered pages (pdftoppm) and poppler's pdftotext, not taken from Gouji's output.
 * Row and column indices count the whole grid, header rows included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../src/report/types';
import { expectCells, expectHeaderPaths, expectSaneCells, lastRow, pageSizes, useReport, type CellSpec } from './helpers';

const REAL = join(resolve(__dirname, '../../../shared'), 'real');
const TEMPLATE = join(REAL, '附件2：部门决算模板.pdf');
const BUREAU = join(REAL, '上海市普陀区规划和自然资源局 2024 年度部门决算.pdf');
// ../shared sits beside the repository on developer machines and CI; a bare clone lacks it, and
// then there is nothing to check here.
const haveReal = existsSync(TEMPLATE) && existsSync(BUREAU);

/** The nine tables every Shanghai 部门决算 publishes, by their printed titles. */
const TITLES = [
  '收入支出决算总表',
  '收入决算表',
  '支出决算表',
  '财政拨款收入支出决算总表',
  '一般公共预算财政拨款支出决算表',
  '一般公共预算财政拨款基本支出决算表',
  '财政拨款“三公”经费支出决算表',
  '政府性基金预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款收入支出决算表',
] as const;
type Title = (typeof TITLES)[number];

/** The note printed under each table (the same in the template and the bureau's document). */
const NOTES: Record<Title, string> = {
  收入支出决算总表: '注：本表反映部门本年度的总收支和年末结转结余情况。',
  收入决算表: '注：本表反映部门本年度取得的各项收入情况。',
  支出决算表: '注：本表反映部门本年度各项支出情况。',
  财政拨款收入支出决算总表: '注：本表反映部门本年度财政拨款总收支和结转结余情况。',
  一般公共预算财政拨款支出决算表: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  一般公共预算财政拨款基本支出决算表: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
  '财政拨款“三公”经费支出决算表': '注：本表反映部门本年度“三公”经费支出预决算情况。',
  政府性基金预算财政拨款收入支出决算表: '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
  国有资本经营预算财政拨款收入支出决算表: '注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。',
};

/** The table whose printed title is exactly `title` (spaces ignored). */
function table(report: Report, title: Title): ReportTable {
  const found = report.tables.filter((t) => t.title.replace(/\s+/g, '') === title);
  expect(found.map((t) => t.title), `${title} in ${report.file}: ${report.tables.map((t) => t.title).join(' | ')}`).toHaveLength(1);
  return found[0];
}

const pageOfRow = (t: ReportTable, r: number) => t.rows[r].find((c) => c !== null)!.page;

/** What both documents share: the layout of each table, its labels and headers. */
function sharedChecks(load: () => Report, path: string) {
  it('finds all nine 公开 tables, each in 万元', () => {
    const report = load();
    expect(report.error).toBeUndefined();
    for (const title of TITLES) expect(table(report, title).unit, title).toBe('万元');
  });

  it('the note under each table is a paragraph on its last page, below the table, not a row', () => {
    const report = load();
    for (const title of TITLES) {
      const t = table(report, title);
      const lastPage = t.pages[t.pages.length - 1];
      const note = report.paragraphs.filter((p) => p.text.replace(/\s+/g, '') === NOTES[title]);
      expect(note.map((p) => p.page), title).toEqual([lastPage]);
      const tableBottom = Math.max(...t.rows.flat().filter((c) => c?.page === lastPage).map((c) => c!.bbox[3]));
      expect(note[0].bbox[1], `${title}: note below the table`).toBeGreaterThanOrEqual(tableBottom - 1);
      expect(t.rows.flat().some((c) => c?.text.startsWith('注：')), title).toBe(false);
    }
  });

  it('every table: rectangular grid, spans over nulls only, bboxes on their pages', async () => {
    const sizes = await pageSizes(new Uint8Array(readFileSync(path)));
    for (const t of load().tables) expectSaneCells(t, sizes);
  });

  it('收入支出决算总表: two-sided, one grid', () => {
    const t = table(load(), '收入支出决算总表');
    expect(t.headerRows).toBe(2);
    expect(t.rows).toHaveLength(30);
    expect(t.rows[0]).toHaveLength(4);
    expectHeaderPaths(t, { 0: ['收入', '项目'], 1: ['收入', '决算数'], 2: ['支出', '项目'], 3: ['支出', '决算数'] });
    expectCells(t, [
      [0, 0, '收入'], [0, 1, null], [0, 2, '支出'], [0, 3, null],
      [2, 0, '一、一般公共预算财政拨款收入'], [2, 2, '一、一般公共服务支出'],
      [4, 0, '三、国有资本经营预算财政拨款收入'],
      [9, 0, '八、其他收入'], [9, 2, '八、社会保障和就业支出'],
      [10, 0, ''], [10, 1, ''], [10, 2, '九、卫生健康支出'],
      [19, 2, '十八、自然资源海洋气象等支出'],
      [25, 2, '二十四、抗疫特别国债安排的支出'],
      [26, 0, '本年收入合计'], [26, 2, '本年支出合计'],
      [27, 0, '使用非财政拨款结余'], [27, 2, '结余分配'],
      [28, 0, '年初结转和结余'], [28, 2, '年末结转和结余'],
      [29, 0, '总计'], [29, 2, '总计'],
    ]);
  });

  for (const title of ['收入决算表', '支出决算表'] as const) {
    it(`${title}: 项目 over 功能分类科目编码 / 科目名称, 合计 first`, () => {
      const t = table(load(), title);
      expect(t.headerRows).toBe(2);
      expect(t.rows[0]).toHaveLength(title === '收入决算表' ? 9 : 8);
      expectHeaderPaths(t, {
        0: ['项目', '功能分类科目编码'],
        1: ['项目', '科目名称'],
        2: [title === '收入决算表' ? '本年收入合计' : '本年支出合计'],
        ...(title === '收入决算表' ? { 3: ['财政拨款收入'], 7: ['附属单位上缴收入'], 8: ['其他收入'] } : { 3: ['基本支出'], 4: ['项目支出'], 7: ['对附属单位补助支出'] }),
      });
      expectCells(t, [[0, 0, '项目'], [0, 1, null], [1, 2, null], [2, 0, '合计'], [2, 1, null]]);
    });
  }

  it('财政拨款收入支出决算总表: 收入 | 支出 with three 财政拨款 columns, over two pages', () => {
    const t = table(load(), '财政拨款收入支出决算总表');
    expect(t.pages).toHaveLength(2);
    expect(t.headerRows).toBe(2);
    expect(t.rows).toHaveLength(32);
    expect(t.rows[0]).toHaveLength(7);
    expectHeaderPaths(t, {
      0: ['收入', '项目'],
      1: ['收入', '决算数'],
      2: ['支出', '项目'],
      3: ['支出', '合计'],
      4: ['支出', '一般公共预算财政拨款'],
      5: ['支出', '政府性基金预算财政拨款'],
      6: ['支出', '国有资本经营预算财政拨款'],
    });
    expectCells(t, [
      [0, 0, '收入'], [0, 2, '支出'], [0, 6, null],
      [2, 0, '一、一般公共预算财政拨款'], [2, 2, '一、一般公共服务支出'],
      [4, 0, '三、国有资本经营预算财政拨款'], [5, 0, ''], [5, 2, '四、公共安全支出'],
      [17, 2, '十六、金融支出'],
      [23, 2, '二十二、灾害防治及应急管理支出'],
      [25, 2, '二十四、抗疫特别国债安排的支出'],
      [26, 0, '本年收入合计'], [26, 2, '本年支出合计'],
      [27, 0, '年初财政拨款结转和结余'], [27, 2, '年末财政拨款结转和结余'],
      [28, 0, '一、一般公共预算财政拨款'], [28, 2, ''],
      [30, 0, '三、国有资本经营预算财政拨款'],
      [31, 0, '总计'], [31, 2, '总计'],
    ]);
    // The second page starts at 十六、金融支出, with no header repeated.
    expect(pageOfRow(t, 16)).toBe(t.pages[0]);
    expect(pageOfRow(t, 17)).toBe(t.pages[1]);
    expect(pageOfRow(t, 31)).toBe(t.pages[1]);
  });

  it('一般公共预算财政拨款支出决算表: 合计 last', () => {
    const t = table(load(), '一般公共预算财政拨款支出决算表');
    expect(t.headerRows).toBe(2);
    expect(t.rows[0]).toHaveLength(5);
    expectHeaderPaths(t, { 0: ['项目', '功能分类科目编码'], 1: ['项目', '科目名称'], 2: ['合计'], 3: ['基本支出'], 4: ['项目支出'] });
    expectCells(t, [[0, 0, '项目'], [1, 0, '功能分类科目编码'], [1, 1, '科目名称'], [1, 3, null]]);
    expect(lastRow(t).slice(0, 2)).toEqual(['合计', null]);
  });

  it('一般公共预算财政拨款基本支出决算表: 人员经费 | 公用经费 side by side', () => {
    const t = table(load(), '一般公共预算财政拨款基本支出决算表');
    expect(t.headerRows).toBe(1);
    expect(t.rows).toHaveLength(40);
    expect(t.rows[0]).toHaveLength(6);
    expectHeaderPaths(t, { 0: ['经济分类科目编码'], 1: ['科目名称'], 2: ['决算数'], 3: ['经济分类科目编码'], 4: ['科目名称'], 5: ['决算数'] });
    expectCells(t, [
      [1, 0, '301'], [1, 1, '工资福利支出'], [1, 3, '302'], [1, 4, '商品和服务支出'],
      [7, 0, '30108'], [7, 1, '机关事业单位基本养老保险缴费'], [7, 3, '30206'], [7, 4, '电费'],
      [12, 4, '因公出国（境）费用'], [13, 4, '维修（护）费'], [18, 1, '退职（役）费'],
      [27, 0, '30399'], [27, 1, '其他对个人和家庭的补助'], [27, 3, '30240'],
      [28, 0, ''], [28, 1, ''], [28, 2, ''], [28, 3, '30299'], [28, 4, '其他商品和服务支出'],
      [29, 3, '310'], [29, 4, '资本性支出'],
      [33, 3, '31007'], [33, 4, '信息网络及软件购置更新'],
      [38, 3, '31099'], [38, 4, '其他资本性支出'],
    ]);
    expect([lastRow(t)[0], lastRow(t)[1], lastRow(t)[3], lastRow(t)[4]]).toEqual(['人员经费合计', null, '公用经费合计', null]);
  });

  it('财政拨款“三公”经费支出决算表: four header rows, 预算数 / 决算数 under each item', () => {
    const t = table(load(), '财政拨款“三公”经费支出决算表');
    expect(t.headerRows).toBe(4);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[0]).toHaveLength(12);
    const top = '财政拨款“三公”经费';
    expectHeaderPaths(t, {
      0: [top, '合计', '预算数'],
      1: [top, '合计', '决算数'],
      2: [top, '因公出国（境）费', '预算数'],
      5: [top, '公务用车购置及运行维护费', '小计', '决算数'],
      6: [top, '公务用车购置及运行维护费', '公务用车购置费', '预算数'],
      9: [top, '公务用车购置及运行维护费', '公务用车运行维护费', '决算数'],
      11: [top, '公务接待费', '决算数'],
    });
    expectCells(t, [
      [0, 0, top], [0, 11, null],
      [1, 0, '合计'], [1, 1, null], [2, 0, null], [1, 4, '公务用车购置及运行维护费'], [1, 10, '公务接待费'],
      [2, 4, '小计'], [2, 6, '公务用车购置费'], [2, 8, '公务用车运行维护费'],
      [3, 0, '预算数'], [3, 1, '决算数'], [3, 11, '决算数'],
    ]);
  });

  for (const title of ['政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款收入支出决算表'] as const) {
    it(`${title}: empty table kept with its grid`, () => {
      const t = table(load(), title);
      expect(t.rows).toHaveLength(6);
      expect(t.rows[0]).toHaveLength(8);
      expectHeaderPaths(t, { 0: ['项目', '功能分类科目编码'], 1: ['项目', '科目名称'], 2: ['年初结转和结余'], 3: ['本年收入'], 7: ['年末结转和结余'] });
      expectCells(t, [
        [0, 0, '项目'], [0, 2, '年初结转和结余'], [0, 3, '本年收入'], [0, 4, '本年支出'], [0, 5, null], [0, 7, '年末结转和结余'],
        [1, 0, '功能分类科目编码'], [1, 1, '科目名称'],
        [2, 0, '合计'], [2, 1, null], [2, 2, ''], [2, 4, '合计'], [2, 5, '基本支出'], [2, 6, '项目支出'], [2, 7, ''],
      ]);
      expect(lastRow(t)).toEqual(['', '', '', '', '', '', '', '']);
    });
  }
}

describe.skipIf(!haveReal)('real: 部门决算模板 (WPS, blank template)', () => {
  const report = useReport(TEMPLATE);
  sharedChecks(report, TEMPLATE);

  it('pages of each table', () => {
    const pages = Object.fromEntries(TITLES.map((title) => [title, table(report(), title).pages]));
    expect(pages).toEqual({
      收入支出决算总表: [5],
      收入决算表: [6],
      支出决算表: [7],
      财政拨款收入支出决算总表: [8, 9],
      一般公共预算财政拨款支出决算表: [10],
      一般公共预算财政拨款基本支出决算表: [11],
      '财政拨款“三公”经费支出决算表': [12],
      政府性基金预算财政拨款收入支出决算表: [13],
      国有资本经营预算财政拨款收入支出决算表: [14],
    });
  });

  it('no figures anywhere: the amount cells are blank', () => {
    const t = table(report(), '收入支出决算总表');
    expectCells(t, [[2, 1, ''], [2, 3, ''], [26, 1, ''], [26, 3, '']]);
    expect(lastRow(t)).toEqual(['总计', '', '总计', '']);
    expect(lastRow(table(report(), '一般公共预算财政拨款基本支出决算表'))).toEqual(['人员经费合计', null, '', '公用经费合计', null, '']);
    expect(table(report(), '财政拨款“三公”经费支出决算表').rows[4].map((c) => c?.text)).toEqual(Array(12).fill(''));
  });

  it('收入决算表 / 支出决算表: placeholder rows with a wrapped 科目名称', () => {
    for (const title of ['收入决算表', '支出决算表'] as const) {
      const t = table(report(), title);
      expect(t.rows, title).toHaveLength(10);
      expectCells(t, [
        [3, 0, '205'], [3, 1, '教育支出'], [3, 2, ''],
        [5, 0, '2050205'], [5, 1, '高等教育'],
        [6, 0, '…'], [6, 1, '…'],
        [7, 0, '207'], [7, 1, '文化旅游体育与传媒支出'],
        [8, 0, '20799'], [8, 1, '其他文化旅游体育与传媒支出'], [8, 2, ''],
        [9, 1, '…'], [9, 2, ''],
      ]);
    }
  });

  it('一般公共预算财政拨款支出决算表: 合计 row at the bottom', () => {
    const t = table(report(), '一般公共预算财政拨款支出决算表');
    expect(t.rows).toHaveLength(10);
    expectCells(t, [[2, 0, '205'], [2, 1, '教育支出'], [7, 0, '20799'], [7, 1, '其他文化旅游体育与传媒支出']]);
    expect(lastRow(t)).toEqual(['合计', null, '', '', '']);
  });
});

describe.skipIf(!haveReal)('real: 上海市普陀区规划和自然资源局 2024 年度部门决算 (Word)', () => {
  const report = useReport(BUREAU);
  sharedChecks(report, BUREAU);

  it('pages of each table', () => {
    const pages = Object.fromEntries(TITLES.map((title) => [title, table(report(), title).pages]));
    expect(pages).toEqual({
      收入支出决算总表: [7],
      收入决算表: [8, 9],
      支出决算表: [10, 11],
      财政拨款收入支出决算总表: [12, 13],
      一般公共预算财政拨款支出决算表: [14, 15],
      一般公共预算财政拨款基本支出决算表: [16],
      '财政拨款“三公”经费支出决算表': [17],
      政府性基金预算财政拨款收入支出决算表: [18],
      国有资本经营预算财政拨款收入支出决算表: [19],
    });
  });

  it('收入支出决算总表 figures', () => {
    const t = table(report(), '收入支出决算总表');
    expectCells(t, [
      [2, 1, '9746.50'], [2, 3, ''], [3, 1, ''],
      [9, 3, '754.75'], [10, 3, '236.63'], [12, 3, '3845.25'], [19, 3, '4461.67'], [20, 3, '461.08'],
      [26, 1, '9746.50'], [26, 3, '9759.38'], [28, 1, '112.88'], [28, 3, '100.00'],
    ]);
    expect(lastRow(t)).toEqual(['总计', '9859.38', '总计', '9859.38']);
  });

  it('收入决算表 over pages 8–9: wrapped names, last row on page 9', () => {
    const t = table(report(), '收入决算表');
    expect(t.rows).toHaveLength(27);
    expectCells(t, [
      [2, 2, '9746.50'], [2, 3, '9746.50'], [2, 4, ''],
      [3, 0, '208'], [3, 1, '社会保障和就业支出'], [3, 2, '754.75'],
      [7, 0, '2080505'], [7, 1, '机关事业单位基本养老保险缴费支出'], [7, 2, '446.11'],
      [8, 1, '机关事业单位职业年金缴费支出'],
      [14, 0, '212'], [14, 1, '城乡社区支出'], [14, 2, '3832.36'],
      [21, 0, '2200150'], [21, 2, '4416.67'],
    ]);
    expect(lastRow(t)).toEqual(['2210203', '购房补贴', '171.49', '171.49', '', '', '', '', '']);
    expect(pageOfRow(t, 13)).toBe(8);
    expect(pageOfRow(t, 14)).toBe(9);
    expect(pageOfRow(t, 26)).toBe(9);
  });

  it('支出决算表 over pages 10–11', () => {
    const t = table(report(), '支出决算表');
    expect(t.rows).toHaveLength(27);
    expectCells(t, [
      [2, 2, '9759.38'], [2, 3, '5377.64'], [2, 4, '4381.74'], [2, 5, ''],
      [8, 1, '机关事业单位职业年金缴费支出'], [8, 4, '0.00'],
      [9, 1, '其他行政事业单位养老支出'], [9, 2, '0.88'],
      [14, 0, '212'], [14, 2, '3845.24'], [14, 3, '1585.59'], [14, 4, '2259.65'],
      [15, 4, '8.77'], [21, 4, '2077.09'], [22, 3, '0.00'], [22, 4, '45.00'],
    ]);
    expect(lastRow(t)).toEqual(['2210203', '购房补贴', '171.49', '171.49', '0.00', '', '', '']);
    expect(pageOfRow(t, 13)).toBe(10);
    expect(pageOfRow(t, 14)).toBe(11);
  });

  it('财政拨款收入支出决算总表 figures', () => {
    const t = table(report(), '财政拨款收入支出决算总表');
    expectCells(t, [
      [2, 1, '9746.50'], [2, 3, ''],
      [9, 3, '754.75'], [9, 4, '754.75'], [9, 5, ''],
      [12, 3, '3832.36'], [19, 4, '4461.67'], [20, 3, '461.08'],
      [26, 1, '9746.50'], [26, 3, '9746.50'], [26, 4, '9746.50'], [27, 1, ''],
    ]);
    expect(lastRow(t)).toEqual(['总计', '9746.50', '总计', '9746.50', '9746.50', '', '']);
  });

  it('一般公共预算财政拨款支出决算表 over pages 14–15: names wrapped onto 2–3 lines, 合计 on page 15', () => {
    const t = table(report(), '一般公共预算财政拨款支出决算表');
    expect(t.rows).toHaveLength(27);
    const cells: CellSpec[] = [
      [2, 0, '208'], [2, 1, '社会保障和就业支出'], [2, 2, '754.75'], [2, 4, '0.00'],
      [4, 1, '行政单位离退休'],
      [6, 0, '2080505'], [6, 1, '机关事业单位基本养老保险缴费支出'], [6, 2, '446.11'],
      [8, 1, '其他行政事业单位养老支出'], [8, 2, '0.88'],
      [13, 0, '212'], [13, 2, '3832.36'], [13, 3, '1572.70'], [13, 4, '2259.65'],
      [14, 1, '城乡社区管理事务'], [14, 3, '1084.02'], [14, 4, '8.77'],
      [18, 1, '自然资源海洋气象等支出'],
      [21, 1, '其他自然资源事务支出'], [21, 4, '45.00'],
      [23, 0, '22102'], [23, 1, '住房改革支出'],
    ];
    expectCells(t, cells);
    expect(lastRow(t)).toEqual(['合计', null, '9746.50', '5364.75', '4381.74']);
    expect(pageOfRow(t, 22)).toBe(14);
    expect(pageOfRow(t, 23)).toBe(15);
    expect(pageOfRow(t, 26)).toBe(15);
  });

  it('一般公共预算财政拨款基本支出决算表 figures', () => {
    const t = table(report(), '一般公共预算财政拨款基本支出决算表');
    expectCells(t, [
      [1, 2, '4816.14'], [1, 5, '440.90'],
      [2, 2, '537.64'], [2, 5, '84.62'],
      [6, 2, '1594.02'], [7, 2, '446.11'], [7, 5, '18.86'],
      [10, 5, '82.20'], [14, 2, '481.23'], [15, 2, '67.96'],
      [24, 5, '73.19'], [29, 5, '39.76'], [31, 5, '39.76'], [33, 5, '0.00'],
    ]);
    expect(lastRow(t)).toEqual(['人员经费合计', null, '4884.09', '公用经费合计', null, '480.66']);
  });

  it('财政拨款“三公”经费支出决算表 figures', () => {
    const t = table(report(), '财政拨款“三公”经费支出决算表');
    expect(lastRow(t)).toEqual(['2.85', '0.39', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.85', '0.39']);
  });
});

/**
 * Layouts of other producers in ../shared/real and ../shared/real/provinces, each checked on the
 * page where it stands (texts read off the rendered page and pdftotext -layout).
 */
const PROVINCES = join(REAL, 'provinces');
const CHANGCHUN = join(PROVINCES, '吉林长春_市信访局_2026预算.pdf');
const YANTAI = join(PROVINCES, '山东烟台_市财政局_2026预算.pdf');
const JUSTICE = join(REAL, '上海市普陀区司法局2026年单位预算.pdf');

const onPage = (report: Report, page: number) => report.tables.filter((t) => t.pages.includes(page));
const rowOf = (t: ReportTable, first: string) => t.rows.findIndex((row) => row.some((c) => c?.text === first));

describe.skipIf(!existsSync(CHANGCHUN))('real: 长春市信访局 2026 预算 (WPS 文字): figures wrapped inside narrow cells', () => {
  const report = useReport(CHANGCHUN);

  it('预算表5 p.10: "1682.7" over "6" is one figure 1682.76, the row with 总计： one row', () => {
    const [t] = onPage(report(), 10);
    const r = rowOf(t, '总计：');
    expect(t.rows[r].filter((c) => c !== null).map((c) => c!.text)).toEqual(['总计：', '1682.76', '1682.76', '1208.20', '997.20', '211.00', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(t.rows[r + 1].map((c) => c?.text).slice(0, 5)).toEqual(['201', '一般公共服务支出', '1378.41', '1378.41', '903.85']);
    // No row of wrapped fragments: every body row's 合计 is a whole figure to the 分.
    for (const row of t.rows.slice(t.headerRows)) expect(row[2]?.text ?? '').toMatch(/^\d+\.\d\d$/);
  });

  it('every table’s title and 单位 printed in ruled rows inside its frame are its caption, not header rows', () => {
    expect(report().tables.map((t) => t.title.replace(/\s+/g, ''))).toEqual([
      '收支总表（预算表1）',
      '收入总表(预算表2)',
      '支出总表（预算表3）',
      '财政拨款收支总表(预算表4)',
      '本年一般公共预算支出表（预算表5）',
      '本年一般公共预算基本支出表(预算表6)',
      '本年一般公共预算“三公”经费支出表(预算表7)',
      '本年政府性基金预算支出表(预算表8)',
      '项目支出表(预算表9)',
      '国有资本经营预算支出明细表(预算表10)',
      '长春市信访局2026年项目支出绩效目标表预算表（预算表11）',
    ]);
    // (预算表 11 prints no 单位 line: its header says 年度资金总额(万元))
    for (const t of report().tables) {
      expect(t.unit).toBe(t.title.includes('预算表 11') ? null : '万元');
      expect(t.columnHeaders.flat().join('|')).not.toMatch(/预算单位|单位：|预算表/);
    }
  });
});

describe.skipIf(!existsSync(YANTAI) || !existsSync(JUSTICE))('real: 类 | 款 | 项 in three columns without rules between them', () => {
  const yantai = useReport(YANTAI);
  const justice = useReport(JUSTICE);

  it('烟台 一般公共预算支出情况表 p.17: the 类 and 款 printed once, blank under them', () => {
    const t = onPage(yantai(), 17)[0];
    expect(t.title).toBe('一般公共预算支出情况表');
    expect(t.rows[1].slice(0, 3).map((c) => c?.text)).toEqual(['类', '款', '项']);
    const r = rowOf(t, '财政事务');
    expect(t.rows[r - 1].slice(0, 5).map((c) => c?.text)).toEqual(['201', '', '', '一般公共服务支出', '7,231.78']);
    expect(t.rows[r].slice(0, 5).map((c) => c?.text)).toEqual(['', '06', '', '财政事务', '7,231.78']);
    expect(t.rows[r + 1].slice(0, 5).map((c) => c?.text)).toEqual(['', '', '01', '行政运行', '2,990.74']);
  });

  it('司法局 支出预算总表 p.11: the 类 printed on every row, 款 and 项 as two-digit fragments', () => {
    const t = onPage(justice(), 11)[0];
    expect(t.title).toBe('2026年预算单位支出预算总表');
    const r = rowOf(t, '行政运行');
    expect(t.rows[r].map((c) => c?.text)).toEqual(['204', '06', '01', '行政运行', '14,348,853.34', '14,348,853.34', '64,840,547.00']);
    expect(t.rows[r - 1].slice(0, 4).map((c) => c?.text)).toEqual(['204', '06', '', '司法']);
  });
});

const ZHUHAI = join(PROVINCES, '广东珠海_财政局相关单位_2026预算.pdf');

describe.skipIf(!existsSync(ZHUHAI))('real: 珠海 2026 预算 (no rules): wrapped names, figures under multi-line headers', () => {
  const report = useReport(ZHUHAI);

  it('表12 p.18: a name wrapped onto two lines is one row; the figures under 一般公共预算 | 政府性基金预算 | 国有资本经营预算 stay apart', () => {
    const t = onPage(report(), 18).find((x) => x.title.includes('表12'))!;
    const texts = (first: string) => t.rows[rowOf(t, first)].map((c) => c?.text).filter((x) => x !== undefined && x !== null && x !== '');
    expect(texts('珠海市政府投资交通市政项目工务中心')).toEqual(['珠海市政府投资交通市政项目工务中心', '7,552.92', '7,552.92', '736.92', '6,816.00', '0.00', '0.00', '0.00']);
    expect(texts('定额补助经费——运行经费')).toEqual(['定额补助经费——运行经费', '39.71', '39.71', '39.71', '0.00', '0.00', '0.00', '0.00']);
    expect(t.rows.some((row) => row.some((c) => c?.text === '目工务中心'))).toBe(false);
  });
});

const COURT_2017 = join(PROVINCES, '江苏_省高级人民法院_2017预算.pdf');

describe.skipIf(!existsSync(COURT_2017))('real: 江苏 高院 2017 (Word): a table continued without its top rule', () => {
  const report = useReport(COURT_2017);

  it('基本支出预算表 p.16: the first row, above the first rule of the page (30206 电费 235.00), is a row of the table', () => {
    // Word draws the continued part's vertical borders but not the rule above its first row.
    const t = report().tables.find((x) => x.title.includes('一般公共预算基本支出预算表'))!;
    expect(t.pages).toEqual([15, 16]);
    const r = rowOf(t, '电费');
    expect(t.rows[r].map((c) => c?.text)).toEqual(['30206', '电费', '235.00']);
    expect(t.rows[r][0]!.page).toBe(16);
    expect(t.rows[r - 1].map((c) => c?.text)).toEqual(['30205', '水费', '43.60']);
  });
});
