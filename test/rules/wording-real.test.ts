/**
 * The wording and consistency rules as a class, on real published disclosures (../shared/real):
 * a comparison sentence's other year, a department's 加挂 names, a 说明 published apart from its
 * tables, a habit written many times — each read the way a reviewer reads it. Skipped when
 * ../shared is absent (the documents are not part of the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Finding, Report } from '../../src/report/types';
import { SHARED } from '../narrative/seed-text';

const REAL = join(SHARED, 'real');
const PROVINCES = join(REAL, 'provinces');

const cache = new Map<string, Promise<Report>>();
function report(path: string): Promise<Report> {
  if (!cache.has(path)) cache.set(path, analyzePdf(new Uint8Array(readFileSync(path)), { fileName: path, env: nodePdfEnvironment() }));
  return cache.get(path)!;
}
const loud = (r: Report, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule && f.severity !== 'info');
const of = (r: Report, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);

const COMMERCE = join(REAL, '上海市普陀区商务委员会25年预算.pdf');
const OFFICE = join(REAL, '上海市普陀区人民政府办公室单位25年预算.pdf');
const JUSTICE = join(REAL, '上海市普陀区司法局2026年单位预算.pdf');
const STREET = join(REAL, '上海市普陀区人民政府万里街道办事处24年预算.pdf');
const JIANGSU_NOTES = join(PROVINCES, '江苏_省委办公厅_2019预算说明.pdf');
const BEIJING = join(PROVINCES, '北京_市交通委员会_2026预算.pdf');
const FINANCE = join(PROVINCES, '上海普陀_区财政局_2025预算.pdf');

describe.skipIf(!existsSync(COMMERCE))('wording and consistency on real Shanghai budgets', { timeout: 240_000 }, () => {
  it('商务委 2025: 与2024年预算持平 is no year error; 加挂 经济委员会 is its own name; 万 for 万元 is one finding with every place', async () => {
    const r = await report(COMMERCE);
    expect(loud(r, 'wording.year')).toEqual([]);
    expect(loud(r, 'wording.department-name')).toEqual([]);
    const unit = loud(r, 'wording.unit');
    expect(unit).toHaveLength(1);
    expect(unit[0].refs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(unit[0].refs.map((x) => x.page))).toEqual(new Set([23, 24, 25, 26]));
  });
  it('区府办 2025: 加挂 …外事办公室 is its own name; the 三公 sentence compares with 2024', async () => {
    const r = await report(OFFICE);
    expect(loud(r, 'wording.year')).toEqual([]);
    expect(loud(r, 'wording.department-name')).toEqual([]);
  });
  it('司法局 2026: the template alternative 增加（减少） (SFJU-01) and the blank 主要原因是。 (SFJU-10) are found; 与2025年预算数持平 is no year error', async () => {
    const r = await report(JUSTICE);
    const f = loud(r, 'wording.placeholder');
    expect(f.map((x) => x.refs.map((y) => [y.page, y.text]))).toEqual([[[6, '增加（减少）']], [[21, '主要原因是']]]);
    expect(loud(r, 'wording.year')).toEqual([]);
  });
  it('万里街道 2024: the template note “本表为空表” under a 三公 table with figures (WL24-02); 名词解释 in 市级 words (WL24-05)', async () => {
    const r = await report(STREET);
    const level = loud(r, 'wording.department-name');
    expect(level).toHaveLength(1);
    expect(level[0].expected).toBe('区级');
    expect(level[0].refs.every((x) => x.page === 5)).toBe(true);
    const f = loud(r, 'consistency.empty-table');
    expect(f).toHaveLength(1);
    expect(f[0].refs[0].page).toBe(31);
    expect(f[0].refs.map((x) => x.text)).toContain('47.91');
  });
});

describe.skipIf(!existsSync(JIANGSU_NOTES))('a 说明 published apart from its tables', { timeout: 240_000 }, () => {
  it('Jiangsu 2019 说明 and Beijing 2026: one info finding for the whole 目录, no warning per table', async () => {
    for (const path of [JIANGSU_NOTES, BEIJING]) {
      const r = await report(path);
      expect(loud(r, 'consistency.toc')).toEqual([]);
      const f = of(r, 'consistency.toc');
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe('info');
      expect(f[0].refs.length).toBeGreaterThanOrEqual(11);
    }
  });
  it('区财政局 2025: the 国有资本经营 table carries the 政府性基金 table’s note; 截至2024年8月31日 in a budget is no error', async () => {
    const r = await report(FINANCE);
    expect(loud(r, 'wording.year')).toEqual([]);
    const f = loud(r, 'consistency.empty-table');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('国有资本经营');
  });
});
