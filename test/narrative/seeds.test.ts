/**
 * The real documents: every narrative inconsistency found by hand in ../shared (the five seeds
 * and the published 普陀区 决算) is reported by the narrative, classification and wording rules,
 * with the suspicious figure among the refs — and nothing else is raised as an error.
 * Skipped when ../shared is absent (the documents are not part of the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Finding, Report, Severity } from '../../src/report/types';
import { readNarrative } from '../../src/recognize/narrative';
import { recognizeTables } from '../../src/recognize/tables';
import { documentInfo } from '../../src/report/build';
import { RULES } from '../../src/rules/registry';
import { hasShared, SHARED, seedLayout } from './seed-text';

const SEEDS = join(SHARED, 'seeds', 'pdf');
const REAL = join(SHARED, 'real', '上海市普陀区规划和自然资源局 2024 年度部门决算.pdf');
const MINE = /^(narrative|classification|consistency|wording)\./;

const cache = new Map<string, Promise<Report>>();
function report(path: string): Promise<Report> {
  if (!cache.has(path)) cache.set(path, analyzePdf(new Uint8Array(readFileSync(path)), { fileName: path, env: nodePdfEnvironment() }));
  return cache.get(path)!;
}

const mine = (r: Report) => r.findings.filter((f) => MINE.test(f.rule));
const num = (t: string) => t.replace(/[,\s]|万元|万|元/g, '');
/** Findings of a rule and severity whose refs include every given text (numbers compared without units). */
function find(r: Report, rule: string, severity: Severity, ...texts: string[]): Finding[] {
  return mine(r).filter((f) => f.rule === rule && f.severity === severity && texts.every((t) => f.refs.some((x) => num(x.text) === num(t) || x.text.includes(t))));
}
const errors = (r: Report) => mine(r).filter((f) => f.severity === 'error');

