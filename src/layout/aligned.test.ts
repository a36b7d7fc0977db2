/** Cells of a line without rules, when a producer writes several cells as one text run. */
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../pdf/types';
import { chunksOf } from './aligned';

/** A run at x with ½-em ASCII and 1-em CJK advances (10 pt), as the drawn fixtures write it. */
function run(text: string, x: number): TextRun {
  const width = [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 5 : 10), 0);
  return { text, bbox: [x, 100, x + width, 110], fontSize: 10, fontName: 'f', vertical: false };
}

const texts = (runs: TextRun[]) => chunksOf({ page: 1 }, runs).map((c) => c.text);

describe('chunksOf: one run holding several cells', () => {
  it('splits at single spaces beside figures', () => {
    expect(texts([run('合计 1,767.85 1,767.85', 50)])).toEqual(['合计', '1,767.85', '1,767.85']);
  });

  it('splits a header row of words', () => {
    expect(texts([run('项目名称 本年预算 上年预算', 50)])).toEqual(['项目名称', '本年预算', '上年预算']);
  });

  it('keeps a numbering with its label', () => {
    expect(texts([run('一、 一般公共服务支出 612.30 500.00', 50)])).toEqual(['一、一般公共服务支出', '612.30', '500.00']);
    expect(texts([run('（一） 工资福利支出 基本支出 人员经费', 50)])[0]).toBe('（一）工资福利支出');
  });

  it('keeps letter-spaced figures whole', () => {
    expect(texts([run('1 , 7 6 7 . 8 5', 50)])).toEqual(['1,767.85']);
  });

  it('a figure a little apart from its label is a cell of its own; one close by is not', () => {
    expect(texts([run('行政运行', 50), run('612.30', 98)])).toEqual(['行政运行', '612.30']);
    expect(texts([run('增长', 50), run('5.65%', 72)])).toEqual(['增长5.65%']);
  });
});

describe('findAlignedTables: justified prose is not a table', () => {
  it('sentences spread wide by justification stay text', async () => {
    const { findAlignedTables } = await import('./aligned');
    const { groupLines } = await import('./text');
    // Three justified lines whose words stand far apart, with figures among them (seed 004, p. 13).
    const runs: TextRun[] = [
      { ...run('2020 年度收入合计', 50), bbox: [50, 100, 140, 110] },
      { ...run('1767.85', 170), bbox: [170, 100, 205, 110] },
      { ...run('万元，其中：财政拨款收入', 240), bbox: [240, 100, 360, 110] },
      { ...run('2020 年度支出合计', 50), bbox: [50, 120, 140, 130] },
      { ...run('1833.40', 170), bbox: [170, 120, 205, 130] },
      { ...run('万元，其中：基本支出1817.57万元，', 240), bbox: [240, 120, 420, 130] },
      { ...run('项目支出', 50), bbox: [50, 140, 90, 150] },
      { ...run('15.84', 120), bbox: [120, 140, 145, 150] },
      { ...run('万元，占0.86%。', 180), bbox: [180, 140, 260, 150] },
    ];
    const content = { page: 1, width: 595, height: 842, runs, rules: [] };
    expect(findAlignedTables(groupLines(runs, 1), content)).toEqual([]);
  });

  it('a page holding a two-sided table’s header and its first row, one figure in it, is a table; justified prose with one figure is not', async () => {
    const { findAlignedTables } = await import('./aligned');
    const { groupLines } = await import('./text');
    const at = (text: string, x: number, y: number): TextRun => ({ ...run(text, x), bbox: [x, y, x + run(text, x).bbox[2] - x, y + 10] });
    const table = [at('收入', 110, 700), at('支出', 360, 700), at('项目', 80, 720), at('预算数', 190, 720), at('项目', 300, 720), at('预算数', 460, 720)];
    table.push(at('一、一般公共预算拨款收入', 50, 745), at('17270793.00', 180, 745), at('一、一般公共服务支出', 290, 745));
    const content = (runs: TextRun[]) => ({ page: 1, width: 595, height: 842, runs, rules: [] });
    const found = findAlignedTables(groupLines(table, 1), content(table));
    expect(found).toHaveLength(1);
    expect(found[0].rows[found[0].rows.length - 1].map((c) => c?.text ?? '')).toEqual(['一、一般公共预算拨款收入', '17270793.00', '一、一般公共服务支出', '']);
    // (江苏检察院 2018 p. 26: a justified paragraph spread into pieces, its figure followed by 万)
    const prose = [at('行', 60, 100), at('政事', 90, 100), at('业单位离', 140, 100), at('退休', 210, 100), at('（款', 250, 100), at('）：2018', 290, 100), at('年预', 350, 100), at('算支出', 390, 100), at('合计', 450, 100)];
    prose.push(at('1,836.22万元。其中:', 50, 120), at('1．未归口管理行政单位离退休费（项）支出', 60, 140), at('371.92', 330, 140), at('万', 380, 140));
    expect(findAlignedTables(groupLines(prose, 1), content(prose))).toEqual([]);
  });
});

