/**
 * The full layout sweep: N consistent documents × every layout variant, and M table typos spread
 * over the variants, each printed by one headless Chromium and read by Gouji (analyzePdf, as the
 * CLI does). Prints, per variant: loud findings of the table families on consistent documents (by
 * rule) and typo recall (the typo cell among the refs of a loud finding; among its suspects when
 * the finding names suspects).
 *
 *   npx tsx test/generator/sweep.ts [--docs 30] [--typos 300] [--layouts ruled,whole-yuan]
 *                                   [--prefix sweep] [--json scratch/sweep.json] [--pdf DIR]
 *                                   [--only consistent|typos]
 *
 * CPU heavy (≈ 5–10 s per document): 30 × 6 + 300 ≈ 480 PDFs. PDFs are written only with --pdf
 * (never commit them). --json writes every finding and every miss for a closer look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { describeFinding, loudTableFindings, sweepDocument, typoHits, withLayout } from './evaluate';
import { generateDisclosure, mutate } from './index';
import { LAYOUTS, type Layout } from './model';
import { launchBrowser, renderPdf } from './pdf';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const docs = Number(arg('docs') ?? 30);
const typos = Number(arg('typos') ?? 300);
const prefix = arg('prefix') ?? 'sweep';
const layouts = (arg('layouts')?.split(',') ?? LAYOUTS) as Layout[];
const jsonOut = arg('json');
const pdfDir = arg('pdf');
/** Run only one half: 'consistent' or 'typos' (the typos still use the first --docs documents' seeds). */
const only = arg('only');
for (const l of layouts) if (!LAYOUTS.includes(l)) throw new Error(`unknown layout ${l} (one of ${LAYOUTS.join(', ')})`);
if (pdfDir) mkdirSync(pdfDir, { recursive: true });

interface VariantStats {
  documents: number;
  documentsWithLoud: number;
  loudByRule: Record<string, number>;
  /** Loud findings of the other families (narrative, consistency, wording) on the consistent documents. */
  otherLoudByRule: Record<string, number>;
  documentsWithOtherLoud: number;
  typos: number;
  found: number;
  failures: number;
}
const stats = new Map<Layout, VariantStats>(layouts.map((l) => [l, { documents: 0, documentsWithLoud: 0, loudByRule: {}, otherLoudByRule: {}, documentsWithOtherLoud: 0, typos: 0, found: 0, failures: 0 }]));
const details: { consistent: unknown[]; typoRuns: unknown[] } = { consistent: [], typoRuns: [] };

const browser = await launchBrowser();
const env = nodePdfEnvironment();
const started = Date.now();
const read = async (html: string, name: string): Promise<Report> => {
  const pdf = await renderPdf(html, { browser });
  if (pdfDir) writeFileSync(join(pdfDir, name), pdf);
  return analyzePdf(pdf, { fileName: name, env });
};
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;

try {
  // Consistent documents × every variant.
  for (let i = 0; i < (only === 'typos' ? 0 : docs); i++) {
    const doc = sweepDocument(prefix, i);
    for (const layout of layouts) {
      const s = stats.get(layout)!;
      const g = generateDisclosure(doc.seed, withLayout(doc, layout));
      const name = `${doc.seed}-${layout}.pdf`;
      let report: Report;
      try {
        report = await read(g.html, name);
      } catch (e) {
        s.failures++;
        console.log(`${name}: ${(e as Error).message}`);
        continue;
      }
      s.documents++;
      const loud = loudTableFindings(report);
      if (loud.length > 0) s.documentsWithLoud++;
      for (const f of loud) s.loudByRule[f.rule] = (s.loudByRule[f.rule] ?? 0) + 1;
      // The narrative and wording checks read the same tables: a misread there shows as their false alarms.
      const other = report.findings.filter((f) => f.severity !== 'info' && !loud.includes(f));
      if (other.length > 0) s.documentsWithOtherLoud++;
      for (const f of other) s.otherLoudByRule[f.rule] = (s.otherLoudByRule[f.rule] ?? 0) + 1;
      details.consistent.push({ file: name, seed: doc.seed, options: withLayout(doc, layout), unchecked: report.unchecked.length, loud: loud.map((f) => describeFinding(report, f)), otherLoud: other.map((f) => describeFinding(report, f)) });
      console.log(`[${elapsed()}] consistent ${name} (${g.model.kind}, ${g.model.unit}): ${loud.length} loud${other.length ? `, ${other.length} loud of other families` : ''}`);
    }
  }
  // Table typos spread over the variants and the documents.
  for (let j = 0; j < (only === 'consistent' ? 0 : typos); j++) {
    const layout = layouts[j % layouts.length];
    const doc = sweepDocument(prefix, Math.floor(j / layouts.length) % Math.max(docs, 1));
    const s = stats.get(layout)!;
    const g = generateDisclosure(doc.seed, withLayout(doc, layout));
    const m = mutate(g, `${prefix}-typo-${j}`, { where: 'table' });
    const name = `${doc.seed}-${layout}-typo${j}.pdf`;
    let report: Report;
    try {
      report = await read(m.html, name);
    } catch (e) {
      s.failures++;
      console.log(`${name}: ${(e as Error).message}`);
      continue;
    }
    s.typos++;
    const hits = typoHits(report, m.mutation);
    if (hits.length > 0) s.found++;
    const mu = m.mutation;
    const what = `${mu.kind} ${mu.oldText} → ${mu.newText} in ${mu.table} / ${mu.row}${mu.code ? ` (${mu.code})` : ''} / ${mu.column}`;
    details.typoRuns.push({ file: name, layout, mutation: what, found: hits.length > 0, hits: hits.map((f) => describeFinding(report, f)), loud: hits.length ? [] : loudTableFindings(report).map((f) => describeFinding(report, f)) });
    console.log(`[${elapsed()}] typo ${name}: ${hits.length > 0 ? 'found' : 'MISSED'} — ${what}`);
  }
} finally {
  await browser.close();
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
console.log(`\nLayout sweep: ${docs} documents × ${layouts.length} variants, ${typos} table typos (prefix ${prefix}, ${elapsed()})\n`);
console.log('variant           consistent  with loud  loud findings  other families  typos  found  recall');
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
for (const [layout, s] of stats) {
  const other = `${total(s.otherLoudByRule)} in ${s.documentsWithOtherLoud}`;
  console.log(`${layout.padEnd(17)} ${String(s.documents).padStart(10)} ${String(s.documentsWithLoud).padStart(10)} ${String(total(s.loudByRule)).padStart(14)} ${other.padStart(15)} ${String(s.typos).padStart(6)} ${String(s.found).padStart(6)}  ${pct(s.found, s.typos)}${s.failures ? `  (${s.failures} unreadable)` : ''}`);
}
console.log('\nLoud findings on consistent documents, by rule:');
for (const [layout, s] of stats) {
  const rules = Object.entries(s.loudByRule).sort((a, b) => b[1] - a[1]);
  const others = Object.entries(s.otherLoudByRule).sort((a, b) => b[1] - a[1]);
  console.log(`  ${layout}: ${rules.length ? rules.map(([r, n]) => `${r} ${n}`).join(', ') : 'none'}${others.length ? `; other families: ${others.map(([r, n]) => `${r} ${n}`).join(', ')}` : ''}`);
}
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ docs, typos, prefix, layouts, stats: Object.fromEntries(stats), ...details }, null, 1));
  console.log(`\ndetails: ${jsonOut}`);
}