describe.skipIf(!existsSync(SEEDS))('narrative findings on the seeds', { timeout: 180_000 }, () => {
  it('000: 政府性基金 “增加36万元，增长100%” is a growth rate on a zero base (a warning: the rate is undefined, the figures agree)', async () => {
    const r = await report(join(SEEDS, '000_8273a81b5d7a2812.pdf'));
    const f = find(r, 'narrative.growth', 'warning', '100%', '36');
    expect(f).toHaveLength(1);
    expect(f[0].refs[0].text).toBe('100%');
    expect(errors(r)).toEqual([]);
    // the 目录 lists 15 tables; 部门收入预算表, 一般公共预算支出预算表, 支出经济分类汇总表, 国有资本经营支出预算表 are not in the document
    expect(find(r, 'consistency.toc', 'warning').map((f) => f.expected)).toEqual(['部门收入预算表', '一般公共预算支出预算表', '支出经济分类汇总表', '国有资本经营支出预算表']);
  });

  it('001: 政府经济分类 501+502+505+509 = 1172.36 ≠ 1010.52; the coded function list leaves out 2101301 5.00, which the table prints (an info, not a fault); 公务员医疗救助 (2101103)', async () => {
    const r = await report(join(SEEDS, '001_4cd56771f99f2713.pdf'));
    expect(find(r, 'narrative.components', 'error', '1010.52', '129.39', '17.24', '235.81', '789.92')).toHaveLength(1);
    // its 其中 list names 9 of the table's 10 项: the one it leaves out, 2101301 城乡医疗救助 5, is the whole difference
    const partial = find(r, 'narrative.components', 'info', '1172.36', '19.08', '32.34', '5');
    expect(partial.map((f) => /2101301 城乡医疗救助.*数字无误/.test(f.message))).toEqual([true]);
    expect(find(r, 'narrative.components', 'warning')).toEqual([]);
    expect(find(r, 'classification.code-name', 'warning', '公务员医疗救助')).toHaveLength(1);
    expect(find(r, 'narrative.table', 'warning', '1010.52')).toHaveLength(1);
    // 对个人和家庭的补助 789.92: 较上年减少 6580.08 (303) but 6570.08 (509)
    expect(find(r, 'narrative.same-change', 'warning', '6580.08', '6570.08')).toHaveLength(1);
    expect(errors(r).map((f) => f.rule)).toEqual(['narrative.components']);
  });

  it('002: template instructions left in the 目录 and the performance tables; nothing else', async () => {
    const r = await report(join(SEEDS, '002_acf73162fca111cf.pdf'));
    expect(find(r, 'wording.placeholder', 'warning', '格式不得随意改变')).toHaveLength(1);
    expect(find(r, 'wording.placeholder', 'warning', '可选择填写').length).toBeGreaterThan(0);
    // the 目录 table lists 表1–表15; 表1, 表2, 表3, 表11 (空表) and 表12 are not in the document
    expect(find(r, 'consistency.toc', 'warning')).toHaveLength(5);
    expect(errors(r)).toEqual([]);
  });

  it('003: 一般公共预算收入 9073.6893 万元 in the 说明 vs 90816893.00 元 in the 收支总表 (in the department and the unit 说明)', async () => {
    const r = await report(join(SEEDS, '003_de9632e190c788f1.pdf'));
    const f = find(r, 'narrative.table', 'warning', '9073.6893', '90816893.00');
    expect(f.length).toBeGreaterThanOrEqual(1);
    // the engine puts the table cell both findings share first; the narrative figure is among the refs
    expect(f[0].refs.some((x) => x.role === 'text' && x.text.includes('9073.6893'))).toBe(true);
    // 项目支出 “主要为 … 医疗保障管理事务32万元” vs the 项目支出 column of 21015: 3330000.00 元 = 333 万元
    expect(find(r, 'narrative.table', 'warning', '32', '3330000.00').length).toBeGreaterThanOrEqual(1);
    expect(errors(r)).toEqual([]);
  });

  it('004: 企业改革补助（款）under 卫生健康支出（类）; 收入合计 23174.70 vs 1767.85; 1817.56 vs 1817.57 (尾差); 于于, 反映反映', async () => {
    const r = await report(join(SEEDS, '004_ead4dcb7dad5d379.pdf'));
    expect(find(r, 'classification.path', 'error', '卫生健康支出', '企业改革补助')).toHaveLength(1);
    expect(find(r, 'narrative.table', 'error', '23174.70', '1,767.85')).toHaveLength(1);
    expect(find(r, 'narrative.table', 'info', '1817.56', '1,817.57')).toHaveLength(1);
    expect(find(r, 'wording.doubled', 'warning', '于于')).toHaveLength(1);
    expect(find(r, 'wording.doubled', 'warning', '反映反映')).toHaveLength(1);
    expect(errors(r).map((f) => f.rule).sort()).toEqual(['classification.path', 'narrative.table']);
  });
});

// The same documents read from their extracted text (../shared/seeds/txt), independent of the PDF layout.
describe.skipIf(!hasShared)('narrative findings on the seeds’ text', () => {
  const ruleOf = (id: string) => RULES.find((r) => r.id === id)!;
  const ctxOf = (name: string) => {
    const layout = seedLayout(name);
    const document = documentInfo(layout);
    return { layout, document, tables: recognizeTables(layout.tables), readings: [], narrative: readNarrative(layout.paragraphs, { year: document.year, kind: document.kind }) };
  };
  it('004: 支出合计 1833.40 vs 1817.57 + 15.84 = 1833.41 is a 尾差', () => {
    const f = ruleOf('narrative.components').check(ctxOf('004_ead4dcb7dad5d379'));
    expect(f.filter((x) => x.severity === 'info' && x.message.includes('1817.57 + 15.84 = 1833.41'))).toHaveLength(1);
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
  });
  it('001: the function list leaves out 2101301 (5.00, as the table shows) and the 政府经济分类 list exceeds 1010.52', () => {
    const f = ruleOf('narrative.components').check(ctxOf('001_4cd56771f99f2713'));
    expect(f.map((x) => `${x.severity} ${x.expected} ${x.actual}`)).toEqual(['info 1172.36 1167.36', 'error 1010.52 1172.36']);
    expect(f[0].message).toContain('2101301');
  });
});

