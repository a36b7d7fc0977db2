/**
 * Streamed findings: shown before the end only when nothing later can change them. Every streamed
 * finding must be in the final report with the same key, rule, severity, figures and refs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf, assembleReport, readPageLayout, type PageOutcome } from '../../src/core/analyze';
import { StreamingChecker } from '../../src/core/stream';
import { openPdf } from '../../src/pdf/load';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Finding, Report } from '../../src/report/types';

const env = nodePdfEnvironment();
const ROOT = resolve(__dirname, '../..');
const REAL = resolve(ROOT, '../shared/real');
const SEEDS = resolve(ROOT, '../shared/seeds/pdf');

async function pageOutcomes(bytes: Uint8Array): Promise<PageOutcome[]> {
  const doc = await openPdf(bytes, env);
  const out: PageOutcome[] = [];
  for (let n = 1; n <= doc.numPages; n++) out.push(structuredClone(await readPageLayout(doc, n, env.pdfjs)));
  await doc.destroy();
  return out;
}

/** Pages fed in this order; returns each streamed finding with how many pages were in when it came. */
function stream(outcomes: PageOutcome[], order: number[]): { finding: Finding; pagesIn: number }[] {
  return streamed(outcomes, order).got;
}

function streamed(outcomes: PageOutcome[], order: number[]): { got: { finding: Finding; pagesIn: number }[]; checker: StreamingChecker } {
  const got: { finding: Finding; pagesIn: number }[] = [];
  let pagesIn = 0;
  let checked = 0;
  const checker = new StreamingChecker(outcomes.length, ({ findings, tablesChecked }) => {
    expect(tablesChecked).toBeGreaterThan(checked);
    checked = tablesChecked;
    for (const finding of findings) got.push({ finding, pagesIn });
  });
  for (const n of order) {
    pagesIn++;
    checker.add(outcomes[n - 1]);
  }
  return { got, checker };
}

/** The report as the assembler makes it: from the document joined page by page and the tables recognised while streaming. */
function assembled(name: string, outcomes: PageOutcome[], order: number[]): Report {
  const { checker } = streamed(outcomes, order);
  return assembleReport(name, outcomes.length, checker.all(), 0, undefined, { layout: checker.layout(), cache: checker.cache });
}

const timeless = (r: Report) => ({ ...r, elapsedMs: 0 });

const comparable = (f: Finding) => ({ key: f.key, rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual, refs: f.refs, anchor: f.anchor, suspects: f.suspects });

const files = [
  join(ROOT, 'public/sample.pdf'),
  ...(existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(SEEDS, f)) : []),
  ...(existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.pdf')).sort().slice(0, 3).map((f) => join(REAL, f)) : []),
];

describe('streamed findings', () => {
  it.each(files.map((f) => [f.split('/').pop()!, f] as const))('%s: each streamed finding is in the final report, unchanged', async (name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const report = await analyzePdf(bytes, { fileName: name, env });
    const outcomes = await pageOutcomes(bytes);
    const n = outcomes.length;
    const inOrder = stream(outcomes, outcomes.map((o) => o.page));
    const reversed = stream(outcomes, outcomes.map((o) => o.page).reverse());
    const finals = new Map(report.findings.map((f) => [f.key, f]));
    for (const { finding } of [...inOrder, ...reversed]) {
      const final = finals.get(finding.key);
      expect(final, finding.key).toBeDefined();
      expect(comparable(final!)).toEqual(comparable(finding));
    }
    // The report made from the streamed pages' joined tables and recognitions is the one-pass report
    // (two readers: odd pages and even pages interleaved, each a little behind the other)
    const interleaved = outcomes.map((o) => o.page).sort((a, b) => (a % 2) - (b % 2) || a - b);
    for (const order of [outcomes.map((o) => o.page), interleaved]) expect(timeless(assembled(name, outcomes, order))).toEqual(timeless(report));
    // Read in reverse, nothing is final before page 1 is in, and then the whole document is: the
    // final report checks it, nothing is streamed (the same work would be done twice).
    if (n > 1) expect(reversed).toEqual([]);
    // In order, nothing is streamed with the last page either.
    expect(inOrder.every((s) => s.pagesIn < n)).toBe(true);
  }, 120_000);

  it('the sample: a table error on an early page is streamed before the last page is read', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'public/sample.pdf')));
    const outcomes = await pageOutcomes(bytes);
    const got = stream(outcomes, outcomes.map((o) => o.page));
    expect(got.length).toBeGreaterThan(0);
    expect(got[0].pagesIn).toBeLessThan(outcomes.length);
    expect(got[0].finding.severity).toBe('error');
  });
});
