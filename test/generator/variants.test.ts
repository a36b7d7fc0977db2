/**
 * Layout variants read by Gouji (a fixed, seeded subset of `npx tsx test/generator/sweep.ts`):
 * consistent documents drawn in a variant raise no error or warning of the families sum,
 * hierarchy, identity, cross-table and classification; a table typo drawn in a variant is found —
 * the typo cell among the refs of a loud finding (among its suspects when it names suspects) — or
 * its table is one Gouji could not confirm and lists unchecked, raising nothing from it; at least
 * 97 % are found (issue 7's target).
 *
 * READ_TODAY lists the variants the reader reads correctly; a variant it misreads is measured by
 * the sweep only, until the reader is fixed for it (issue 7). Before this session's reader (sweep
 * of 30 documents, prefix 'sweep'): hrules-wrapped 1489 loud (a wrapped name's lines read as rows,
 * the 单位 caption read as a column; typo recall 48 %), wps-split-codes 623 (类 on every row read as
 * the code), whole-yuan 597 (1 元 rounding called errors), filled-rules 70 (行次 read as amounts).
 * Now every variant reads with no loud finding (sweeps of 4–16 documents per variant, 100 % recall).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { describeFinding, loudTableFindings, sweepDocument, typoHits, withLayout } from './evaluate';
import { generateDisclosure, launchBrowser, mutate, renderPdf, type Layout } from './index';

const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';
const READ_TODAY: Layout[] = ['ruled', 'indented-codes', 'wps-split-codes', 'whole-yuan', 'filled-rules', 'hrules-wrapped'];
/** Documents 0–5 of the sweep's 'ci' series: 预算 and 决算, in 万元 and in 元. */
const DOCUMENTS = Array.from({ length: 6 }, (_, i) => sweepDocument('ci', i));
const TYPOS = 60;

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

// Needs headless Chromium to print the generated HTML (.ci/run installs it), like the other generated-document tests.
describe.skipIf(!existsSync(CHROMIUM))('layout variants read by Gouji', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const read = async (html: string, name: string): Promise<Report> => analyzePdf(await renderPdf(html, { browser }), { fileName: name, env: nodePdfEnvironment() });

  const consistent = DOCUMENTS.flatMap((doc) => READ_TODAY.map((layout) => [doc.seed, layout, doc] as const));
  it.each(consistent)('consistent %s drawn %s → no table error or warning', { timeout: 180_000 }, async (seed, layout, doc) => {
    const g = generateDisclosure(seed, withLayout(doc, layout));
    const report = await read(g.html, `${seed}-${layout}.pdf`);
    expect(report.tables.length).toBeGreaterThan(5);
    expect(loudTableFindings(report).map((f) => describeFinding(report, f))).toEqual([]);
  });

  // Every document in every layout over the 60 typos (j and ⌊j/6⌋ step through both lists).
  const typos = Array.from({ length: TYPOS }, (_, j) => [j, READ_TODAY[j % READ_TODAY.length], DOCUMENTS[(j + Math.floor(j / READ_TODAY.length)) % DOCUMENTS.length]] as const);
  // A typo is found (the typo cell among the suspects of a loud finding), or — in a table whose
  // reading Gouji could not confirm — abstained from: the table is listed unchecked and nothing is
  // raised from it. The target: at least 97 % found.
  const missed: string[] = [];
  it.each(typos)('table typo %s drawn %s is found, or its table is listed unchecked', { timeout: 180_000 }, async (j, layout, doc) => {
    const g = generateDisclosure(doc.seed, withLayout(doc, layout));
    const m = mutate(g, `ci-typo-${j}`, { where: 'table' });
    const report = await read(m.html, `${doc.seed}-${layout}-typo${j}.pdf`);
    const mu = m.mutation;
    const what = `${mu.kind} ${mu.oldText} → ${mu.newText} in ${mu.table} / ${mu.row} / ${mu.column}`;
    if (typoHits(report, mu).length > 0) return;
    missed.push(`${j} ${layout}: ${what}`);
    const table = report.tables.find((t) => !!mu.table && t.title.includes(mu.table));
    expect(table, `${what}: missed, and its table was not found`).toBeDefined();
    expect(report.unchecked.map((u) => u.tableId), `${what}: missed, yet its table is not listed unchecked`).toContain(table!.id);
    expect(report.findings.filter((f) => f.severity !== 'info' && f.refs.some((r) => r.tableId === table!.id))).toEqual([]);
  });

  it('at least 97 % of the typos are found', () => {
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(Math.floor(TYPOS * 0.03));
  });
});