describe.skipIf(!existsSync(REAL))('narrative findings on the published 普陀区 决算', { timeout: 180_000 }, () => {
  it('finds the 99.86% and 95.45% cut instead of rounded (末位取舍), 增长 13.95 without %, 下降（增长）, the 基本支出 and 人员经费 that differ from the tables, the 款 names and the department names', async () => {
    const r = await report(REAL);
    // 9746.50 ÷ 9759.38 = 99.868% → 99.87%, printed cut to 99.86%: reported as 末位取舍 (info)
    expect(find(r, 'narrative.share', 'info', '99.86%', '9746.50', '9759.38').filter((f) => f.message.includes('末位取舍'))).toHaveLength(1);
    // 9746.50 ÷ 10210.34 = 95.457% → 95.46%, printed cut to 95.45%: 末位取舍 (info)
    expect(find(r, 'narrative.completion', 'info', '95.45%', '9746.50', '10210.34').filter((f) => f.message.includes('末位取舍'))).toHaveLength(1);
    expect(find(r, 'wording.percent-sign', 'warning', '13.95')).toHaveLength(1);
    expect(find(r, 'wording.placeholder', 'warning', '下降（增长）')).toHaveLength(1);
    // 一般公共预算财政拨款基本支出 5377.64 (the 支出决算表 all-funds figure) vs 5364.75; 人员经费 4896.98 vs 4884.09
    expect(find(r, 'narrative.table', 'error', '5377.64', '5364.75')).toHaveLength(1);
    expect(find(r, 'narrative.table', 'error', '4896.98', '4884.09')).toHaveLength(1);
    expect(find(r, 'classification.path', 'warning', '住房保障支出').length).toBe(2);
    expect(find(r, 'classification.path', 'warning', '其他国土资源事务支出')).toHaveLength(1);
    expect(find(r, 'wording.department-name', 'warning', '上海市规划和自然资源局').length).toBeGreaterThan(0);
    expect(find(r, 'wording.department-name', 'warning', '上海市普陀区规划与自然资源局').length).toBeGreaterThan(0);
    expect(find(r, 'wording.unit', 'warning', '0.39万')).toHaveLength(1);
    // 122.43 + 1387.72 + 809.07 = 2319.22 vs 2319.21: 尾差
    expect(find(r, 'narrative.components', 'info', '2319.21', '122.43')).toHaveLength(1);
    expect(errors(r).map((f) => f.rule).sort()).toEqual(['narrative.table', 'narrative.table']);
  });
});

const BUDGETS = join(SHARED, 'real');
const WANLI = join(BUDGETS, '上海市普陀区人民政府万里街道办事处24年预算.pdf');
const SIFA = join(BUDGETS, '上海市普陀区司法局2026年单位预算.pdf');
const SHANGWU = join(BUDGETS, '上海市普陀区商务委员会25年预算.pdf');
const loud = (r: Report) => mine(r).filter((f) => f.severity !== 'info' && f.rule.startsWith('narrative.'));

