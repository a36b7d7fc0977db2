/**
 * The real documents: every table inconsistency found by hand in ../shared (seeds and the
 * published 普陀区 决算) is reported, with the suspicious figure among the finding's refs.
 * Skipped when ../shared is absent (the documents are not part of the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Finding, Report, Severity } from '../../src/report/types';

const SHARED = join(__dirname, '..', '..', '..', 'shared');
const SEEDS = join(SHARED, 'seeds', 'pdf');
const REAL = join(SHARED, 'real', '上海市普陀区规划和自然资源局 2024 年度部门决算.pdf');
const TABLE_FAMILIES = new Set(['sum', 'hierarchy', 'identity', 'cross-table', 'rounding']);

const cache = new Map<string, Promise<Report>>();
function report(path: string): Promise<Report> {
  if (!cache.has(path)) cache.set(path, analyzePdf(new Uint8Array(readFileSync(path)), { fileName: path, env: nodePdfEnvironment() }));
  return cache.get(path)!;
}

const num = (t: string) => t.replace(/[,\s]/g, '');
/** Table findings of a severity whose refs include every given figure. */
function findingsWith(r: Report, severity: Severity, ...texts: string[]): Finding[] {
  return r.findings.filter((f) => f.severity === severity && TABLE_FAMILIES.has(f.family ?? '') && texts.every((t) => f.refs.some((x) => num(x.text) === t)));
}

describe.skipIf(!existsSync(SEEDS))('seed documents', { timeout: 120_000 }, () => {
  it('000: the 财政拨款收支预算表 printed without its rows — 支出合计 6220.67 adds up nothing', async () => {
    const r = await report(join(SEEDS, '000_8273a81b5d7a2812.pdf'));
    const f = findingsWith(r, 'error', '6220.67').filter((x) => x.rule === 'sum.rows');
    expect(f.length).toBe(1);
    expect(f[0].refs[0].text).toBe('6220.67');
    // Its other columns are the same problem, grouped under it.
    const grouped = r.findings.filter((x) => x.group === f[0].id);
    expect(grouped.length).toBeGreaterThanOrEqual(2);
    // …named as the list shows it (its page), never by an id the list does not show.
    for (const g of grouped) {
      expect(g.message).toContain(`与第 ${f[0].refs[f[0].anchor].page} 页所列另一问题`);
      expect(g.message + g.messageEn).not.toMatch(/\bf\d+\b/);
    }
    // The project performance table (p.23) printed 沁阳市社会医疗保险中心 5014.08 over projects whose
    // amounts are partly left blank (wrapped names, the last project without a figure): with more
    // than one blank item the sum cannot be judged, so it is no longer reported as a guess.
    expect(findingsWith(r, 'warning', '5014.08')).toEqual([]);
  });

  it('001: 人员经费 998.13 ≠ 301 + 303, and the 尾差 of 万元 rounding', async () => {
    const r = await report(join(SEEDS, '001_4cd56771f99f2713.pdf'));
    expect(findingsWith(r, 'warning', '998.13', '205.53', '784.92')).toHaveLength(1);
    expect(findingsWith(r, 'info', '1120.81', '1120.82').length).toBeGreaterThan(0);
    expect(findingsWith(r, 'info', '1172.36', '998.12', '12.39', '161.84')).toHaveLength(1);
    expect(findingsWith(r, 'info', '958.98', '946.58', '12.39')).toHaveLength(1);
    // 表1/表4 list 商品和服务支出 20.06 under 人员经费和公用经费; the basic table's 302 is 20.07.
    expect(findingsWith(r, 'info', '20.06', '20.07')).toHaveLength(2);
    expect(r.findings.filter((f) => f.severity === 'error' && TABLE_FAMILIES.has(f.family ?? ''))).toEqual([]);
  });

  it('002: the 财政拨款收支总表 lists 教育支出 12000.00 and 卫生健康支出 4630775.19; the detail table has no 205 and 210 = 4642775.19', async () => {
    const r = await report(join(SEEDS, '002_acf73162fca111cf.pdf'));
    const edu = findingsWith(r, 'error', '12000.00');
    expect(edu).toHaveLength(1);
    expect(edu[0].refs[0].text).toBe('12000.00');
    const health = findingsWith(r, 'error', '4630775.19', '4642775.19');
    expect(health).toHaveLength(1);
    expect(health[0].refs[0].text).toBe('4630775.19');
    expect(health[0].difference).toBe('12000.00');
  });

  it('003: consistent tables (department and unit copies agree) give no table error or warning', async () => {
    const r = await report(join(SEEDS, '003_de9632e190c788f1.pdf'));
    expect(r.findings.filter((f) => f.severity !== 'info' && TABLE_FAMILIES.has(f.family ?? ''))).toEqual([]);
    expect(r.tables.filter((t) => t.type === 'IncomeExpenditureSummary').length).toBe(2);
  });

  it('004: 公开03/05表 合计 1833.40 vs 1817.57 + 15.84 is a 尾差', async () => {
    const r = await report(join(SEEDS, '004_ead4dcb7dad5d379.pdf'));
    expect(findingsWith(r, 'info', '1833.40', '1817.57', '15.84').length).toBe(2);
    expect(findingsWith(r, 'info', '1817.57', '121.85', '1695.71').length).toBe(2);
    expect(r.findings.filter((f) => f.severity === 'error' && TABLE_FAMILIES.has(f.family ?? ''))).toEqual([]);
    expect(r.tables.map((t) => t.type).slice(0, 9)).toEqual([
      'IncomeExpenditureSummary', 'IncomeSummary', 'ExpenditureSummary', 'FiscalAppropriationSummary', 'GeneralBudgetExpenditure',
      'GeneralBudgetBasicExpenditure', 'ThreePublicExpenses', 'GovernmentFundExpenditure', 'StateCapitalExpenditure',
    ]);
  });
});

describe.skipIf(!existsSync(REAL))('published 普陀区 决算', { timeout: 120_000 }, () => {
  it('reports the 0.01 differences between the 收支总表 and the detail tables, 302 ≠ Σ302xx and 人员经费合计 as 尾差', async () => {
    const r = await report(REAL);
    expect(findingsWith(r, 'info', '236.63', '236.64').length).toBe(2);
    expect(findingsWith(r, 'info', '3845.25', '3845.24')).toHaveLength(1);
    expect(findingsWith(r, 'info', '440.90', '84.62')).toHaveLength(1);
    expect(findingsWith(r, 'info', '4884.09', '4816.14', '67.96')).toHaveLength(1);
    expect(findingsWith(r, 'info', '9746.50', '754.75', '236.63').length).toBeGreaterThan(0);
    expect(findingsWith(r, 'info', '3832.36', '1572.70', '2259.65')).toHaveLength(1);
  });
});
