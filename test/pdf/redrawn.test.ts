/**
 * What a producer that re-draws a document writes (cairo, print drivers, WPS 表格), read at the
 * extraction stage: glyphs drawn as outlines are no ruling lines, text drawn outside the clip is
 * no text, and a heading whose year and words are two runs over two columns is one heading.
 */
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/load';
import { extractPage } from '../../src/pdf/extract';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { PageContent, RuleLine, TextRun } from '../../src/pdf/types';
import { layoutPage } from '../../src/layout';
import { A4, drawDocument, type Sheet } from '../fixtures/drawn';

const env = nodePdfEnvironment();

async function firstPage(draw: (sheet: Sheet) => void): Promise<PageContent> {
  const { bytes } = await drawDocument([A4], (sheet) => draw(sheet));
  const doc = await openPdf(bytes, env);
  try {
    return await extractPage(env.pdfjs, await doc.getPage(1));
  } finally {
    await doc.destroy();
  }
}

describe('glyphs drawn as outlines', () => {
  it('their bars (一 二 十 drawn as thin rectangles beside curves, in one path) rule nothing; a table’s rules stay', async () => {
    const page = await firstPage((sheet) => {
      for (let k = 0; k < 6; k++) sheet.outlinedGlyph(100 + k * 16, 100, 15);
      sheet.hbar(100, 400, 200);
      sheet.vbar(100, 200, 260);
      sheet.text('合计 12.50', 110, 230);
    });
    // Only the two bars drawn as rules.
    expect(page.rules.map((r) => [r.orientation, Math.round(r.at)])).toEqual([
      ['h', 200],
      ['v', 100],
    ]);
  });
});

describe('text outside the clip', () => {
  it('a spreadsheet cell’s text drawn again above the clip of the page it broke onto is no run; the text inside is', async () => {
    const page = await firstPage((sheet) => {
      sheet.text('单位：万元 12.50', 60, 90);
      sheet.clipped(60, 300, 540, 780, () => {
        sheet.text('职业年金缴费支出887.36万元', 70, 285, { size: 12 });
        // (a line whose glyphs the clip cuts at their foot is still read)
        sheet.text('住房公积金204.91万元', 70, 309, { size: 12 });
        sheet.text('购房补贴268.77万元', 70, 340, { size: 12 });
      });
    });
    const texts = page.runs.map((r) => r.text.replace(/\s+/g, ''));
    expect(texts).toContain('购房补贴268.77万元');
    expect(texts).toContain('住房公积金204.91万元');
    expect(texts).toContain('单位：万元12.50');
    expect(texts.some((t) => t.includes('887.36'))).toBe(false);
  });
});

describe('a heading written as two runs', () => {
  it('2025 | 年预算数 over two columns of a ruled header stays one cell spanning its group', () => {
    // 山东烟台 2026 表7 re-drawn: the year and the words in fonts of their own, the words crossing a column border.
    const h = (at: number, from: number, to: number): RuleLine => ({ orientation: 'h', at, from, to, width: 0.5 });
    const v = (at: number, from: number, to: number): RuleLine => ({ orientation: 'v', at, from, to, width: 0.5 });
    const xs = [45.6, 107.1, 176.4, 237.9, 299.4, 360.9, 422.4];
    const rules = [h(111.8, 45.6, 422.4), h(130.3, 45.6, 422.4), h(176.9, 45.6, 422.4), h(198.1, 45.6, 422.4), v(45.6, 111.8, 198.1), v(422.4, 111.8, 198.1), ...xs.slice(1, -1).map((x) => v(x, 130.3, 198.1))];
    const run = (text: string, x0: number, x1: number, y: number): TextRun => ({ text, bbox: [x0, y, x1, y + 9.4], fontSize: 9.4, fontName: 'f', vertical: false });
    const runs = [
      run('2025', 205.7, 224.6, 117.5),
      run('年预算数', 224.6, 262.3, 117.5),
      ...['合计', '出国费', '车购置', '车运行', '接待费', '会议费'].map((t, k) => run(t, xs[k] + 5, xs[k] + 40, 150)),
      ...['60.40', '10.00', '20.00', '5.40', '15.00', '10.00'].map((t, k) => run(t, xs[k + 1] - 25, xs[k + 1] - 3, 184.6)),
    ];
    const layout = layoutPage({ page: 1, width: 842, height: 595, runs, rules });
    expect(layout.tables).toHaveLength(1);
    const top = layout.tables[0].rows[0];
    expect(top[0]).toMatchObject({ text: '2025年预算数', colSpan: 6 });
  });
});

describe('a page printed small (a sheet fitted onto A4)', () => {
  it('a filled band a quarter of its text’s size thick or more is shading, however few points that is; a thin bar stays a rule', async () => {
    // 江苏检察院 2018 p.14 at 0.7×: its 3.2 pt bands became 2.3 pt beside 7.4 pt text, and split 公开02表 in four.
    const small = await firstPage((sheet) => {
      sheet.text('合计 12.50 基本支出 8.00', 100, 90, { size: 7.4 });
      sheet.fill(100, 100, 400, 102.3);
      sheet.hbar(100, 400, 120, 0.34);
    });
    expect(small.rules.map((r) => Math.round(r.at))).toEqual([120]);
    // The same bands beside 10.5 pt text (as printed): both thin enough to be rules, as before.
    const full = await firstPage((sheet) => {
      sheet.text('合计 12.50 基本支出 8.00', 100, 90, { size: 10.5 });
      sheet.fill(100, 100, 400, 102.3);
      sheet.hbar(100, 400, 120, 0.48);
    });
    expect(full.rules.map((r) => Math.round(r.at)).sort()).toEqual([101, 120]);
  });
});
