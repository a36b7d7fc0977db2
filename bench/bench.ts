/**
 * `npm run bench`: pages per second for extraction + layout (+ checks) on the seed PDFs (when
 * ../shared is present), the committed fixtures and a generated 200-page document, against raw
 * pdf.js (getTextContent + getOperatorList only) on the same files. Target: ≤ 1.5× raw pdf.js.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { extractDocument } from '../src/core/analyze';
import { buildLayout } from '../src/layout';
import { openPdf } from '../src/pdf/load';
import { nodePdfEnvironment } from '../src/pdf/node';
import { checkLayout } from '../src/rules/engine';

const env = nodePdfEnvironment();
const ROOT = resolve(import.meta.dirname, '..');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function rawPdfjs(bytes: Uint8Array): Promise<number> {
  const t0 = performance.now();
  const doc = await openPdf(bytes, env);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await Promise.all([page.getTextContent(), page.getOperatorList()]);
    page.cleanup();
  }
  await doc.destroy();
  return performance.now() - t0;
}

async function gouji(bytes: Uint8Array, name: string): Promise<{ extract: number; layout: number; checks: number; pages: number }> {
  const t0 = performance.now();
  const pages = await extractDocument(bytes, { fileName: name, env });
  const t1 = performance.now();
  const layout = buildLayout(pages);
  const t2 = performance.now();
  checkLayout(layout);
  const t3 = performance.now();
  return { extract: t1 - t0, layout: t2 - t1, checks: t3 - t2, pages: pages.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A 200-page document made of the committed fixture pages, repeated. Each source is copied in
 * one call so its fonts are shared, as in a real long document.
 */
async function generated200(): Promise<Uint8Array> {
  const dir = join(ROOT, 'test/fixtures/pdf');
  const sources = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map(async (f) => PDFDocument.load(readFileSync(join(dir, f)))));
  const perSource = Math.ceil(200 / sources.length);
  const out = await PDFDocument.create();
  for (const src of sources) {
    const indices = Array.from({ length: perSource }, (_, i) => i % src.getPageCount());
    for (const page of await out.copyPages(src, indices)) if (out.getPageCount() < 200) out.addPage(page);
  }
  return out.save();
}

async function main() {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const seeds = resolve(ROOT, '../shared/seeds/pdf');
  if (existsSync(seeds)) for (const f of readdirSync(seeds).filter((f) => f.endsWith('.pdf')).sort()) files.push({ name: f, bytes: new Uint8Array(readFileSync(join(seeds, f))) });
  const real = resolve(ROOT, '../shared/real');
  if (existsSync(real)) for (const f of readdirSync(real).filter((f) => f.endsWith('.pdf')).sort()) files.push({ name: f, bytes: new Uint8Array(readFileSync(join(real, f))) });
  files.push({ name: 'generated-200-pages.pdf', bytes: await generated200() });

  // Warm up pdf.js (font and CMap loading, JIT) so the first file is not penalised.
  await rawPdfjs(files[0].bytes);
  await gouji(files[0].bytes, files[0].name);

  const rows: string[][] = [['file', 'pages', 'raw pdf.js ms', 'extract ms', 'layout ms', 'checks ms', 'extract+layout pages/s', 'ratio to raw', 'checks / extract']];
  let totRaw = 0, totOurs = 0, totChecks = 0, totExtract = 0, totPages = 0;
  for (const f of files) {
    const raw: number[] = [];
    const runs: Awaited<ReturnType<typeof gouji>>[] = [];
    // Alternate which goes first, so neither gains from the other's warm caches.
    for (let i = 0; i < REPEAT; i++) {
      if (i % 2 === 0) {
        raw.push(await rawPdfjs(f.bytes));
        runs.push(await gouji(f.bytes, f.name));
      } else {
        runs.push(await gouji(f.bytes, f.name));
        raw.push(await rawPdfjs(f.bytes));
      }
    }
    const r = median(raw);
    const extract = median(runs.map((x) => x.extract));
    const layout = median(runs.map((x) => x.layout));
    const checks = median(runs.map((x) => x.checks));
    const pages = runs[0].pages;
    totRaw += r; totOurs += extract + layout; totChecks += checks; totExtract += extract; totPages += pages;
    rows.push([basename(f.name).slice(0, 40), String(pages), r.toFixed(0), extract.toFixed(0), layout.toFixed(1), checks.toFixed(1), (pages / ((extract + layout) / 1000)).toFixed(1), ((extract + layout) / r).toFixed(2) + '×', ((100 * checks) / extract).toFixed(1) + '%']);
  }
  rows.push(['TOTAL', String(totPages), totRaw.toFixed(0), totExtract.toFixed(0), (totOurs - totExtract).toFixed(0), totChecks.toFixed(0), (totPages / (totOurs / 1000)).toFixed(1), (totOurs / totRaw).toFixed(2) + '×', ((100 * totChecks) / totExtract).toFixed(1) + '%']);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '));
  const ratio = totOurs / totRaw;
  console.log(`\nextraction + layout vs raw pdf.js: ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
  console.log(`checks add ${((100 * totChecks) / totExtract).toFixed(1)}% to extraction time (target < 10%)`);
  const rss = process.memoryUsage().rss / 1048576;
  console.log(`peak-ish RSS after run: ${rss.toFixed(0)} MB`);
}

await main();
