/**
 * Generated disclosures: consistent ones give no table error or warning; copies with one number
 * changed the way typos happen (transposed digits, a changed digit, a value copied from the next
 * row) have the changed number among the refs of an error finding, every time.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { generateDisclosure, launchBrowser, mutate, renderPdf } from '../generator';

const TABLE_FAMILIES = new Set(['sum', 'hierarchy', 'identity', 'cross-table', 'rounding']);
const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

// Needs headless Chromium to print the generated HTML (skipped where it is not installed).
describe.skipIf(!existsSync(CHROMIUM))('generated disclosures', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const analyze = async (html: string, name: string): Promise<Report> =>
    analyzePdf(await renderPdf(html, { browser }), { fileName: name, env: nodePdfEnvironment() });

  const tableProblems = (r: Report) => r.findings.filter((f) => f.severity !== 'info' && TABLE_FAMILIES.has(f.family ?? ''));

  it.each([
    [11, '万元'],
    [12, '元'],
    [13, '万元'],
    [14, '元'],
    [15, '万元'],
  ] as const)('consistent document seed %s (%s) → no table error or warning', { timeout: 120_000 }, async (seed, unit) => {
    const g = generateDisclosure(seed, { unit });
    const report = await analyze(g.html, `gen-${seed}.pdf`);
    expect(report.tables.length).toBeGreaterThan(5);
    expect(tableProblems(report).map((f) => f.message)).toEqual([]);
  });

  it.each([
    [31, '万元'],
    [32, '元'],
  ] as const)('consistent 决算 (公开01–09表) seed %s (%s) → no table error or warning', { timeout: 120_000 }, async (seed, unit) => {
    const g = generateDisclosure(seed, { kind: '决算', unit });
    const report = await analyze(g.html, `final-${seed}.pdf`);
    expect(report.tables.filter((t) => t.type).length).toBeGreaterThanOrEqual(8);
    expect(tableProblems(report).map((f) => f.message)).toEqual([]);
  });

  it.each([
    [21, '预算'],
    [22, '预算'],
    [23, '预算'],
    [24, '预算'],
    [25, '预算'],
    [26, '预算'],
    [41, '决算'],
    [42, '决算'],
    [43, '决算'],
    [44, '决算'],
  ] as const)('mutated table number (seed %s, %s) is found by an error finding', { timeout: 120_000 }, async (seed, kind) => {
    const g = generateDisclosure(seed, { kind, unit: seed % 2 ? '万元' : '元' });
    const m = mutate(g, seed, { where: 'table' });
    const report = await analyze(m.html, `mut-${seed}.pdf`);
    const hit = report.findings.filter((f) => f.severity === 'error' && f.refs.some((r) => r.role !== 'text' && r.text.replace(/,/g, '') === m.mutation.newText.replace(/,/g, '')));
    expect(hit.length, `${m.mutation.kind} ${m.mutation.oldText} → ${m.mutation.newText} in ${m.mutation.table}`).toBeGreaterThan(0);
  });
});
