/**
 * Pages whose text holds no figure skip the operator list (ruling lines): the tables and the whole
 * report stay the same, and a cover or 目录 page is really skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { analyzePdf } from '../../src/core/analyze';
import { EXTRACTION_SETTINGS, pageMayHoldTable } from '../../src/pdf/extract';
import { openPdf } from '../../src/pdf/load';
import { nodePdfEnvironment } from '../../src/pdf/node';

const env = nodePdfEnvironment();
const ROOT = join(__dirname, '../..');
const items = (...texts: string[]) => texts.map((str) => ({ str, transform: [1, 0, 0, 1, 0, 0], width: 1, height: 1, dir: 'ltr', fontName: 'f', hasEOL: false })) as TextItem[];

afterEach(() => {
  EXTRACTION_SETTINGS.skipRulesWithoutAmounts = true;
});

describe('pageMayHoldTable', () => {
  it('a cover, a 目录 and prose without figures need no ruling lines', () => {
    expect(pageMayHoldTable(items('上海市某某局', '2024年部门预算', '二〇二四年三月'))).toBe(false);
    expect(pageMayHoldTable(items('目  录', '一、2024年部门收支总表……………………3', '二、部门收入预算表 ......... 12', '- 2 -'))).toBe(false);
    expect(pageMayHoldTable(items('第一部分 部门概况', '一、主要职能', '负责全区财政收支的管理工作。'))).toBe(false);
  });

  it('figures, codes, percentages and table headings need them', () => {
    expect(pageMayHoldTable(items('支出合计'))).toBe(true);
    expect(pageMayHoldTable(items('单位：万元'))).toBe(true);
    expect(pageMayHoldTable(items('行政运行', '1,234.56'))).toBe(true);
    expect(pageMayHoldTable(items('2010301'))).toBe(true);
    expect(pageMayHoldTable(items('职工满意度', '≥95%'))).toBe(true);
    expect(pageMayHoldTable(items('会议费', '１２'))).toBe(true);
    // A ruled table of text only (seed 003's 机构设置情况).
    expect(pageMayHoldTable(items('单位名称', '单位性质', '单位规格', '经费保障形式', '行政', '正科级'))).toBe(true);
  });
});

describe('skipping the operator list', () => {
  it('the sample: the same report with and without skipping, and its cover and 目录 are skipped', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'public/sample.pdf')));
    EXTRACTION_SETTINGS.skipRulesWithoutAmounts = false;
    const all = await analyzePdf(bytes, { fileName: 'sample.pdf', env });
    EXTRACTION_SETTINGS.skipRulesWithoutAmounts = true;
    const skipping = await analyzePdf(bytes, { fileName: 'sample.pdf', env });
    expect({ ...skipping, elapsedMs: 0 }).toEqual({ ...all, elapsedMs: 0 });

    const doc = await openPdf(bytes, env);
    const skipped: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent();
      if (!pageMayHoldTable(text.items as TextItem[])) skipped.push(n);
    }
    await doc.destroy();
    expect(skipped).toContain(1);
    expect(skipped.length).toBeLessThan(all.pages);
    // No table stands on a skipped page.
    expect(all.tables.flatMap((t) => t.pages).filter((p) => skipped.includes(p))).toEqual([]);
  });
});