describe.skipIf(!existsSync(WANLI) || !existsSync(SIFA) || !existsSync(SHANGWU))('narrative findings on the published 普陀区 budgets (answer key: budgets-2024-2026.json)', { timeout: 180_000 }, () => {
  it('万里街道: each 项 meets its own row, 执行数 meets nothing; finds 352.67 vs 350.35 (WL24-01) and checks each rate against its two figures', async () => {
    const r = await report(WANLI);
    // WL24-01: “2024年预算安排352.67万元” vs 2210201 3,503,499 元 (the heading's 350.35 agrees with the
    // table, and the rate 0.53% = (350.35 − 348.52) ÷ 348.52 fits the heading: not a second finding)
    expect(find(r, 'narrative.table', 'warning', '352.67', '3,503,499')).toHaveLength(1);
    // WL24-08 (borderline): 增加100.00% from an 执行数 of 0.00 — a warning
    expect(find(r, 'narrative.growth', 'warning', '100.00%', '25.00', '0.00')).toHaveLength(1);
    // WL24-04: 地上建筑面积为8013平方米（其中计容面积7998平方米，不计容面积105平方米）: 7998 + 105 = 8103 > 8013
    expect(find(r, 'narrative.components', 'error', '8013', '7998', '105')).toHaveLength(1);
    // nothing else: no 执行数 (last year's basis) meets this year's tables, no 项 meets its 类's row,
    // and 预留给小微企业 465.49 of 664.98 is a part
    expect(loud(r)).toHaveLength(3);
  });

  it('司法局: wrong rates (SFJU-02, -05) and current figures that contradict the 项 heading and the table (SFJU-03, -04); 2.27% is not wrong (SFJU-14)', async () => {
    const r = await report(SIFA);
    expect(find(r, 'narrative.growth', 'error', '1.10%', '1434.89', '1690.69')).toHaveLength(1);
    expect(find(r, 'narrative.growth', 'error', '21.74%', '241.76')).toHaveLength(1);
    expect(find(r, 'narrative.table', 'error', '57.8', '561,240.00')).toHaveLength(1);
    expect(find(r, 'narrative.table', 'error', '170.03', '2,070,000.00')).toHaveLength(1);
    expect(loud(r).filter((f) => f.refs.some((x) => x.text.includes('2.27%') || x.text.includes('22.22%') || x.text.includes('93.51%')))).toEqual([]);
  });

  it('商务委: a closing 合计 of a project’s budget is its total, not one more item', async () => {
    const r = await report(SHANGWU);
    expect(mine(r).filter((f) => f.rule === 'narrative.components' && f.severity === 'error')).toEqual([]);
  });
});

const PROVINCES = join(SHARED, 'real', 'provinces');
const RENDA18 = join(PROVINCES, '江苏_省人大办公厅_2018预算.pdf');
const CHANGCHUN = join(PROVINCES, '吉林长春_市信访局_2026预算.pdf');
const YANTAI = join(PROVINCES, '山东烟台_市财政局_2026预算.pdf');

describe.skipIf(!existsSync(RENDA18) || !existsSync(CHANGCHUN) || !existsSync(YANTAI))('narrative findings on published documents of other provinces', { timeout: 180_000 }, () => {
  it('江苏人大办公厅 2018: “政府性基金收入预算0万元” meets the income side of the 收支预算总表, not 单位预留机动经费 1685.72 printed beside it; the 1312.56 % (1212.56 %) stays', async () => {
    const r = await report(RENDA18);
    expect(loud(r).filter((f) => f.rule === 'narrative.table')).toEqual([]);
    expect(find(r, 'narrative.growth', 'error', '1312.56%')).toHaveLength(1);
  });
  it('长春信访局 2026: of four 固定资产 shares pressed to 100 %, 7.90 % (7.80) and 0.26 % (0.35) are wrong — the whole, not printed under that name, is the parts’ sum 4295.98', async () => {
    const r = await report(CHANGCHUN);
    const shares = loud(r).filter((f) => f.rule === 'narrative.share');
    expect(shares.map((f) => `${f.actual} ${f.expected}`).sort()).toEqual(['0.26% 0.35%', '7.90% 7.80%']);
  });
  it('烟台 2026: “涉及一级预算项目6个” is not compared with the 12 rows of the 项目支出表 (7 names, some twice)', async () => {
    const r = await report(YANTAI);
    expect(mine(r).filter((f) => f.rule === 'narrative.counts')).toEqual([]);
  });
});