describe('prose whose figures a producer set apart (cairo, print drivers: digits in a font of their own)', () => {
  // 浙江湖州 2026 p. 7 re-drawn: 国防支出 | 16.50 | 万元、教育支出 | 4673.98 | 万元、社会保障和, 4 pt gaps.
  const gapped = (y: number, pieces: string[]) => {
    let x = 60;
    return pieces.map((p) => {
      const r = { ...run(p, x), bbox: [x, y, x + run(p, x).bbox[2] - x, y + 10] as [number, number, number, number] };
      x = r.bbox[2] + 4;
      return r;
    });
  };
  it('a figure keeps its unit and the sentence going on after it', () => {
    expect(texts(gapped(100, ['国防支出', '16.50', '万元、教育支出', '4673.98', '万元、社会保障和']))).toEqual(['国防支出', '16.50万元、教育支出', '4673.98万元、社会保障和']);
    // (a table's figure with a unit word alone after it is still a cell of its own)
    expect(texts(gapped(100, ['行政运行', '612.30', '万元']))).toEqual(['行政运行', '612.30', '万元']);
  });

  it('and such lines are no table', async () => {
    const { findAlignedTables } = await import('./aligned');
    const { groupLines } = await import('./text');
    // The runs as pdf.js reads them from the re-drawn page (16 pt).
    const line = (y: number, pieces: [string, number, number][]): TextRun[] => pieces.map(([text, x0, x1]) => ({ text, bbox: [x0, y, x1, y + 16], fontSize: 16, fontName: 'f', vertical: false }));
    const runs = [
      ...line(313, [['1.', 121.3, 137.3], ['按支出功能分类，包括一般公共服务支出', 137.4, 424.8], ['0.64', 428.7, 460.7], ['万元、', 464.7, 512.6]]),
      ...line(339, [['国防支出', 89.9, 153.8], ['16.50', 157.9, 197.8], ['万元、教育支出', 201.7, 313.2], ['4673.98', 317.3, 373.2], ['万元、社会保障和', 377.2, 504.6]]),
      ...line(365, [['就业支出', 89.9, 153.8], ['3668.49', 157.9, 213.8], ['万元、卫生健康支出', 217.8, 361.2], ['1488.12', 365.2, 421.1], ['万元、农林', 425.1, 504.6]]),
      ...line(391, [['水支出', 89.9, 137.8], ['15.00', 141.8, 181.8], ['万元、交通运输支出', 185.8, 329.2], ['113743.52', 333.2, 405.2], ['万元、住房保', 409.2, 504.7]]),
      ...line(417, [['障支出', 89.9, 137.8], ['2179.85', 141.8, 197.7], ['万元、其他支出', 201.7, 313.5], ['75500.00', 317.6, 381.6], ['万元。', 385.6, 433.5]]),
    ];
    expect(findAlignedTables(groupLines(runs, 1), { page: 1, width: 595, height: 842, runs, rules: [] })).toEqual([]);
  });
});
